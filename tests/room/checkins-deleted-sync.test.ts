import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode } from '../../shared/model';
import { touchedBy } from '../../shared/room/doc-check';
import { applyDocChanges, newMapDoc, readContent, writeContent } from '../../shared/room/map-doc';

// Found by the "Update the numbers" e2e: after a batch of check-ins was undone, a window that
// opened the map again (a reload, a participant joining) got an empty canvas. The deleted
// check-ins reach a new copy of the document as deleted items (their content gone), and the
// check of what a transaction touched took them for something other than check-ins, so the
// renderer ignored the whole first sync of the map.
describe('a map whose check-ins were deleted, opened afresh', () => {
  it('is read whole: the deleted check-ins do not make its first sync a refusal', () => {
    const source = newMapDoc();
    writeContent(source, {
      nodes: [
        createNode('goal', 'g', 'Grow', { x: 0, y: 0 }),
        createNode('metric', 'k', 'Rate', { x: 0, y: 0 }),
      ],
      links: [{ id: 'l', source: 'g', target: 'k' }],
    });
    const base = { upsertNodes: [], upsertLinks: [], deleteNodeIds: [], deleteLinkIds: [] };
    const checkin = {
      id: 'c_1',
      metric: 'k',
      date: '2026-12-07',
      value: 5,
      confidence: null,
      note: '',
      by: '',
    };
    applyDocChanges(source, { ...base, upsertCheckins: [checkin] }, 'me');
    applyDocChanges(source, { ...base, deleteCheckinIds: ['c_1'] }, 'me');

    const fresh = newMapDoc();
    const touches: unknown[] = [];
    fresh.on('afterTransaction', (transaction: Y.Transaction) => touches.push(touchedBy(transaction, fresh)));
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(source));

    expect(touches.length).toBeGreaterThan(0);
    expect(touches.filter((t) => typeof t === 'object' && t !== null && 'reason' in t)).toEqual([]);
    expect(
      readContent(fresh)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['g', 'k']);
  });
});
