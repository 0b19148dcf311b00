import type { LinkAnalysis } from './link-analysis';
import { LINK_CLASS_CODE } from './link-classes';
import { scratchInt32 } from './scratch';

const USABLE = LINK_CLASS_CODE.usable;

/**
 * Marks the seeds and every node with a usable path to a seed (reverse BFS over usable links).
 * Seeds should be goals or mechanisms; the walk then never passes through a metric.
 */
export function reachBackwards(
  analysis: Pick<LinkAnalysis, 'inStart' | 'inSource'>,
  seeds: Uint8Array,
): Uint8Array {
  const { inStart, inSource } = analysis;
  const n = seeds.length;
  const seen = new Uint8Array(n);
  const queue = scratchInt32('reach-queue', n);
  let tail = 0;
  for (let v = 0; v < n; v++) {
    if (seeds[v] === 1) {
      seen[v] = 1;
      queue[tail++] = v;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head] as number;
    const end = inStart[v + 1] as number;
    for (let e = inStart[v] as number; e < end; e++) {
      const u = inSource[e] as number;
      if (seen[u] === 0) {
        seen[u] = 1;
        queue[tail++] = u;
      }
    }
  }
  return seen;
}

/** Marks the seeds and every node a seed reaches along usable links (forward BFS). */
export function reachForwards(
  analysis: Pick<LinkAnalysis, 'outStart' | 'outLinks' | 'linkClass' | 'linkTarget'>,
  seeds: Uint8Array,
): Uint8Array {
  const { outStart, outLinks, linkClass, linkTarget } = analysis;
  const n = seeds.length;
  const seen = new Uint8Array(n);
  const queue = scratchInt32('reach-queue', n);
  let tail = 0;
  for (let v = 0; v < n; v++) {
    if (seeds[v] === 1) {
      seen[v] = 1;
      queue[tail++] = v;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head] as number;
    const end = outStart[v + 1] as number;
    for (let e = outStart[v] as number; e < end; e++) {
      const i = outLinks[e] as number;
      if (linkClass[i] !== USABLE) continue;
      const w = linkTarget[i] as number;
      if (seen[w] === 0) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return seen;
}
