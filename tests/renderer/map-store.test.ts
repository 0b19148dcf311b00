import { describe, expect, it } from 'vitest';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { MapDocument } from '../../shared/contract/api';
import { createNode } from '../../shared/model';
import { docContent, watchDoc } from './doc-watch';

const doc = (): MapDocument => ({
  id: 'm1',
  name: 'Plan',
  revision: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  nodes: [
    createNode('goal', 'g', 'Grow', { x: 0, y: 0 }),
    createNode('mechanism', 'm', 'Coupons', { x: 360, y: 0 }),
    createNode('metric', 'k', 'Conversion', { x: 720, y: 0 }),
  ],
  links: [{ id: 'l1', source: 'g', target: 'm' }],
});

describe('map store', () => {
  it('flags the goal without an execution path and clears the flag when the chain is measured', () => {
    const store = createMapStore();
    store.getState().load(doc());
    expect(store.getState().nodeFlags.get('g')).toMatch(/^error:/);
    const verdict = store.getState().connect('m', 'k');
    expect(verdict.ok).toBe(true);
    expect(store.getState().nodeFlags.get('g') ?? '').not.toMatch(/^error/);
    expect(store.getState().findings.some((f) => f.code === 'goal-without-execution-path')).toBe(false);
  });

  it('refuses a forbidden link with its reason and changes nothing', () => {
    const store = createMapStore();
    store.getState().load(doc());
    const seen = watchDoc(store);
    const edges = store.getState().edges;
    const verdict = store.getState().connect('k', 'g');
    expect(verdict).toEqual({ ok: false, reason: 'out-of-metric' });
    expect(store.getState().edges).toBe(edges);
    expect(seen).toEqual([]);
  });

  it('writes only what changed into the map’s document: a rename is the title field of one node', () => {
    const store = createMapStore();
    store.getState().load(doc());
    const seen = watchDoc(store);
    store.getState().renameNode('m', 'Coupon display');
    expect(seen).toEqual([{ nodes: ['m'], links: [], fields: { m: ['title'] } }]);
    expect(docContent(store).nodes.find((n) => n.id === 'm')?.title).toBe('Coupon display');
  });

  it('deleting a node deletes its links too, in the document, as one change', () => {
    const store = createMapStore();
    store.getState().load(doc());
    const seen = watchDoc(store);
    store.getState().selectOnly('g');
    store.getState().deleteSelection();
    expect(store.getState().edges).toHaveLength(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ nodes: ['g'], links: ['l1'] });
    const content = docContent(store);
    expect(content.nodes.map((n) => n.id)).toEqual(['m', 'k']);
    expect(content.links).toEqual([]);
  });

  it('records a drag once, when it ends, not per frame', () => {
    const store = createMapStore();
    store.getState().load(doc());
    const seen = watchDoc(store);
    for (let i = 1; i <= 5; i++) {
      store
        .getState()
        .onNodesChange([{ type: 'position', id: 'g', position: { x: i, y: i }, dragging: true }]);
    }
    expect(seen).toEqual([]);
    store
      .getState()
      .onNodesChange([{ type: 'position', id: 'g', position: { x: 50, y: 60 }, dragging: false }]);
    expect(seen).toEqual([{ nodes: ['g'], links: [], fields: { g: ['position'] } }]);
    expect(docContent(store).nodes.find((n) => n.id === 'g')?.position).toEqual({ x: 50, y: 60 });
  });

  it('renaming one node replaces only that node object, so only its component re-renders', () => {
    const store = createMapStore();
    store.getState().load(doc());
    const before = store.getState().nodes;
    store.getState().renameNode('k', 'Order conversion rate');
    const after = store.getState().nodes;
    expect(after.filter((n, i) => n !== before[i]).map((n) => n.id)).toEqual(['k']);
  });
});

describe('search matches', () => {
  it('are kept for the canvas to outline, and cleared by an empty search or the next map', () => {
    const store = createMapStore('s1');
    store.getState().load(doc());
    const empty = store.getState().searchHits;
    expect(empty.size).toBe(0);
    store.getState().setSearchHits(['g']);
    expect([...store.getState().searchHits]).toEqual(['g']);
    store.getState().setSearchHits([]);
    expect(store.getState().searchHits).toBe(empty);
    // Clearing what is already clear notifies nobody.
    let notified = 0;
    const stop = store.subscribe(() => notified++);
    store.getState().setSearchHits([]);
    expect(notified).toBe(0);
    // Nor do the same matches again, as the search re-runs on every node change.
    store.getState().setSearchHits(['g', 'k']);
    const hits = store.getState().searchHits;
    store.getState().setSearchHits(['k', 'g']);
    expect(store.getState().searchHits).toBe(hits);
    expect(notified).toBe(1);
    stop();
    store.getState().setSearchHits(['g']);
    store.getState().load(doc());
    expect(store.getState().searchHits.size).toBe(0);
  });
});
