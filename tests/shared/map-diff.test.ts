import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffMaps, diffSize, isEmptyDiff, metricValueMoves } from '../../shared/diff';
import { NODE_KINDS } from '../../shared/model/kinds';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapContent, MapLink, MapNode, MapNodeInput } from '../../shared/model/types';

const node = (input: MapNodeInput): MapNode => MapNodeSchema.parse(input);
const link = (id: string, source: string, target: string): MapLink => ({ id, source, target });

/** Goal g1 → mechanism m1 → metric k1: g1 has an execution path. */
function base(): MapContent {
  return {
    nodes: [
      node({ id: 'g1', kind: 'goal', title: 'Raise conversion' }),
      node({ id: 'm1', kind: 'mechanism', title: 'Coupon hints', function: 'operations' }),
      node({ id: 'k1', kind: 'metric', title: 'Payment conversion', current: 61, unit: '%' }),
    ],
    links: [link('l1', 'g1', 'm1'), link('l2', 'm1', 'k1')],
  };
}

describe('diffMaps', () => {
  it('finds nothing between a map and itself, or a copy that only moved its cards', () => {
    const map = base();
    expect(isEmptyDiff(diffMaps(map, map))).toBe(true);
    const moved: MapContent = {
      ...map,
      nodes: map.nodes.map((n) => ({ ...n, position: { x: n.position.x + 500, y: 90 } })),
    };
    const diff = diffMaps(map, moved);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      links: { added: [], removed: [] },
      goals: { lostPath: [], gainedPath: [] },
    });
  });

  it('keeps a retitled node as one changed node with its before and after', () => {
    const after = base();
    after.nodes[0] = { ...(after.nodes[0] as MapNode), title: 'Raise order conversion', owner: 'COO' };
    const diff = diffMaps(base(), after);
    expect(diff.nodes.added).toEqual([]);
    expect(diff.nodes.removed).toEqual([]);
    expect(JSON.parse(JSON.stringify(diff.nodes.changed))).toEqual([
      {
        id: 'g1',
        fields: {
          title: { before: 'Raise conversion', after: 'Raise order conversion' },
          owner: { before: '', after: 'COO' },
        },
      },
    ]);
    expect(diffSize(diff)).toBe(1);
  });

  it('lists added and removed nodes and links, and goals that lost their execution path', () => {
    const after = base();
    after.nodes = after.nodes.filter((n) => n.id !== 'm1');
    after.nodes.push(node({ id: 'g2', kind: 'goal', title: 'Retain members' }));
    after.links = [link('l9', 'g1', 'g2')];
    const diff = diffMaps(base(), after);
    expect(diff.nodes.added).toEqual([{ id: 'g2', kind: 'goal', title: 'Retain members' }]);
    expect(diff.nodes.removed).toEqual([{ id: 'm1', kind: 'mechanism', title: 'Coupon hints' }]);
    expect(diff.links.added).toEqual([{ id: 'l9', source: 'g1', target: 'g2' }]);
    expect(diff.links.removed.map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(diff.goals.lostPath).toEqual([{ id: 'g1', kind: 'goal', title: 'Raise conversion' }]);
    expect(diff.goals.gainedPath).toEqual([]);
    // And the other way round, the goal gained it.
    const back = diffMaps(after, base());
    expect(back.goals.gainedPath.map((g) => g.id)).toEqual(['g1']);
    expect(back.goals.lostPath).toEqual([]);
  });

  it('does not count a path through a cycle: the validator’s rule, not a plain reachability', () => {
    const before = base();
    const after = base();
    // g1 → m1 becomes part of a loop m2 → m1 → m2, and g1 reaches m1 only through m2's loop.
    after.nodes.push(node({ id: 'm2', kind: 'mechanism', title: 'Loop' }));
    after.links = [
      link('l1', 'g1', 'm2'),
      link('l3', 'm2', 'm1'),
      link('l4', 'm1', 'm2'),
      link('l2', 'm1', 'k1'),
    ];
    const diff = diffMaps(before, after);
    expect(diff.goals.lostPath.map((g) => g.id)).toEqual(['g1']);
  });

  it('matches links by their ends: a link drawn again under a new id is no change', () => {
    const after = base();
    after.links = [link('l1-new', 'g1', 'm1'), link('l2', 'm1', 'k1')];
    expect(isEmptyDiff(diffMaps(base(), after))).toBe(true);
    // A second copy of the same pair is one added link.
    after.links.push(link('dup', 'g1', 'm1'));
    expect(diffMaps(base(), after).links.added).toEqual([{ id: 'dup', source: 'g1', target: 'm1' }]);
    expect(diffMaps(after, base()).links.removed).toEqual([{ id: 'dup', source: 'g1', target: 'm1' }]);
  });

  it('calls a metric’s current value that moved a metric value move', () => {
    const after = base();
    after.nodes[2] = { ...(after.nodes[2] as MapNode), current: 64 } as MapNode;
    const diff = diffMaps(base(), after);
    expect(diff.nodes.changed).toEqual([{ id: 'k1', fields: { current: { before: 61, after: 64 } } }]);
    expect(metricValueMoves(diff, after)).toEqual([{ id: 'k1', before: 61, after: 64 }]);
    // A title change on a metric is not a value move.
    const retitled = base();
    retitled.nodes[2] = { ...(retitled.nodes[2] as MapNode), title: 'Checkout conversion' };
    expect(metricValueMoves(diffMaps(base(), retitled), retitled)).toEqual([]);
  });

  it('reports a kind change with the fields of both kinds', () => {
    const after = base();
    after.nodes[1] = node({ id: 'm1', kind: 'goal', title: 'Coupon hints' });
    const change = diffMaps(base(), after).nodes.changed[0];
    expect(change?.id).toBe('m1');
    expect(change?.fields.kind).toEqual({ before: 'mechanism', after: 'goal' });
    expect(change?.fields.function).toEqual({ before: 'operations', after: null });
    expect(change?.fields.horizon).toEqual({ before: null, after: '' });
  });

  it('treats ids such as __proto__ and constructor as ordinary ids', () => {
    const before: MapContent = { nodes: [node({ id: '__proto__', kind: 'goal', title: 'a' })], links: [] };
    const after: MapContent = {
      nodes: [
        node({ id: '__proto__', kind: 'goal', title: 'b' }),
        node({ id: 'constructor', kind: 'goal', title: 'c' }),
      ],
      links: [],
    };
    const diff = diffMaps(before, after);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['constructor']);
    expect(diff.nodes.changed.map((c) => c.id)).toEqual(['__proto__']);
  });
});

