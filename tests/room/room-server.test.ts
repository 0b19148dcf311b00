import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { MapContent } from '../../shared/model';
import { linksOf, nodesOf, readContent } from '../../shared/room/map-doc';
import { MESSAGE_SYNC, ROOM_CLOSE } from '../../shared/room/protocol';
import { tempDir } from '../storage/helpers';
import {
  EDIT_KEY,
  endedAfterEach,
  joinRoom,
  type RoomHarness,
  smallMap,
  startRoomHarness,
  until,
  VIEW_KEY,
} from './room-harness';

/** A map's content in id order: peers may hold the same map's entries in different orders. */
function sorted(content: MapContent): MapContent {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return { nodes: [...content.nodes].sort(byId), links: [...content.links].sort(byId) };
}

const open = endedAfterEach();

async function harnessWithMap(dir = tempDir()) {
  const harness = await startRoomHarness(dir);
  open.harness.push(harness);
  const { id } = harness.repository.createMap('Offsite', smallMap());
  return { harness, mapId: id, dir };
}

function participant(harness: RoomHarness, mapId: string, key: string | null = EDIT_KEY, params = {}) {
  const p = joinRoom(harness.url, mapId, key, params);
  open.peers.push(p);
  return p;
}

/** Adds a goal to a participant's document as the app does: a Y.Map of the interchange fields. */
function addGoal(doc: Y.Doc, id: string, title: string) {
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({
      id,
      kind: 'goal',
      title,
      description: '',
      owner: '',
      position: { x: 10, y: 20 },
      horizon: '',
      priority: null,
      status: 'proposed',
    }))
      fields.set(k, v);
    nodesOf(doc).set(id, fields);
  });
}

function addLink(doc: Y.Doc, id: string, source: string, target: string) {
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    fields.set('id', id);
    fields.set('source', source);
    fields.set('target', target);
    linksOf(doc).set(id, fields);
  });
}

