import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type * as Y from 'yjs';
import { nodesOf, readContent } from '../../shared/room/map-doc';
import { participantsOf, roomPresenceOf } from '../../shared/room/presence';
import { MESSAGE_AWARENESS, ROOM_CLOSE, ROOM_KEY_PARAM } from '../../shared/room/protocol';
import { MAX_LOG_ENTRIES } from '../../shared/room/session-log';
import { tempDir } from '../storage/helpers';
import {
  EDIT_KEY,
  HOST_KEY,
  joinRoom,
  type Participant,
  type RoomHarness,
  smallMap,
  startRoomHarness,
  until,
  VIEW_KEY,
} from './room-harness';

const open: { harness: RoomHarness[]; peers: Participant[]; sockets: WebSocket[] } = {
  harness: [],
  peers: [],
  sockets: [],
};

afterEach(async () => {
  for (const s of open.sockets.splice(0)) s.terminate();
  for (const p of open.peers.splice(0)) p.leave();
  for (const h of open.harness.splice(0)) await h.close().catch(() => {});
});

async function harnessWithMap() {
  const harness = await startRoomHarness(tempDir());
  open.harness.push(harness);
  const { id } = harness.repository.createMap('Offsite', smallMap());
  return { harness, mapId: id };
}

async function join(harness: RoomHarness, mapId: string, key: string, name?: string) {
  const p = joinRoom(harness.url, mapId, key);
  open.peers.push(p);
  if (name) p.provider.awareness.setLocalState({ user: { name, color: '#000' }, selection: [] });
  await p.synced();
  if (name)
    await until(() =>
      participantsOf(harness.rooms.room(mapId)?.awareness.getStates() ?? new Map(), -1).some(
        (q) => q.clientId === p.doc.clientID,
      ),
    );
  return p;
}

function rename(doc: Y.Doc, id: string, title: string) {
  doc.transact(() => nodesOf(doc).get(id)?.set('title', title));
}

const titleIn = (doc: Y.Doc, id: string) => nodesOf(doc).get(id)?.get('title');

/** Whether `p` sees the room frozen (the room server's own presence says so). */
const seesFrozen = (p: Participant) => roomPresenceOf(p.provider.awareness.getStates())?.frozen === true;

