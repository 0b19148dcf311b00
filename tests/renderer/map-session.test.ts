import { describe, expect, it } from 'vitest';
import { sessionEndOnPageHide } from '../../renderer/src/store/map-session';
import { createMapStore } from '../../renderer/src/store/map-store';
import { oneGoalDocument } from './one-goal-document';

const doc = oneGoalDocument;

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