describe('a map room over the real server', () => {
  it('shows each participant the others’ edits and stores them in the tables', async () => {
    const { harness, mapId } = await harnessWithMap();
    const a = participant(harness, mapId);
    const b = participant(harness, mapId);
    await Promise.all([a.synced(), b.synced()]);
    expect(
      readContent(a.doc)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['g1', 'g2', 'k1', 'm1']);

    addGoal(a.doc, 'g3', 'Enter Japan');
    await until(() => nodesOf(b.doc).has('g3'));
    nodesOf(b.doc).get('g1')?.set('title', 'Grow ARR');
    await until(() => nodesOf(a.doc).get('g1')?.get('title') === 'Grow ARR');

    const stored = harness.repository.loadMap(mapId);
    expect(stored.nodes.find((n) => n.id === 'g3')?.title).toBe('Enter Japan');
    expect(stored.nodes.find((n) => n.id === 'g1')?.title).toBe('Grow ARR');
  });

  it('refuses a join without a valid key with 401, before any WebSocket', async () => {
    const { harness, mapId } = await harnessWithMap();
    for (const suffix of ['', '?key=wrong']) {
      const status = await new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${harness.url}/${mapId}${suffix}`);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => reject(new Error('opened without a key')));
        ws.on('error', () => {});
      });
      expect(status).toBe(401);
    }
  });

  it('refuses a view-only participant’s change at the server, and stores nothing', async () => {
    const { harness, mapId } = await harnessWithMap();
    const editor = participant(harness, mapId);
    const viewer = participant(harness, mapId, VIEW_KEY);
    await Promise.all([editor.synced(), viewer.synced()]);
    expect(nodesOf(viewer.doc).size).toBe(4);
    const revision = harness.repository.loadMap(mapId).revision;
    addGoal(viewer.doc, 'g9', 'Sneaky');
    expect(await viewer.closed).toBe(ROOM_CLOSE.viewOnly);
    await new Promise((r) => setTimeout(r, 50));
    expect(nodesOf(editor.doc).has('g9')).toBe(false);
    expect(harness.repository.loadMap(mapId).revision).toBe(revision);
    // The viewer still sees the editors' changes while it is connected (a new one here).
    const viewer2 = participant(harness, mapId, VIEW_KEY);
    await viewer2.synced();
    addGoal(editor.doc, 'g4', 'Visible');
    await until(() => nodesOf(viewer2.doc).has('g4'));
  });

  it.each([
    ['a node field of the wrong type', (doc: Y.Doc) => nodesOf(doc).get('g1')?.set('title', 42)],
    ['a field the format does not know', (doc: Y.Doc) => nodesOf(doc).get('g1')?.set('evil', 'x')],
    ['a node that changes its kind', (doc: Y.Doc) => nodesOf(doc).get('m1')?.set('kind', 'goal')],
    ['a link into a goal', (doc: Y.Doc) => addLink(doc, 'lx', 'm1', 'g2')],
    ['a link out of a metric', (doc: Y.Doc) => addLink(doc, 'lx', 'k1', 'm1')],
    ['a top-level type of its own', (doc: Y.Doc) => doc.getMap('evil').set('x', 1)],
    ['a nested type in a node', (doc: Y.Doc) => nodesOf(doc).get('g1')?.set('title', new Y.Text('t'))],
    [
      'a node that is not a map',
      (doc: Y.Doc) => (nodesOf(doc) as unknown as Y.Map<unknown>).set('g7', 'text'),
    ],
    ['a link that moves its ends', (doc: Y.Doc) => linksOf(doc).get('l1')?.set('target', 'k1')],
  ])('refuses %s: nothing written, the sender disconnected, the others untouched', async (_name, hostile) => {
    const { harness, mapId } = await harnessWithMap();
    const honest = participant(harness, mapId);
    const attacker = participant(harness, mapId);
    await Promise.all([honest.synced(), attacker.synced()]);
    const before = harness.repository.loadMap(mapId);
    hostile(attacker.doc);
    expect(await attacker.closed).toBe(ROOM_CLOSE.refused);
    expect(harness.events.some((e) => e.kind === 'refused')).toBe(true);
    const after = harness.repository.loadMap(mapId);
    expect(after.revision).toBe(before.revision);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.links).toEqual(before.links);
    // The room goes on: the honest participant's next edit is taken and is all the others see.
    addGoal(honest.doc, 'g5', 'Still fine');
    await until(() => harness.repository.loadMap(mapId).nodes.some((n) => n.id === 'g5'));
    const late = participant(harness, mapId);
    await late.synced();
    expect(sorted(readContent(late.doc))).toEqual(sorted(readContent(honest.doc)));
    expect(late.doc.share.has('evil')).toBe(false);
  });

  it('refuses bytes that are not the protocol', async () => {
    const { harness, mapId } = await harnessWithMap();
    const ws = new WebSocket(`${harness.url}/${mapId}?key=${EDIT_KEY}`);
    await new Promise((r) => ws.on('open', r));
    const code = new Promise<number>((r) => ws.on('close', (c) => r(c)));
    const garbage = encoding.createEncoder();
    encoding.writeVarUint(garbage, MESSAGE_SYNC);
    encoding.writeVarUint(garbage, syncProtocol.messageYjsUpdate);
    encoding.writeVarUint8Array(garbage, new Uint8Array([1, 2, 3, 250, 250, 250, 7]));
    ws.send(encoding.toUint8Array(garbage));
    expect(await code).toBe(ROOM_CLOSE.refused);
    expect(harness.repository.loadMap(mapId).revision).toBe(0);
  });

  it('leaves no dangling link when one participant deletes a node another links to', async () => {
    const { harness, mapId } = await harnessWithMap();
    const a = participant(harness, mapId);
    const b = participant(harness, mapId);
    await Promise.all([a.synced(), b.synced()]);
    b.provider.disconnect();
    // While b is away, a deletes the metric; b links a new mechanism to it.
    a.doc.transact(() => {
      nodesOf(a.doc).delete('k1');
      linksOf(a.doc).delete('l2');
    });
    await until(() => !harness.repository.loadMap(mapId).nodes.some((n) => n.id === 'k1'));
    addLink(b.doc, 'l9', 'g2', 'k1');
    b.provider.connect();
    await b.synced();
    await until(
      () => !linksOf(a.doc).has('l9') && !linksOf(b.doc).has('l9') && harness.rooms.room(mapId) !== undefined,
    );
    await until(() => !linksOf(b.doc).has('l9'));
    const stored = harness.repository.loadMap(mapId);
    expect(stored.links.map((l) => l.id)).toEqual(['l1']);
    expect(sorted(readContent(a.doc))).toEqual(sorted(readContent(b.doc)));
  });

  it('loses no stored edit when the server is killed, and participants merge back without duplicates', async () => {
    const dir = tempDir();
    const first = await harnessWithMap(dir);
    const port = first.harness.port;
    const a = participant(first.harness, first.mapId);
    await a.synced();
    addGoal(a.doc, 'g3', 'Before the crash');
    await until(() => first.harness.repository.loadMap(first.mapId).nodes.length === 5);
    await first.harness.kill();
    open.harness.splice(open.harness.indexOf(first.harness), 1);
    // Offline: a keeps editing.
    addGoal(a.doc, 'g4', 'While the server was down');
    nodesOf(a.doc).delete('g2');
    const second = await startRoomHarness(dir, port);
    open.harness.push(second);
    await a.synced();
    await until(() => {
      const ids = second.repository.loadMap(first.mapId).nodes.map((n) => n.id);
      return ids.includes('g4') && !ids.includes('g2');
    });
    const stored = second.repository.loadMap(first.mapId);
    expect(stored.nodes.map((n) => n.id).sort()).toEqual(['g1', 'g3', 'g4', 'k1', 'm1']);
    // A newcomer sees exactly the stored map: nothing doubled, the deleted goal gone.
    const b = participant(second, first.mapId);
    await b.synced();
    expect(
      readContent(b.doc)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['g1', 'g3', 'g4', 'k1', 'm1']);
  });

  it('tells a participant holding a replaced document to load the map again', async () => {
    const { harness, mapId } = await harnessWithMap();
    const a = participant(harness, mapId, EDIT_KEY, { gen: 'an-older-generation' });
    expect(await a.closed).toBe(ROOM_CLOSE.replaced);
  });
});

describe('two processes with rooms on one document', () => {
  it('reopens a room whose map another process wrote, and every edit lands in the file once', async () => {
    const dir = tempDir();
    const first = await harnessWithMap(dir);
    const second = await startRoomHarness(dir);
    open.harness.push(second);
    const a = participant(first.harness, first.mapId);
    const b = participant(second, first.mapId);
    await Promise.all([a.synced(), b.synced()]);
    addGoal(a.doc, 'g3', 'From the first process');
    await until(() => first.harness.repository.loadMap(first.mapId).nodes.some((n) => n.id === 'g3'));
    // The second process's room read the map before: its document lacks g3. Its next write is
    // refused by the file's revision, the room reopens from the file, and b merges into it.
    addGoal(b.doc, 'g4', 'From the second process');
    await until(() => nodesOf(b.doc).has('g3'), 5000);
    await until(() => second.repository.loadMap(first.mapId).nodes.some((n) => n.id === 'g4'), 5000);
    expect(second.events.some((e) => e.kind === 'moved-on')).toBe(true);
    const stored = first.harness.repository.loadMap(first.mapId);
    expect(stored.nodes.map((n) => n.id).sort()).toEqual(['g1', 'g2', 'g3', 'g4', 'k1', 'm1']);
  });
});
