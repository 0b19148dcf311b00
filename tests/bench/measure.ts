/** How a benchmark reports a figure: one line `name: value unit`. */
export type Print = (name: string, value: number, unit: string) => void;

/** The middle value (the upper one of the two middles for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export interface Runs {
  /** Measured runs. */
  runs: number;
  /** Unmeasured runs first, so the code is compiled and the heap sized as in a running app. */
  warmup: number;
  /** Keep warming up until this much time has passed too (the optimising compiler needs time). */
  warmupMs?: number;
  /** Called before each run, unmeasured (fresh data for a run that consumes it). */
  setUp?: () => void;
}

/** Median wall time in ms of `run`. */
export function medianMs(run: () => unknown, { runs, warmup, warmupMs = 0, setUp }: Runs): number {
  const warmupEnds = performance.now() + warmupMs;
  for (let i = 0; i < warmup || performance.now() < warmupEnds; i++) {
    setUp?.();
    run();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    setUp?.();
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The same for an asynchronous `run`. */
export async function medianMsAsync(
  run: () => Promise<unknown>,
  { runs, warmup, warmupMs = 0, setUp }: Runs,
): Promise<number> {
  const warmupEnds = performance.now() + warmupMs;
  for (let i = 0; i < warmup || performance.now() < warmupEnds; i++) {
    setUp?.();
    await run();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    setUp?.();
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}
