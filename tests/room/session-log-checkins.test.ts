import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DocTouch, emptyTouch, mergeTouch, touchedBy } from '../../shared/room/doc-check';
import { applyDocChanges, type DocChanges, newMapDoc, writeContent } from '../../shared/room/map-doc';
import { summariseChange } from '../../shared/room/session-log';
import { smallMap } from './room-harness';

/** What one change to a copy of `doc` did, as the session log tells it. */
function logOf(doc: Y.Doc, changes: Partial<DocChanges>) {
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(doc));
  const touch = emptyTouch();
  after.on('afterTransaction', (t: Y.Transaction) => {
    const seen = touchedBy(t, after);
    if (!('reason' in seen)) mergeTouch(touch, seen as DocTouch);
  });
  applyDocChanges(
    after,
    { upsertNodes: [], upsertLinks: [], deleteNodeIds: [], deleteLinkIds: [], ...changes },
    'p',
  );
  const items = summariseChange(doc, after, touch);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(after));
  return items;
}

describe('the session log names check-ins', () => {
  it('as added, corrected and deleted, by metric, day and value', () => {
    const doc = newMapDoc();
    writeContent(doc, smallMap());
    const c = {
      id: 'c1',
      metric: 'k1',
      date: '2026-03-02',
      value: 40,
      confidence: null,
      note: '',
      by: 'Ann',
    };
    expect(logOf(doc, { upsertCheckins: [c] })).toContainEqual({
      kind: 'checkin',
      action: 'added',
      title: 'Revenue · 2026-03-02 · 40',
    });
    expect(logOf(doc, { upsertCheckins: [{ ...c, value: 41 }] })).toContainEqual({
      kind: 'checkin',
      action: 'edited',
      title: 'Revenue · 2026-03-02 · 41',
    });
    expect(logOf(doc, { deleteCheckinIds: ['c1'] })).toContainEqual({
      kind: 'checkin',
      action: 'deleted',
      title: 'Revenue · 2026-03-02 · 41',
    });
  });
});
