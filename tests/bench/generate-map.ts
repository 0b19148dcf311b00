import { MECHANISM_FUNCTIONS } from '../../shared/model/kinds';
import type { MapLink, MapNode } from '../../shared/model/types';

/** A small deterministic PRNG (mulberry32): the same seed always gives the same map. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random map laid out in the three lanes (goals x=0, mechanisms x=400, metrics x=800): about
 * 30% goals, 45% mechanisms and 25% metrics, `linksPerNode` links per node. Links are mostly
 * allowed and point forwards to nearby nodes (sub-goals, goal → mechanism, mechanism → mechanism,
 * mechanism → metric, outcome metrics); about 5% are random pairs (forbidden, backwards, cycles,
 * self-links, duplicates) and 0.5% dangling. Most nodes have an owner and most metrics a baseline
 * and target, so the findings look like those of a real, imperfect plan.
 */
export function generateLayeredMap(
  nodeCount: number,
  seed: number,
  linksPerNode = 1.3,
): { nodes: MapNode[]; links: MapLink[] } {
  const random = seededRandom(seed);
  const int = (max: number) => Math.floor(random() * max);
  const goals = Math.max(nodeCount > 0 ? 1 : 0, Math.round(nodeCount * 0.3));
  const mechanisms = Math.min(nodeCount - goals, Math.round(nodeCount * 0.45));
  const metrics = nodeCount - goals - mechanisms;
  const nodes: MapNode[] = [];
  const owner = () => (random() < 0.9 ? `Owner ${int(50)}` : '');
  const title = (label: string, i: number) => (random() < 0.01 ? '' : `${label} ${i + 1}`);

  for (let i = 0; i < goals; i++) {
    nodes.push({
      id: `g${i}`,
      kind: 'goal',
      title: title('Goal', i),
      description: '',
      owner: owner(),
      position: { x: 0, y: i * 140 },
      horizon: 'FY2027',
      priority: null,
      status: 'active',
    });
  }
  for (let i = 0; i < mechanisms; i++) {
    nodes.push({
      id: `m${i}`,
      kind: 'mechanism',
      title: title('Mechanism', i),
      description: '',
      owner: owner(),
      position: { x: 400, y: i * 140 },
      function: MECHANISM_FUNCTIONS[int(MECHANISM_FUNCTIONS.length)] ?? 'operations',
      startDate: null,
      dueDate: null,
      status: 'running',
    });
  }
  for (let i = 0; i < metrics; i++) {
    nodes.push({
      id: `k${i}`,
      kind: 'metric',
      title: title('Metric', i),
      description: '',
      owner: owner(),
      position: { x: 800, y: i * 140 },
      unit: '%',
      direction: 'higher',
      baseline: random() < 0.9 ? 10 : null,
      target: random() < 0.9 ? 20 : null,
      current: null,
      dueDate: null,
      cadence: 'monthly',
      source: '',
    });
  }

  // A node of a lane near the relative position `at` (0..1) of another lane.
  const near = (prefix: string, size: number, at: number, spread: number) => {
    const base = Math.round(at * size) + int(2 * spread + 1) - spread;
    return `${prefix}${Math.min(size - 1, Math.max(0, base))}`;
  };
  const linkCount = Math.round(nodeCount * linksPerNode);
  const links: MapLink[] = [];
  if (nodeCount === 0) return { nodes, links };
  for (let l = 0; l < linkCount; l++) {
    const r = random();
    let source: string;
    let target: string;
    if (r < 0.32 && goals > 0 && mechanisms > 0) {
      const g = int(goals);
      source = `g${g}`;
      target = near('m', mechanisms, g / goals, 10);
    } else if (r < 0.65 && mechanisms > 0 && metrics > 0) {
      const m = int(mechanisms);
      source = `m${m}`;
      target = near('k', metrics, m / mechanisms, 10);
    } else if (r < 0.75 && mechanisms > 1) {
      const m = int(mechanisms - 1);
      source = `m${m}`;
      target = `m${Math.min(mechanisms - 1, m + 1 + int(30))}`;
    } else if (r < 0.83 && goals > 1) {
      const g = int(goals - 1);
      source = `g${g}`;
      target = `g${Math.min(goals - 1, g + 1 + int(30))}`;
    } else if (r < 0.945 && goals > 0 && metrics > 0) {
      const g = int(goals);
      source = `g${g}`;
      target = near('k', metrics, g / goals, 10);
    } else if (r < 0.995) {
      source = (nodes[int(nodeCount)] as MapNode).id;
      target = (nodes[int(nodeCount)] as MapNode).id;
    } else {
      source = (nodes[int(nodeCount)] as MapNode).id;
      target = `missing${int(1000)}`;
    }
    links.push({ id: `l${l}`, source, target });
  }
  return { nodes, links };
}
