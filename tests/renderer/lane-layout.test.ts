import ELK from 'elkjs/lib/elk.bundled.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NODE_SIZE,
  type ElkLike,
  type LaneLayoutInput,
  type LaneLayoutLink,
  type LaneLayoutNode,
  layoutLanes,
} from '../../renderer/src/layout/lane-layout';
import { NODE_KINDS, type NodeKind, type Position } from '../../shared/model';
import { generateLayeredMap } from '../bench/generate-map';

const elk = new ELK();
const LANE: Record<NodeKind, number> = { goal: 0, mechanism: 1, metric: 2 };

function size(node: LaneLayoutNode): { width: number; height: number } {
  return { width: node.width ?? DEFAULT_NODE_SIZE.width, height: node.height ?? DEFAULT_NODE_SIZE.height };
}

function node(id: string, kind: NodeKind, width?: number, height?: number): LaneLayoutNode {
  return { id, kind, width, height };
}

function link(source: string, target: string, id = `${source}-${target}`): LaneLayoutLink {
  return { id, source, target };
}

/** Every node has a finite position. */
function expectEveryNodePlaced(input: LaneLayoutInput, positions: ReadonlyMap<string, Position>): void {
  const ids = new Set(input.nodes.map((n) => n.id));
  expect(new Set(positions.keys())).toEqual(ids);
  for (const p of positions.values()) {
    expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  }
}

/** Every goal's box ends left of every mechanism's, every mechanism's left of every metric's. */
function lanesInOrder(input: LaneLayoutInput, positions: ReadonlyMap<string, Position>): boolean {
  const left = [Infinity, Infinity, Infinity];
  const right = [-Infinity, -Infinity, -Infinity];
  for (const n of input.nodes) {
    const p = positions.get(n.id) as Position;
    const lane = LANE[n.kind];
    left[lane] = Math.min(left[lane] as number, p.x);
    right[lane] = Math.max(right[lane] as number, p.x + size(n).width);
  }
  const present = [0, 1, 2].filter((lane) => Number.isFinite(left[lane]));
  return present.every((lane, i) => {
    const next = present[i + 1];
    return next === undefined || (right[lane] as number) < (left[next] as number);
  });
}

/** The first pair of nodes whose boxes overlap, or null. */
function overlap(input: LaneLayoutInput, positions: ReadonlyMap<string, Position>): [string, string] | null {
  const boxes = input.nodes.map((n) => ({ id: n.id, ...size(n), ...(positions.get(n.id) as Position) }));
  boxes.sort((a, b) => a.x - b.x);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i] as (typeof boxes)[number];
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j] as (typeof boxes)[number];
      if (b.x >= a.x + a.width) break;
      if (a.y < b.y + b.height && b.y < a.y + a.height) return [a.id, b.id];
    }
  }
  return null;
}

function expectSoundLayout(input: LaneLayoutInput, positions: ReadonlyMap<string, Position>): void {
  expectEveryNodePlaced(input, positions);
  expect(lanesInOrder(input, positions)).toBe(true);
  expect(overlap(input, positions)).toBeNull();
}

const checkout: LaneLayoutInput = {
  nodes: [
    node('g1', 'goal'),
    node('g2', 'goal'),
    node('m1', 'mechanism'),
    node('m2', 'mechanism'),
    node('k1', 'metric'),
    node('k2', 'metric'),
  ],
  links: [link('g1', 'g2'), link('g2', 'm1'), link('m1', 'm2'), link('m2', 'k1'), link('g1', 'k2')],
};

