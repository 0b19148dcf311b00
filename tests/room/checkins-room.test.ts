import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Checkin, CheckinSchema, CONFIDENCES, type MapNode } from '../../shared/model';
import { checkinsOf, checkinTuple, readCheckins, readCheckinTuple } from '../../shared/room/checkin-doc';
import {
  type DocTouch,
  emptyTouch,
  mergeTouch,
  repairCheckins,
  touchedBy,
} from '../../shared/room/doc-check';
import {
  applyDocChanges,
  type DocChanges,
  newMapDoc,
  nodesOf,
  readContent,
  writeContent,
} from '../../shared/room/map-doc';
import { ROOM_CLOSE } from '../../shared/room/protocol';
import { tempDir } from '../storage/helpers';
import { EDIT_KEY, endedAfterEach, joinRoom, smallMap, startRoomHarness, until } from './room-harness';

const checkin = (id: string, date: string, value: number, metric = 'k1'): Checkin => ({
  id,
  metric,
  date,
  value,
  confidence: null,
  note: '',
  by: 'Ann',
});

function edit(doc: Y.Doc, changes: Partial<DocChanges>) {
  applyDocChanges(
    doc,
    { upsertNodes: [], upsertLinks: [], deleteNodeIds: [], deleteLinkIds: [], ...changes },
    'me',
  );
}

const current = (doc: Y.Doc, metric = 'k1') => nodesOf(doc).get(metric)?.get('current');

describe('check-ins in a map’s document', () => {
  it('reads a tuple exactly when the schema takes the check-in (one rule, written twice for speed)', () => {
    const id = fc.oneof(fc.constantFrom('c1', 'k-1_x', '', 'a b', '<x>', 'x'.repeat(65)), fc.string());
    const tuple = fc.tuple(
      id,
      id,
      fc.oneof(
        fc.constantFrom('2026-02-28', '2024-02-29', '2026-02-30', '2026-13-01', '26-1-1'),
        fc.string(),
      ),
      fc.oneof(fc.double(), fc.constantFrom(1e15, -1e15, 1e16, Number.NaN, Number.POSITIVE_INFINITY)),
      fc.oneof(fc.constantFrom(null, ...CONFIDENCES, 'fine'), fc.integer()),
      fc.oneof(fc.string(), fc.constant('n'.repeat(1001))),
      fc.oneof(fc.string(), fc.constant('b'.repeat(121)), fc.integer()),
    );
    fc.assert(
      fc.property(tuple, (t) => {
        const [cid, metric, date, value, confidence, note, by] = t;
        const schema = CheckinSchema.safeParse({ id: cid, metric, date, value, confidence, note, by });
        const read = readCheckinTuple(t);
        expect(read !== null).toBe(schema.success);
        if (read && schema.success) expect(read).toEqual(schema.data);
      }),
      { numRuns: 2000 },
    );
    expect(readCheckinTuple(['c', 'k', '2026-01-01', 1, null, '', ''])).not.toBeNull();
    expect(readCheckinTuple(['c', 'k', '2026-01-01', 1, null, ''])).toBeNull();
    expect(readCheckinTuple('c')).toBeNull();
  });

  it('keeps the current value at the latest check-in through adds, corrections and deletes, each one undo step', () => {
    const doc = newMapDoc();
    writeContent(doc, smallMap());
    const undo = new Y.UndoManager(nodesOf(doc), {
      trackedOrigins: new Set(['me']),
    });
    undo.addToScope([checkinsOf(doc)]);
    edit(doc, { upsertCheckins: [checkin('a', '2026-01-05', 10), checkin('b', '2026-01-12', 12)] });
    expect(current(doc)).toBe(12);
    undo.stopCapturing();
    edit(doc, { upsertCheckins: [checkin('c', '2026-01-01', 3)] }); // an older number, entered late
    expect(current(doc)).toBe(12);
    undo.stopCapturing();
    edit(doc, { upsertCheckins: [{ ...checkin('b', '2026-01-12', 13), note: 'restated' }] });
    expect(current(doc)).toBe(13);
    expect(readCheckins(doc).map((c) => c.id)).toEqual(['a', 'b', 'c']); // the correction in its place
    undo.stopCapturing();
    edit(doc, { deleteCheckinIds: ['b'] });
    expect(current(doc)).toBe(10);
    undo.undo();
    expect(current(doc)).toBe(13);
    undo.undo();
    expect(current(doc)).toBe(12);
    expect(readCheckins(doc).find((c) => c.id === 'b')?.value).toBe(12);
    // Two on one day: the one entered last counts.
    edit(doc, { upsertCheckins: [checkin('d', '2026-01-12', 99)] });
    expect(current(doc)).toBe(99);
    // A metric written with another current value (a restored version) keeps its latest check-in's.
    const k1 = readContent(doc).nodes.find((n) => n.id === 'k1') as MapNode;
    edit(doc, { upsertNodes: [{ ...k1, current: 1234, title: 'Restored' } as MapNode] });
    expect(current(doc)).toBe(99);
    expect(nodesOf(doc).get('k1')?.get('title')).toBe('Restored');
    // A deleted metric takes its check-ins along.
    edit(doc, { deleteNodeIds: ['k1'] });
    expect(readCheckins(doc)).toEqual([]);
  });
});

