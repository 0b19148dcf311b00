import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitWholeMap } from '../../renderer/src/canvas/fit-view';
import {
  DEFAULT_NODE_SIZE,
  type LaneLayoutInput,
  type LaneLayoutLink,
  type LaneLayoutNode,
  layoutLanes,
  SCREEN_ASPECT,
} from '../../renderer/src/layout/lane-layout';
import { toFlowNode } from '../../renderer/src/store/plan-flow';
import { NODE_KINDS, type NodeKind, type Position } from '../../shared/model';
import { laneHeaders } from '../../shared/render/lane-headers';
import { generateLayeredMap } from '../bench/generate-map';

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

function boxesOf(input: LaneLayoutInput, positions: ReadonlyMap<string, Position>) {
  return input.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    ...size(n),
    ...(positions.get(n.id) as Position),
  }));
}

/** Every node has a finite position. */
function expectEveryNodePlaced(input: LaneLayoutInput, positions: ReadonlyMap<string, Position>): void {
  expect(new Set(positions.keys())).toEqual(new Set(input.nodes.map((n) => n.id)));
  for (const p of positions.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
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
  const boxes = boxesOf(input, positions).sort((a, b) => a.x - b.x);
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

/** No overlaps, and every column of nodes holds one kind (so the lanes get headers). */
function expectSoundLayout(input: LaneLayoutInput, positions: ReadonlyMap<string, Position>): void {
  expectEveryNodePlaced(input, positions);
  expect(overlap(input, positions)).toBeNull();
  if (input.nodes.length > 0) expect(laneHeaders(boxesOf(input, positions)).length).toBeGreaterThan(0);
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
  it('puts goals, mechanisms and metrics in three lanes from left to right, without overlaps', () => {
    const positions = layoutLanes(checkout);
    expectSoundLayout(checkout, positions);
    expect(lanesInOrder(checkout, positions)).toBe(true);
  });

  it('keeps the goal hierarchy: the root goal at the top, each sub-goal right after its parent', () => {
    // The root is listed last and the sub-goals before it, as an import may list them.
    const input: LaneLayoutInput = {
      nodes: [
        node('sub-b', 'goal'),
        node('sub-a', 'goal'),
        node('sub-a-1', 'goal'),
        node('root', 'goal'),
        node('m-root', 'mechanism'),
        node('m-b', 'mechanism'),
        node('k-b', 'metric'),
      ],
      links: [
        link('root', 'sub-a'),
        link('root', 'sub-b'),
        link('sub-a', 'sub-a-1'),
        link('root', 'm-root'),
        link('sub-b', 'm-b'),
        link('m-b', 'k-b'),
      ],
    };
    const positions = layoutLanes(input);
    expectSoundLayout(input, positions);
    const y = (id: string) => (positions.get(id) as Position).y;
    const x = (id: string) => (positions.get(id) as Position).x;
    expect(['root', 'sub-a', 'sub-a-1', 'sub-b'].map(y)).toEqual(
      [...['root', 'sub-a', 'sub-a-1', 'sub-b'].map(y)].sort((a, b) => a - b),
    );
    expect(y('root')).toBe(Math.min(...input.nodes.map((n) => y(n.id))));
    // Sub-goals are indented under their parent.
    expect(x('sub-a')).toBeGreaterThan(x('root'));
    expect(x('sub-a-1')).toBeGreaterThan(x('sub-a'));
    // A goal's mechanism and metric sit beside it: on the same line, not at the bottom of their lane.
    expect(y('m-root')).toBe(y('root'));
    expect(y('m-b')).toBe(y('sub-b'));
    expect(y('k-b')).toBe(y('sub-b'));
  });

  it('leaves room for the links between lanes and between the nodes of a lane', () => {
    const input: LaneLayoutInput = {
      nodes: [node('g', 'goal'), node('m1', 'mechanism'), node('m2', 'mechanism')],
      links: [link('g', 'm1'), link('g', 'm2')],
    };
    const positions = layoutLanes(input);
    const g = positions.get('g') as Position;
    const m1 = positions.get('m1') as Position;
    const m2 = positions.get('m2') as Position;
    expect(m1.x - (g.x + DEFAULT_NODE_SIZE.width)).toBeGreaterThanOrEqual(48);
    expect(Math.abs(m1.y - m2.y) - DEFAULT_NODE_SIZE.height).toBeGreaterThanOrEqual(16);
  });

  it('uses the measured sizes it is given, so large nodes do not overlap', () => {
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
    const positions = layoutLanes(input);
    expectSoundLayout(input, positions);
    expect(lanesInOrder(input, positions)).toBe(true);
  });

  it('lays out a map with dangling, self, backwards, duplicate and cyclic links without throwing', () => {
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
    const positions = layoutLanes(input);
    expectSoundLayout(input, positions);
    expect(lanesInOrder(input, positions)).toBe(true);
  });

  it('places nodes without links in their own lane, and handles empty and single-lane maps', () => {
    const noLinks: LaneLayoutInput = {
      nodes: [node('k', 'metric'), node('m', 'mechanism'), node('g', 'goal')],
      links: [],
    };
    const positions = layoutLanes(noLinks);
    expectSoundLayout(noLinks, positions);
    expect(lanesInOrder(noLinks, positions)).toBe(true);
    expect(layoutLanes({ nodes: [], links: [] }).size).toBe(0);
    const goalsOnly: LaneLayoutInput = {
      nodes: [node('a', 'goal'), node('b', 'goal'), node('c', 'goal')],
      links: [link('a', 'b')],
    };
    expectSoundLayout(goalsOnly, layoutLanes(goalsOnly));
  });

  it('gives the same positions for the same map every time', () => {
    const map = generateLayeredMap(300, 11);
    expect([...layoutLanes(map)]).toEqual([...layoutLanes(map)]);
  });

  it('wraps a 1,000-node map into bands: a screen-shaped rectangle, not a strip', () => {
    const map = generateLayeredMap(1_000, 13);
    const positions = layoutLanes(map);
    expectSoundLayout(map, positions);
    const boxes = boxesOf(map, positions);
    const width = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
    const height = Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y));
    // ELK's layout was about 1,600 × 60,000.
    expect(height).toBeLessThan(6_000);
    expect(width / height).toBeGreaterThan(SCREEN_ASPECT * 0.75);
    expect(width / height).toBeLessThan(SCREEN_ASPECT * 1.5);
    // Several bands, each a lane triple with its own headers.
    const headers = laneHeaders(boxes);
    expect(headers.filter((h) => h.kind === 'goal').length).toBeGreaterThanOrEqual(3);

    // A mechanism one goal links to is in that goal's band: no goal lane lies between them.
    const goalLanes = headers.filter((h) => h.kind === 'goal').map((h) => h.x);
    const byId = new Map(boxes.map((b) => [b.id, b]));
    const goalParents = new Map<string, string[]>();
    for (const l of map.links) {
      if (l.source.startsWith('g') && l.target.startsWith('m') && byId.has(l.target))
        goalParents.set(l.target, [...(goalParents.get(l.target) ?? []), l.source]);
    }
    let checked = 0;
    for (const [mechanism, parents] of goalParents) {
      if (new Set(parents).size !== 1) continue;
      const g = byId.get(parents[0] as string) as (typeof boxes)[number];
      const m = byId.get(mechanism) as (typeof boxes)[number];
      expect(m.x).toBeGreaterThan(g.x);
      expect(goalLanes.some((x) => x > g.x + g.width && x <= m.x)).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('lets Fit to screen show a 1,000-node map whole at 15% or more on a 1920 × 1080 screen', () => {
    const map = generateLayeredMap(1_000, 13);
    const positions = layoutLanes(map);
    const nodes = map.nodes.map((n) => toFlowNode({ ...n, position: positions.get(n.id) as Position }));
    let zoom = 0;
    // The canvas of a 1920 × 1080 window: less the map list (260 px), the inspector (340 px) and the header.
    fitWholeMap(
      {
        getNodes: () => nodes,
        setViewport: async (v) => {
          zoom = v.zoom;
          return true;
        },
      },
      { width: 1920 - 260 - 340, height: 1080 - 60 },
    );
    expect(zoom).toBeGreaterThanOrEqual(0.15);
  });

  it('lays out a 1,000-node map quickly', () => {
    const map = generateLayeredMap(1_000, 13);
    layoutLanes(map);
    const start = performance.now();
    layoutLanes(map);
    // ELK took about 2.9 s; this is about 0.15 s on the build machine. Generous for a busy CI.
    expect(performance.now() - start).toBeLessThan(1_500);
  });

  it('never overlaps nodes and keeps every column to one kind on random maps with bad links (property)', () => {
    const arbitraryMap = fc
      .array(
        fc.record({
          kind: fc.constantFrom(...NODE_KINDS),
          width: fc.option(fc.integer({ min: 120, max: 480 }), { nil: undefined }),
          height: fc.option(fc.integer({ min: 60, max: 260 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 40 },
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
    fc.assert(
      fc.property(arbitraryMap, (input) => {
        const positions = layoutLanes(input);
        expectSoundLayout(input, positions);
      }),
      { numRuns: 100, seed: 20271 },
    );
  });
});