describe('layoutLanes', () => {
  it('puts goals, mechanisms and metrics in three lanes from left to right, without overlaps', async () => {
    const positions = await layoutLanes(checkout, elk);
    expectSoundLayout(checkout, positions);
    const x = (id: string) => (positions.get(id) as Position).x;
    expect(Math.max(x('g1'), x('g2'))).toBeLessThan(Math.min(x('m1'), x('m2')));
    expect(Math.max(x('m1'), x('m2'))).toBeLessThan(Math.min(x('k1'), x('k2')));
    // A sub-goal is a column of its own to the right of its parent, still in the Strategy lane.
    expect(x('g1')).toBeLessThan(x('g2'));
  });

  it('leaves room for a projector: columns and rows are well apart', async () => {
    const input: LaneLayoutInput = {
      nodes: [node('g', 'goal'), node('m1', 'mechanism'), node('m2', 'mechanism')],
      links: [link('g', 'm1'), link('g', 'm2')],
    };
    const positions = await layoutLanes(input, elk);
    const g = positions.get('g') as Position;
    const m1 = positions.get('m1') as Position;
    const m2 = positions.get('m2') as Position;
    expect(m1.x - (g.x + DEFAULT_NODE_SIZE.width)).toBeGreaterThanOrEqual(120);
    expect(Math.abs(m1.y - m2.y) - DEFAULT_NODE_SIZE.height).toBeGreaterThanOrEqual(40);
  });

  it('uses the measured sizes it is given, so large nodes do not overlap', async () => {
    const input: LaneLayoutInput = {
      nodes: [
        node('g', 'goal', 520, 300),
        node('m1', 'mechanism', 300, 260),
        node('m2', 'mechanism', 240, 90),
        node('m3', 'mechanism', 410, 180),
        node('k', 'metric', 600, 400),
        node('k2', 'metric'),
      ],
      links: [link('g', 'm1'), link('g', 'm2'), link('g', 'm3'), link('m1', 'k'), link('m2', 'k2')],
    };
    expectSoundLayout(input, await layoutLanes(input, elk));
  });

  it('lays out a map with dangling, self, backwards, duplicate and cyclic links without throwing', async () => {
    const input: LaneLayoutInput = {
      nodes: checkout.nodes,
      links: [
        ...checkout.links,
        link('g1', 'missing'),
        link('missing', 'k1'),
        link('m1', 'm1'),
        link('k1', 'g1'),
        link('k1', 'm1'),
        link('m2', 'g2'),
        link('k1', 'k2'),
        link('g2', 'g1'),
        link('m2', 'm1'),
        link('g2', 'm1', 'duplicate-id'),
        link('g2', 'm1', 'duplicate-id'),
      ],
    };
    expectSoundLayout(input, await layoutLanes(input, elk));
  });

  it('places nodes without links in their own lane', async () => {
    const input: LaneLayoutInput = {
      nodes: [...checkout.nodes, node('lonely-goal', 'goal'), node('lonely-mechanism', 'mechanism')],
      links: checkout.links,
    };
    const lonelyMetricFirst: LaneLayoutInput = {
      nodes: [node('lonely-metric', 'metric'), ...input.nodes],
      links: input.links,
    };
    expectSoundLayout(input, await layoutLanes(input, elk));
    expectSoundLayout(lonelyMetricFirst, await layoutLanes(lonelyMetricFirst, elk));

    const noLinks: LaneLayoutInput = {
      nodes: [node('k', 'metric'), node('m', 'mechanism'), node('g', 'goal')],
      links: [],
    };
    const positions = await layoutLanes(noLinks, elk);
    expectSoundLayout(noLinks, positions);
    expect((positions.get('g') as Position).x).toBeLessThan((positions.get('m') as Position).x);
    expect((positions.get('m') as Position).x).toBeLessThan((positions.get('k') as Position).x);
  });

  it('handles an empty map, a single lane and a missing lane', async () => {
    expect((await layoutLanes({ nodes: [], links: [] }, elk)).size).toBe(0);
    const goalsOnly: LaneLayoutInput = {
      nodes: [node('a', 'goal'), node('b', 'goal'), node('c', 'goal')],
      links: [link('a', 'b')],
    };
    expectSoundLayout(goalsOnly, await layoutLanes(goalsOnly, elk));
    const noMechanisms: LaneLayoutInput = {
      nodes: [node('g', 'goal'), node('k', 'metric'), node('k2', 'metric')],
      links: [link('g', 'k')],
    };
    expectSoundLayout(noMechanisms, await layoutLanes(noMechanisms, elk));
  });

  it('gives the same positions for the same map every time', async () => {
    const map = generateLayeredMap(120, 11);
    const first = await layoutLanes(map, elk);
    const again = await layoutLanes(map, new ELK());
    expect([...again]).toEqual([...first]);
  });

  it('lays out a 300-node map with imperfect links', async () => {
    const map = generateLayeredMap(300, 5);
    const positions = await layoutLanes(map, elk);
    expectSoundLayout(map, positions);
  });

  it('keeps the lanes apart and every node placed even when ELK does not', async () => {
    // A stand-in for ELK that stacks metrics left of goals and forgets a mechanism.
    const careless: ElkLike = {
      layout: async (graph) => ({
        ...graph,
        children: (graph.children ?? [])
          .filter((child) => child.id !== 'm2')
          .map((child, i) => ({ ...child, x: child.id.startsWith('k') ? 0 : 400, y: i * 200 })),
      }),
    };
    const positions = await layoutLanes(checkout, careless);
    expectSoundLayout(checkout, positions);
  });

  it('keeps lane order and never overlaps nodes on random maps with bad links (property)', async () => {
    const arbitraryMap = fc
      .array(
        fc.record({
          kind: fc.constantFrom(...NODE_KINDS),
          width: fc.option(fc.integer({ min: 120, max: 480 }), { nil: undefined }),
          height: fc.option(fc.integer({ min: 60, max: 260 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 24 },
      )
      .chain((specs) => {
        // Index `specs.length` names a node that does not exist: a dangling end.
        const end = fc.integer({ min: 0, max: specs.length }).map((i) => `n${i}`);
        return fc.record({
          nodes: fc.constant(specs.map((spec, i): LaneLayoutNode => ({ id: `n${i}`, ...spec }))),
          links: fc.array(fc.record({ id: fc.constantFrom('l1', 'l2', 'l3'), source: end, target: end }), {
            maxLength: specs.length * 3,
          }),
        });
      });
    await fc.assert(
      fc.asyncProperty(arbitraryMap, async (input) => {
        const positions = await layoutLanes(input, elk);
        expectEveryNodePlaced(input, positions);
        expect(lanesInOrder(input, positions)).toBe(true);
        expect(overlap(input, positions)).toBeNull();
      }),
      { numRuns: 60, seed: 20271 },
    );
  });
});
