import { describe, expect, it } from 'vitest';
import { sessionEndOnPageHide } from '../../renderer/src/store/map-session';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { MapDocument } from '../../shared/contract/api';
import { createNode } from '../../shared/model';

const doc: MapDocument = {
  id: 'm1',
  name: 'Plan',
  revision: 0,
  createdAt: '',
  updatedAt: '',
  nodes: [createNode('goal', 'g', 'Grow', { x: 0, y: 0 })],
  links: [],
};

function setup(load: 'editable' | 'read-only' | 'nothing') {
  const store = createMapStore('window-a');
  if (load !== 'nothing') store.getState().load(doc, { readOnly: load === 'read-only' });
  const calls: string[] = [];
  const onPageHide = sessionEndOnPageHide(store, {
    endMapSessions: async ({ sessionId }) => {
      calls.push(`end ${sessionId}`);
      return { released: 1 };
    },
  });
  return { calls, onPageHide };
}

describe('a window going away', () => {
  it('ends its session when it closes or reloads, even before any map has opened', () => {
    for (const load of ['editable', 'read-only', 'nothing'] as const) {
      const { calls, onPageHide } = setup(load);
      onPageHide({ persisted: false });
      expect(calls).toEqual(['end window-a']);
    }
  });

  it('keeps its session and hold when the page is kept to come back (back/forward cache)', () => {
    for (const load of ['editable', 'read-only'] as const) {
      const { calls, onPageHide } = setup(load);
      onPageHide({ persisted: true });
      expect(calls).toEqual([]);
    }
  });
});
