import { layoutLanes } from '../../renderer/src/layout/lane-layout';
import { generateLayeredMap } from './generate-map';
import { medianMs, type Print } from './measure';

/**
 * The three-lane layout of a random 1,000-node, 1,300-link map (bad links included): the time the
 * user waits after "Tidy into lanes" (the app runs the same code on the main thread). Until
 * December 2026 this was ELK's layered layout in a worker: layout.1k 2873 ms, and the map came
 * out a strip 60,000 px tall.
 */
export async function benchLayout(print: Print): Promise<void> {
  const map = generateLayeredMap(1_000, 13);
  print(
    'layout.1k',
    medianMs(() => layoutLanes(map), { runs: 5, warmup: 2 }),
    'ms',
  );
}
