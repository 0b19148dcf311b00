import { validateMap } from '../../shared/validation/validate';
import { naiveBfsGoalsWithExecutionPath, naiveGoalsWithExecutionPath } from '../shared/naive-execution-path';
import { generateLayeredMap } from './generate-map';
import { medianMs, type Print } from './measure';

/**
 * The whole validator (every finding; as in the app, a finding's sentences, and a one-node
 * finding's id list, are written when first read, so not here) on random layered maps of 10k
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
  // Each size warms up for two seconds first: at 10k the first few dozen runs are still partly
  // unoptimised code and a young heap that collects often, twice as slow as in a running app.
  const at10k = medianMs(() => validateMap(small), { runs: 21, warmup: 20, warmupMs: 2000 });
  print('validate.10k', at10k, 'ms');
  const at100k = medianMs(() => validateMap(large), { runs: 11, warmup: 5, warmupMs: 2000 });
  print('validate.100k', at100k, 'ms');
  print('validate.ratio.100k/10k', at100k / at10k, 'x');
  const warm = generateLayeredMap(1_000, 3);
  naiveGoalsWithExecutionPath(warm.nodes, warm.links);
  print(
    'validate.naive.10k',
    medianMs(() => naiveGoalsWithExecutionPath(small.nodes, small.links), { runs: 3, warmup: 0 }),
    'ms',
  );
  print(
    'validate.naive-bfs.10k',
    medianMs(() => naiveBfsGoalsWithExecutionPath(small.nodes, small.links), { runs: 5, warmup: 2 }),
    'ms',
  );
}