/** Random maps over a small id space, so two of them share some ids and differ in others. */
const contentArbitrary = fc
  .record({
    nodes: fc.uniqueArray(
      fc.record({
        slot: fc.nat({ max: 15 }),
        kind: fc.constantFrom(...NODE_KINDS),
        title: fc.constantFrom('A', 'B', 'C'),
        x: fc.integer({ min: 0, max: 1000 }),
        current: fc.option(fc.integer({ min: 0, max: 3 })),
      }),
      { selector: (n) => n.slot, maxLength: 12 },
    ),
    links: fc.array(fc.tuple(fc.nat({ max: 15 }), fc.nat({ max: 15 }), fc.nat({ max: 40 })), {
      maxLength: 20,
    }),
  })
  .map(
    ({ nodes, links }): MapContent => ({
      nodes: nodes.map((n) =>
        node({
          id: `n${n.slot}`,
          kind: n.kind,
          title: n.title,
          position: { x: n.x, y: 0 },
          ...(n.kind === 'metric' ? { current: n.current } : {}),
        }),
      ),
      links: links.map(([s, t, i], k) => link(`l${i}-${k}`, `n${s}`, `n${t}`)),
    }),
  );

const pairs = (links: readonly MapLink[]) => links.map((l) => `${l.source}>${l.target}`).sort();

describe('diffMaps, properties', () => {
  it('a map compared with itself is empty', () => {
    fc.assert(fc.property(contentArbitrary, (map) => isEmptyDiff(diffMaps(map, map))));
  });

  it('applying added and removed to the old map gives the new map’s node ids and link ends', () => {
    fc.assert(
      fc.property(contentArbitrary, contentArbitrary, (before, after) => {
        const diff = diffMaps(before, after);
        const removed = new Set(diff.nodes.removed.map((n) => n.id));
        const ids = [
          ...before.nodes.map((n) => n.id).filter((id) => !removed.has(id)),
          ...diff.nodes.added.map((n) => n.id),
        ];
        expect(ids.sort()).toEqual(after.nodes.map((n) => n.id).sort());
        const links = [...before.links];
        for (const gone of diff.links.removed) {
          const at = links.findIndex((l) => l.source === gone.source && l.target === gone.target);
          expect(at).toBeGreaterThanOrEqual(0);
          links.splice(at, 1);
        }
        expect(pairs([...links, ...diff.links.added])).toEqual(pairs(after.links));
      }),
    );
  });

  it('is symmetric: swapping the maps swaps added and removed, before and after, lost and gained', () => {
    fc.assert(
      fc.property(contentArbitrary, contentArbitrary, (a, b) => {
        const forth = diffMaps(a, b);
        const back = diffMaps(b, a);
        expect(new Set(back.nodes.added.map((n) => n.id))).toEqual(
          new Set(forth.nodes.removed.map((n) => n.id)),
        );
        expect(new Set(back.goals.gainedPath.map((g) => g.id))).toEqual(
          new Set(forth.goals.lostPath.map((g) => g.id)),
        );
        expect(pairs(back.links.added as MapLink[])).toEqual(pairs(forth.links.removed as MapLink[]));
        const changedBack = new Map(back.nodes.changed.map((c) => [c.id, c.fields]));
        for (const change of forth.nodes.changed) {
          const fields = changedBack.get(change.id);
          expect(fields).toBeDefined();
          for (const [key, value] of Object.entries(change.fields)) {
            expect(fields?.[key]).toEqual({ before: value.after, after: value.before });
          }
        }
        expect(changedBack.size).toBe(forth.nodes.changed.length);
      }),
    );
  });

  it('never reports a position as a change', () => {
    fc.assert(
      fc.property(contentArbitrary, contentArbitrary, (a, b) =>
        [...diffMaps(a, b).nodes.changed].every((c) => !('position' in c.fields) && !('id' in c.fields)),
      ),
    );
  });
});
