import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutLanes } from '../../renderer/src/layout/lane-layout';
import { generateLayeredMap } from './generate-map';
import { medianMsAsync, type Print } from './measure';

/**
 * The three-lane layout of a random 1,000-node, 1,300-link map (bad links included) with elkjs's
 * bundled build under Node: the same ELK code the app runs in a Web Worker, so this is the time
 * the user waits after "Tidy into lanes", give or take the worker's message passing. The ELK
 * instance is reused, as the app reuses its worker.
 */
export async function benchLayout(print: Print): Promise<void> {
  const elk = new ELK();
  const map = generateLayeredMap(1_000, 13);
  print('layout.1k', await medianMsAsync(() => layoutLanes(map, elk), { runs: 5, warmup: 2 }), 'ms');
}
