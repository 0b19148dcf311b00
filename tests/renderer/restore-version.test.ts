import { describe, expect, it } from 'vitest';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { MapDocument } from '../../shared/contract/api';
import { diffMaps, isEmptyDiff } from '../../shared/diff';
import { createNode, type MapContent } from '../../shared/model';
import { docContent, watchDoc } from './doc-watch';

const saved: MapContent = {
  nodes: [
    createNode('goal', 'g', 'Grow', { x: 0, y: 0 }),
    createNode('mechanism', 'm', 'Coupons', { x: 360, y: 0 }),
    createNode('metric', 'k', 'Conversion', { x: 720, y: 0 }),
  ],
  links: [
    { id: 'l1', source: 'g', target: 'm' },
    { id: 'l2', source: 'm', target: 'k' },
  ],
};

const doc = (): MapDocument => ({
  id: 'm1',
  name: 'Plan',
  revision: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...structuredClone(saved),
});

/** The store after an offsite: g renamed and moved, k deleted with l2, a new goal linked. */
function edited() {
  const store = createMapStore();
  store.getState().load(doc());
  store.getState().renameNode('g', 'Grow faster');
  store.getState().applyPositions(new Map([['g', { x: 40, y: 80 }]]));
  store.getState().selectOnly('k');
  store.getState().deleteSelection();
  store.getState().addNode('goal', { x: 0, y: 300 }, 'New goal');
  return store;
}

describe('restoring a saved version', () => {
  it('brings the version’s content back in one transaction, and one undo takes it back', () => {
    const store = edited();
    const before = docContent(store);
    const seen = watchDoc(store);
    const depth = store.getState().undoDepth;
    expect(store.getState().restoreContent(saved)).toBe(true);
    expect(seen).toHaveLength(1);
    const now = docContent(store);
    expect(isEmptyDiff(diffMaps(saved, now))).toBe(true);
    // Positions are back too, though the diff does not count them.
    expect(now.nodes.find((n) => n.id === 'g')?.position).toEqual({ x: 0, y: 0 });
    expect(
      store
        .getState()
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['g', 'k', 'm']);
    expect(store.getState().undoDepth).toBe(depth + 1);

    expect(store.getState().undo()).toBe(true);
    expect(docContent(store)).toEqual(before);
    expect(store.getState().redo()).toBe(true);
    expect(isEmptyDiff(diffMaps(saved, docContent(store)))).toBe(true);
  });

  it('writes only what differs, and nothing when the map already holds the version', () => {
    const store = createMapStore();
    store.getState().load(doc());
    const seen = watchDoc(store);
    expect(store.getState().restoreContent(saved)).toBe(false);
    expect(seen).toEqual([]);
    store.getState().renameNode('m', 'Coupon display');
    store.getState().restoreContent(saved);
    expect(seen.at(-1)).toEqual({ nodes: ['m'], links: [], fields: { m: ['title'] } });
  });

  it('changes nothing for a view-only participant', () => {
    const store = edited();
    store.getState().setReadOnly(true);
    const before = docContent(store);
    expect(store.getState().restoreContent(saved)).toBe(false);
    expect(docContent(store)).toEqual(before);
  });
});