describe('presence and facilitation in a room over the real server', () => {
  it('freezes the map for participants when the host asks, and lets the held change through after', async () => {
    const { harness, mapId } = await harnessWithMap();
    const host = await join(harness, mapId, HOST_KEY, 'Hana');
    const guest = await join(harness, mapId, EDIT_KEY, 'Gus');
    host.provider.awareness.setLocalStateField('frozen', true);
    await until(() => seesFrozen(guest) && harness.rooms.room(mapId)?.frozen === true);

    // A participant's change while frozen: closed with the transient code, nothing taken.
    const codes: number[] = [];
    guest.provider.on('connection-close', (event) => {
      if (event) codes.push(event.code);
    });
    rename(guest.doc, 'g1', 'Grow faster');
    await until(() => codes.includes(ROOM_CLOSE.frozen));
    expect(titleIn(host.doc, 'g1')).toBe('Grow');
    expect(harness.repository.loadMap(mapId).nodes.find((n) => n.id === 'g1')?.title).toBe('Grow');

    // The host still edits while frozen.
    rename(host.doc, 'g2', 'Keep customers');
    await until(() => harness.repository.loadMap(mapId).nodes.some((n) => n.title === 'Keep customers'));

    // Unfrozen: the participant, reconnecting by itself, sends its change and it is taken.
    host.provider.awareness.setLocalStateField('frozen', false);
    await until(() => titleIn(host.doc, 'g1') === 'Grow faster', 5000);
    expect(harness.repository.loadMap(mapId).nodes.find((n) => n.id === 'g1')?.title).toBe('Grow faster');
    expect(titleIn(guest.doc, 'g2')).toBe('Keep customers');
  });

  it('ignores a freeze and the facilitator flag from a participant who is not the host', async () => {
    const { harness, mapId } = await harnessWithMap();
    const host = await join(harness, mapId, HOST_KEY, 'Hana');
    const guest = await join(harness, mapId, EDIT_KEY, 'Gus');
    guest.provider.awareness.setLocalState({
      user: { name: 'Gus', color: '#000' },
      selection: ['g1'],
      facilitator: true,
      frozen: true,
    });
    await until(() =>
      participantsOf(host.provider.awareness.getStates(), host.doc.clientID).some(
        (p) => p.user.name === 'Gus' && p.selection.includes('g1'),
      ),
    );
    expect(harness.rooms.room(mapId)?.frozen).toBe(false);
    const gus = participantsOf(host.provider.awareness.getStates(), host.doc.clientID).find(
      (p) => p.user.name === 'Gus',
    );
    expect(gus?.facilitator).toBeUndefined();
    expect(gus?.frozen).toBeUndefined();
    // The participant's own edits still go through.
    rename(guest.doc, 'g1', 'Grow more');
    await until(() => titleIn(host.doc, 'g1') === 'Grow more');
  });

  it('marks view-only participants itself, whatever they say', async () => {
    const { harness, mapId } = await harnessWithMap();
    const host = await join(harness, mapId, HOST_KEY, 'Hana');
    const viewer = joinRoom(harness.url, mapId, VIEW_KEY);
    open.peers.push(viewer);
    viewer.provider.awareness.setLocalState({ user: { name: 'Vi' }, selection: [], viewOnly: false });
    const editor = await join(harness, mapId, EDIT_KEY);
    editor.provider.awareness.setLocalState({ user: { name: 'Ed' }, selection: [], viewOnly: true });
    const seen = () => participantsOf(host.provider.awareness.getStates(), host.doc.clientID);
    await until(() => seen().length === 3);
    expect(seen().find((p) => p.user.name === 'Vi')?.viewOnly).toBe(true);
    expect(seen().find((p) => p.user.name === 'Ed')?.viewOnly).toBeUndefined();
  });

  it('shows a participant who comes back at once, with its presence', async () => {
    const { harness, mapId } = await harnessWithMap();
    const host = await join(harness, mapId, HOST_KEY, 'Hana');
    const guest = await join(harness, mapId, EDIT_KEY, 'Gus');
    const names = () =>
      participantsOf(host.provider.awareness.getStates(), host.doc.clientID).map((p) => p.user.name);
    await until(() => names().includes('Gus'));
    guest.provider.disconnect();
    await until(() => !names().includes('Gus'));
    guest.provider.connect();
    // Not after the next 15 s renewal of its presence: now.
    await until(() => names().includes('Gus'), 1500);
    guest.provider.awareness.setLocalStateField('selection', ['g1']);
    await until(
      () =>
        participantsOf(host.provider.awareness.getStates(), host.doc.clientID)
          .find((p) => p.user.name === 'Gus')
          ?.selection.includes('g1') === true,
      1500,
    );
  });

  it('ends a freeze when the host leaves', async () => {
    const { harness, mapId } = await harnessWithMap();
    const host = await join(harness, mapId, HOST_KEY, 'Hana');
    const guest = await join(harness, mapId, EDIT_KEY, 'Gus');
    host.provider.awareness.setLocalStateField('frozen', true);
    await until(() => seesFrozen(guest));
    host.provider.disconnect();
    await until(() => !seesFrozen(guest));
    // The host's window passed the guest's state on (as providers do): the guest's presence is
    // still the guest's, not gone with the host.
    const names = participantsOf(harness.rooms.room(mapId)?.awareness.getStates() ?? new Map(), -1).map(
      (p) => p.user.name,
    );
    expect(names).toEqual(['Gus']);
  });

  it('relays no state that speaks for the room or for the host from a hostile peer', async () => {
    const { harness, mapId } = await harnessWithMap();
    const host = await join(harness, mapId, HOST_KEY, 'Hana');
    const guest = await join(harness, mapId, EDIT_KEY, 'Gus');
    const room = harness.rooms.room(mapId);
    if (!room) throw new Error('no room');
    // A raw socket that claims the room server's own client id (to freeze everyone through its
    // presence) and the host's (to take over the facilitator).
    const ws = new WebSocket(`${harness.url}/${mapId}?${ROOM_KEY_PARAM}=${EDIT_KEY}`);
    open.sockets.push(ws);
    await new Promise((resolve) => ws.once('open', resolve));
    const forged = (client: number, state: unknown) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, client);
      encoding.writeVarUint(inner, 99);
      encoding.writeVarString(inner, JSON.stringify(state));
      const outer = encoding.createEncoder();
      encoding.writeVarUint(outer, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
      return encoding.toUint8Array(outer);
    };
    ws.send(forged(room.doc.clientID, { room: { generation: room.generation, frozen: true } }));
    ws.send(forged(host.doc.clientID, { user: { name: 'Mallory' }, selection: [], facilitator: true }));
    ws.send(
      forged(424242, {
        user: { name: `<img src=x onerror=alert(1)>${'x'.repeat(500)}` },
        room: {},
        frozen: true,
      }),
    );
    await until(() => guest.provider.awareness.getStates().has(424242));
    expect(room.frozen).toBe(false);
    expect(seesFrozen(guest)).toBe(false);
    const seen = participantsOf(guest.provider.awareness.getStates(), guest.doc.clientID);
    expect(seen.find((p) => p.clientId === host.doc.clientID)?.user.name).toBe('Hana');
    const hostile = guest.provider.awareness.getStates().get(424242) as Record<string, unknown>;
    expect(hostile.room).toBeUndefined();
    expect(hostile.frozen).toBeUndefined();
    // Shown only as text, cut short.
    expect(seen.find((p) => p.clientId === 424242)?.user.name.length).toBeLessThanOrEqual(40);

    // A state that is not JSON is not the protocol: the sender is disconnected.
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 5);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, '{not json');
    const outer = encoding.createEncoder();
    encoding.writeVarUint(outer, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
    ws.send(encoding.toUint8Array(outer));
    expect(await closed).toBe(ROOM_CLOSE.refused);
  });

  it('records who changed what in the session log, bounded', async () => {
    const { harness, mapId } = await harnessWithMap();
    const host = await join(harness, mapId, HOST_KEY, 'Hana');
    const guest = await join(harness, mapId, EDIT_KEY, 'Gus');
    const anonymous = await join(harness, mapId, EDIT_KEY);
    rename(guest.doc, 'g1', 'Grow faster');
    await until(() => harness.rooms.log(mapId).length === 1);
    host.doc.transact(() => nodesOf(host.doc).get('m1')?.set('position', { x: 500, y: 40 }));
    await until(() => harness.rooms.log(mapId).length === 2);
    anonymous.doc.transact(() => nodesOf(anonymous.doc).delete('k1'));
    await until(() => harness.rooms.log(mapId).length === 3);
    const [renamed, moved, deleted] = harness.rooms.log(mapId);
    expect(renamed).toMatchObject({
      who: 'Gus',
      items: [{ kind: 'node', action: 'renamed', title: 'Grow faster', from: 'Grow' }],
    });
    expect(moved).toMatchObject({
      who: 'Hana',
      items: [{ kind: 'node', action: 'moved', title: 'Weekly review' }],
    });
    expect(deleted?.who).toBeNull();
    expect(deleted?.items).toEqual(
      expect.arrayContaining([
        { kind: 'node', action: 'deleted', title: 'Revenue' },
        { kind: 'link', action: 'deleted', title: 'Weekly review → Revenue' },
      ]),
    );
    expect(Number.isNaN(Date.parse(renamed?.at ?? ''))).toBe(false);
    expect(readContent(host.doc).nodes).toHaveLength(3);

    // Bounded: the newest MAX_LOG_ENTRIES stay.
    for (let i = 0; i < MAX_LOG_ENTRIES + 5; i++) rename(guest.doc, 'g2', `Keep ${i}`);
    await until(() => titleIn(host.doc, 'g2') === `Keep ${MAX_LOG_ENTRIES + 4}`, 10_000);
    await until(() => harness.rooms.log(mapId).at(-1)?.items[0]?.title === `Keep ${MAX_LOG_ENTRIES + 4}`);
    expect(harness.rooms.log(mapId)).toHaveLength(MAX_LOG_ENTRIES);
  });
});
