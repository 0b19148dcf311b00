import { validateMap } from '../../shared/validation/validate';
import { naiveBfsGoalsWithExecutionPath, naiveGoalsWithExecutionPath } from '../shared/naive-execution-path';
import { generateLayeredMap } from './generate-map';

type Print = (name: string, value: number, unit: string) => void;

/** Median wall time in ms of `run`, after `warmup` unmeasured runs. */
function medianMs(run: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/**
 * The whole validator (every finding, messages in both languages) on random layered maps of 10k
 * and 100k nodes with 1.3 links per node, and the naive references on the same 10k map, computing
 * the execution path only.
 *
 * - validate.naive.10k is the test suite's reference, naiveGoalsWithExecutionPath: a DFS per goal
 *   enumerating simple paths, and cycle links found by a reachability search per link, both
 *   scanning the whole link list at every step. It is quadratic here (about 4 s at 10k on a 2-core
 *   machine), not exponential, because these sparse maps have few paths per goal, so it is used
 *   as is. Warmed up on a 1k map.
 * - validate.naive-bfs.10k is a fairer naive baseline: one BFS per goal over prebuilt adjacency
 *   lists (naiveBfsGoalsWithExecutionPath, O(N·(N+L)) in the worst case). On these maps each goal
 *   reaches only a few dozen nodes, so it is far below its worst case.
 */
export async function benchValidate(print: Print): Promise<void> {
  const small = generateLayeredMap(10_000, 1);
  const large = generateLayeredMap(100_000, 2);
  print(
    'validate.10k',
    medianMs(() => validateMap(small), 15, 5),
    'ms',
  );
  print(
    'validate.100k',
    medianMs(() => validateMap(large), 9, 3),
    'ms',
  );
  const warm = generateLayeredMap(1_000, 3);
  naiveGoalsWithExecutionPath(warm.nodes, warm.links);
  print(
    'validate.naive.10k',
    medianMs(() => naiveGoalsWithExecutionPath(small.nodes, small.links), 3, 0),
    'ms',
  );
  print(
    'validate.naive-bfs.10k',
    medianMs(() => naiveBfsGoalsWithExecutionPath(small.nodes, small.links), 5, 2),
    'ms',
  );
}
