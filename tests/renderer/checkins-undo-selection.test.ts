import { describe, expect, it } from 'vitest';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { MapDocument } from '../../shared/contract/api';
import { createNode } from '../../shared/model';

function loaded() {
  const map: MapDocument = {
    id: 'm1',
    name: 'Plan',
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    nodes: [
      createNode('goal', 'g', 'Grow', { x: 0, y: 0 }),
      createNode('metric', 'k', 'Conversion', { x: 800, y: 0 }),
    ],
    links: [{ id: 'l', source: 'g', target: 'k' }],
    checkins: [],
  };
  const store = createMapStore('s1');
  store.getState().load(map);
  return store;
}

const checkin = (id: string, date: string, value: number) => ({
  id,
  metric: 'k',
  date,
  value,
  confidence: null,
  note: '',
  by: '',
});

describe('undoing a check-in in the inspector', () => {
  it('keeps its metric selected (the inspector stays on it) when no node came back', () => {
    const store = loaded();
    store.getState().writeCheckins([checkin('a', '2026-10-05', 1), checkin('b', '2026-10-12', 2)]);
    store.getState().selectOnly('k');
    // Deleting the older check-in changes no node (the current value stays the later one's).
    store.getState().writeCheckins([], ['a']);
    expect(store.getState().selectedId()).toBe('k');
    expect(store.getState().undo()).toBe(true);
    expect(
      store
        .getState()
        .checkins.history('k')
        .map((c) => c.id),
    ).toEqual(['a', 'b']);
    expect(store.getState().selectedId()).toBe('k');
  });

  it('still selects what an undo of a node edit brings back', () => {
    const store = loaded();
    store.getState().selectOnly('g');
    store.getState().deleteSelection();
    store.getState().selectOnly('k');
    store.getState().undo();
    expect(store.getState().selectedId()).toBe('g');
  });
});
