import { diffMaps, diffSize } from '../../shared/diff';
import type { MapContent, MapLink, MapNode } from '../../shared/model/types';
import { generateLayeredMap, seededRandom } from './generate-map';
import { medianMs, type Print } from './measure';

/**
 * diff.5k: two versions of a 5,000-node map (1.3 links a node) of which 10% differ: of every ten
 * changed nodes, six have a field changed (a title, an owner, a metric's current value), two were
 * removed with their links and two added with a link each; positions moved everywhere, which is
 * no change. Both execution-path analyses are part of the figure.
 */
export function diffVersions(nodeCount: number, seed: number): { before: MapContent; after: MapContent } {
  const before = generateLayeredMap(nodeCount, seed);
  const random = seededRandom(seed + 1);
  const changed = Math.round(nodeCount * 0.1);
  const order = before.nodes.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const picked = order.slice(0, changed);
  const removed = new Set<string>();
  const nodes: MapNode[] = before.nodes.map((n) => ({
    ...n,
    position: { x: n.position.x + 10, y: n.position.y },
  }));
  picked.forEach((at, k) => {
    const node = nodes[at] as MapNode;
    if (k % 10 < 6) {
      nodes[at] =
        node.kind === 'metric' && k % 2 === 0
          ? { ...node, current: (node.current ?? 0) + 1 }
          : { ...node, title: `${node.title} (revised)`, owner: k % 3 === 0 ? 'New owner' : node.owner };
    } else if (k % 10 < 8) {
      removed.add(node.id);
    }
  });
  const added: MapNode[] = [];
  const addedLinks: MapLink[] = [];
  for (let k = 0; k < Math.round(changed * 0.2); k++) {
    added.push({
      id: `new${k}`,
      kind: 'mechanism',
      title: `New mechanism ${k}`,
      description: '',
      owner: '',
      position: { x: 400, y: k * 140 },
      function: 'operations',
      startDate: null,
      dueDate: null,
      status: 'planned',
    });
    addedLinks.push({ id: `newlink${k}`, source: `g${k}`, target: `new${k}` });
  }
  const links = before.links.filter((l) => !removed.has(l.source) && !removed.has(l.target));
  return {
    before,
    after: {
      nodes: [...nodes.filter((n) => !removed.has(n.id)), ...added],
      links: [...links, ...addedLinks],
    },
  };
}

export async function benchDiff(print: Print): Promise<void> {
  const { before, after } = diffVersions(5_000, 7);
  const items = diffSize(diffMaps(before, after));
  print(
    'diff.5k',
    medianMs(() => diffMaps(before, after), { runs: 21, warmup: 10, warmupMs: 1000 }),
    'ms',
  );
  print('diff.5k.items', items, 'changes');
}
