import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutLanes } from '../../renderer/src/layout/lane-layout';
import { generateLayeredMap } from './generate-map';

type Print = (name: string, value: number, unit: string) => void;

/** Median wall time in ms of the async `run`, after `warmup` unmeasured runs. */
async function medianMs(run: () => Promise<unknown>, runs: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/**
 * The three-lane layout of a random 1,000-node, 1,300-link map (bad links included) with elkjs's
 * bundled build under Node: the same ELK code the app runs in a Web Worker, so this is the time
 * the user waits after "Tidy into lanes", give or take the worker's message passing. The ELK
 * instance is reused, as the app reuses its worker.
 */
export async function benchLayout(print: Print): Promise<void> {
  const elk = new ELK();
  const map = generateLayeredMap(1_000, 13);
  print('layout.1k', await medianMs(() => layoutLanes(map, elk), 5, 2), 'ms');
}