const open = endedAfterEach();

async function room() {
  const harness = await startRoomHarness(tempDir());
  open.harness.push(harness);
  const { id } = harness.repository.createMap('Offsite', smallMap());
  const join = () => {
    const p = joinRoom(harness.url, id, EDIT_KEY);
    open.peers.push(p);
    return p;
  };
  return { harness, mapId: id, join };
}

describe('check-ins in a live room', () => {
  it('two people entering numbers at once both keep theirs; the current value is the latest on every peer and on disk', async () => {
    const { harness, mapId, join } = await room();
    const a = join();
    const b = join();
    await Promise.all([a.synced(), b.synced()]);
    // Entered at the same moment: each peer sets the current value to the latest it knows.
    a.doc.transact(() => edit(a.doc, { upsertCheckins: [checkin('from-a', '2026-03-02', 40)] }));
    edit(b.doc, { upsertCheckins: [checkin('from-b', '2026-02-23', 30)] });
    await until(() => readCheckins(a.doc).length === 2 && readCheckins(b.doc).length === 2);
    await until(() => current(a.doc) === 40 && current(b.doc) === 40);
    await until(() => harness.repository.loadMap(mapId).checkins?.length === 2);
    const stored = harness.repository.loadMap(mapId);
    expect(stored.nodes.find((n) => n.id === 'k1')).toMatchObject({ current: 40 });
    expect(stored.checkins?.map((c) => c.id).sort()).toEqual(['from-a', 'from-b']);
  });

  it('two corrections of one check-in at once leave one, the same on every peer and on disk', async () => {
    const { harness, mapId, join } = await room();
    const a = join();
    const b = join();
    await Promise.all([a.synced(), b.synced()]);
    edit(a.doc, { upsertCheckins: [checkin('x', '2026-03-02', 40)] });
    await until(() => readCheckins(b.doc).length === 1);
    // Both correct it before hearing of the other's correction.
    b.doc.transact(() => {
      edit(b.doc, { upsertCheckins: [checkin('x', '2026-03-02', 41)] });
      edit(a.doc, { upsertCheckins: [checkin('x', '2026-03-02', 42)] });
    });
    // Each hears the other's correction (two tuples with one id for a moment) and the server's repair.
    const settled = () => {
      const [onA, onB] = [checkinsOf(a.doc).toArray(), checkinsOf(b.doc).toArray()];
      const stored = harness.repository.loadMap(mapId).checkins ?? [];
      return (
        onA.length === 1 &&
        onB.length === 1 &&
        stored.length === 1 &&
        JSON.stringify(onA) === JSON.stringify(onB) &&
        readCheckins(a.doc)[0]?.value === stored[0]?.value
      );
    };
    await until(settled);
    const value = readCheckins(a.doc)[0]?.value;
    expect([41, 42]).toContain(value);
    await until(() => current(a.doc) === value && current(b.doc) === value);
    expect(harness.repository.loadMap(mapId).nodes.find((n) => n.id === 'k1')).toMatchObject({
      current: value,
    });
  });

  it('takes a peer’s offline check-in that it corrected before coming back (deleted content is no foreign type)', async () => {
    const { harness, mapId, join } = await room();
    const a = join();
    await a.synced();
    a.provider.disconnect();
    edit(a.doc, { upsertCheckins: [checkin('x', '2026-03-02', 40)] });
    edit(a.doc, { upsertCheckins: [checkin('x', '2026-03-02', 41)] });
    a.provider.connect();
    await until(() => harness.repository.loadMap(mapId).checkins?.[0]?.value === 41);
    expect(harness.events.filter((e) => e.kind === 'refused')).toEqual([]);
  });

  it.each([
    ['text in the list', (doc: Y.Doc) => (checkinsOf(doc) as Y.Array<unknown>).push(['c1'].concat('x'))],
    [
      'a check-in of a goal',
      (doc: Y.Doc) => checkinsOf(doc).push([checkinTuple(checkin('c1', '2026-01-01', 1, 'g1'))]),
    ],
    [
      'a date that is no day',
      (doc: Y.Doc) => checkinsOf(doc).push([['c1', 'k1', '2026-02-30', 1, null, '', '']]),
    ],
    [
      'a value that is not a number',
      (doc: Y.Doc) => checkinsOf(doc).push([['c1', 'k1', '2026-02-03', '7', null, '', '']]),
    ],
    ['a nested type', (doc: Y.Doc) => checkinsOf(doc).push([new Y.Map()])],
    [
      'a keyed entry',
      (doc: Y.Doc) => {
        const evil = new Y.Doc();
        evil.getMap('checkins').set('c1', 1);
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(evil));
      },
    ],
  ])('refuses %s: nothing written, the sender disconnected', async (_name, hostile) => {
    const { harness, mapId, join } = await room();
    const honest = join();
    const attacker = join();
    await Promise.all([honest.synced(), attacker.synced()]);
    const before = harness.repository.loadMap(mapId);
    try {
      hostile(attacker.doc);
    } catch {
      return; // Yjs itself refuses to write it: nothing to send
    }
    expect(await attacker.closed).toBe(ROOM_CLOSE.refused);
    const after = harness.repository.loadMap(mapId);
    expect(after.revision).toBe(before.revision);
    expect(after.checkins).toEqual([]);
    expect(checkinsOf(honest.doc).length).toBe(0);
  });
});

describe('the server’s repair of current values', () => {
  it('sets back the latest check-in when a change wrote a metric’s current value without seeing it', () => {
    const doc = newMapDoc();
    writeContent(doc, smallMap());
    edit(doc, { upsertCheckins: [checkin('a', '2026-01-05', 102)] });
    // A peer that had deleted its own last check-in sets the current value to null, concurrently.
    const touch = emptyTouch();
    doc.on('afterTransaction', (t: Y.Transaction) => {
      const seen = touchedBy(t, doc);
      if (!('reason' in seen)) mergeTouch(touch, seen as DocTouch);
    });
    doc.transact(() => nodesOf(doc).get('k1')?.set('current', null), 'peer');
    expect(current(doc)).toBeNull();
    expect(repairCheckins(doc, touch, 'repair')).toBe(true);
    expect(current(doc)).toBe(102);
    // A metric without check-ins keeps the value it was given.
    edit(doc, { deleteCheckinIds: ['a'] });
    expect(current(doc)).toBeNull();
    const later = emptyTouch();
    later.nodes.add('k1');
    nodesOf(doc).get('k1')?.set('current', 7);
    expect(repairCheckins(doc, later, 'repair')).toBe(false);
    expect(current(doc)).toBe(7);
  });
});
