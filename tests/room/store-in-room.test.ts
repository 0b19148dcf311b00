import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MapRooms } from '../../renderer/src/room/map-rooms';
import { createMapStore } from '../../renderer/src/store/map-store';
import { readContent } from '../../shared/room/map-doc';
import { ROOM_CLOSE } from '../../shared/room/protocol';
import { tempDir } from '../storage/helpers';
import { EDIT_KEY, type RoomHarness, smallMap, startRoomHarness, until, VIEW_KEY } from './room-harness';

// The renderer's store and its room connection, as a window runs them, over the real room server
// and a real document file: the one editing path, whether alone or with others.

const opened: { harness: RoomHarness[]; rooms: MapRooms[] } = { harness: [], rooms: [] };
afterEach(async () => {
  for (const rooms of opened.rooms.splice(0)) rooms.destroy();
  for (const harness of opened.harness.splice(0)) await harness.close().catch(() => {});
});

async function room(dir = tempDir(), port = 0) {
  const harness = await startRoomHarness(dir, port);
  opened.harness.push(harness);
  return harness;
}

function window(harness: RoomHarness, mapId: string, key = EDIT_KEY) {
  const store = createMapStore();
  const rooms = new MapRooms({
    store,
    address: () => ({ url: harness.url, key }),
    viewOnly: key === VIEW_KEY,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  opened.rooms.push(rooms);
  rooms.open({ id: mapId, name: 'Offsite' }, { readOnly: key === VIEW_KEY });
  return { store, rooms, state: () => store.getState() };
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();

describe('a window’s store in a room', () => {
  it('shows the room’s map once it arrives, then each window sees the other’s edits', async () => {
    const harness = await room();
    const { id } = harness.repository.createMap('Offsite', smallMap());
    const a = window(harness, id);
    const b = window(harness, id);
    expect(await a.rooms.contentArrived()).toBe(true);
    expect(await b.rooms.contentArrived()).toBe(true);
    expect(ids(a.state().nodes)).toEqual(['g1', 'g2', 'k1', 'm1']);
    expect(a.state().nodeFlags.get('g2')).toMatch(/^error/); // the validator runs on what arrived

    const added = a.state().addNode('goal', { x: 0, y: 600 }, 'Enter Japan');
    await until(() => b.state().nodes.some((n) => n.id === added));
    b.state().renameNode('g1', 'Grow ARR');
    await until(() => a.state().nodes.find((n) => n.id === 'g1')?.data.plan.title === 'Grow ARR');
    a.state().selectOnly('m1');
    expect(a.state().connect('m1', 'k1').ok).toBe(false); // already linked
    await until(() => a.state().sync.status === 'synced' && b.state().sync.status === 'synced');
    const stored = harness.repository.loadMap(id);
    expect(stored.nodes.find((n) => n.id === added)?.title).toBe('Enter Japan');
    expect(stored.nodes.find((n) => n.id === 'g1')?.title).toBe('Grow ARR');
  });

  it('undoes only this window’s edits, never another’s', async () => {
    const harness = await room();
    const { id } = harness.repository.createMap('Offsite', smallMap());
    const a = window(harness, id);
    const b = window(harness, id);
    await a.rooms.contentArrived();
    await b.rooms.contentArrived();
    a.state().renameNode('g1', 'A’s title');
    await until(() => b.state().nodes.find((n) => n.id === 'g1')?.data.plan.title === 'A’s title');
    b.state().renameNode('g2', 'B’s title');
    await until(() => a.state().nodes.find((n) => n.id === 'g2')?.data.plan.title === 'B’s title');
    expect(a.state().undoDepth).toBe(1);
    expect(a.state().undo()).toBe(true);
    expect(a.state().undo()).toBe(false); // B's rename is not A's to undo
    await until(() => b.state().nodes.find((n) => n.id === 'g1')?.data.plan.title === 'Grow');
    expect(b.state().nodes.find((n) => n.id === 'g2')?.data.plan.title).toBe('B’s title');
    expect(a.state().nodes.find((n) => n.id === 'g2')?.data.plan.title).toBe('B’s title');
  });

  it('says how many changes wait while the room is away, keeps editing, and merges them on return', async () => {
    const dir = tempDir();
    const harness = await room(dir);
    const { id } = harness.repository.createMap('Offsite', smallMap());
    const a = window(harness, id);
    await a.rooms.contentArrived();
    await until(() => a.state().sync.status === 'synced');
    await harness.kill();
    opened.harness.splice(opened.harness.indexOf(harness), 1);
    await until(() => a.state().sync.status === 'offline');
    a.state().addNode('goal', { x: 0, y: 700 }, 'Written offline');
    a.state().selectOnly('g2');
    a.state().deleteSelection();
    expect(a.state().sync).toMatchObject({ status: 'offline', waiting: 2 });
    expect(a.rooms.waiting).toBe(2);
    const back = await room(dir, harness.port);
    await until(() => a.state().sync.status === 'synced', 8000);
    expect(a.state().sync.waiting).toBe(0);
    const stored = back.repository.loadMap(id);
    expect(stored.nodes.map((n) => n.title)).toContain('Written offline');
    expect(stored.nodes.map((n) => n.id)).not.toContain('g2');
    expect(ids(stored.nodes)).toEqual(ids(readContent(a.state().doc()).nodes));
  });

  it('keeps a view-only window from editing, and still shows it the room’s changes', async () => {
    const harness = await room();
    const { id } = harness.repository.createMap('Offsite', smallMap());
    const editor = window(harness, id);
    const viewer = window(harness, id, VIEW_KEY);
    await viewer.rooms.contentArrived();
    expect(viewer.state().readOnly).toBe(true);
    viewer.state().renameNode('g1', 'Not allowed');
    expect(viewer.state().nodes.find((n) => n.id === 'g1')?.data.plan.title).toBe('Grow');
    await editor.rooms.contentArrived();
    editor.state().renameNode('g1', 'Shown to the viewer');
    await until(
      () => viewer.state().nodes.find((n) => n.id === 'g1')?.data.plan.title === 'Shown to the viewer',
    );
  });

  it('keeps a map left with unconfirmed changes connected until the room has them', async () => {
    const harness = await room();
    const first = harness.repository.createMap('First', smallMap());
    const second = harness.repository.createMap('Second', smallMap());
    const a = window(harness, first.id);
    await a.rooms.contentArrived();
    a.state().renameNode('g1', 'Renamed just before leaving');
    a.rooms.open({ id: second.id, name: 'Second' });
    expect(await a.rooms.flush()).toBe(true);
    expect(harness.repository.loadMap(first.id).nodes.find((n) => n.id === 'g1')?.title).toBe(
      'Renamed just before leaving',
    );
  });

  it('keeps changes the disk refused, shows why, and stores them once there is space', async () => {
    const harness = await room();
    const { id } = harness.repository.createMap('Offsite', smallMap());
    const a = window(harness, id);
    await a.rooms.contentArrived();
    const db = harness.repository.document.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    for (let i = 0; i < 20; i++) a.state().addNode('goal', { x: i * 10, y: 900 }, `goal ${i} `.repeat(25));
    await until(() => a.state().sync.problem !== null, 5000);
    expect(a.state().sync.problem).toBe('storage-full');
    expect(harness.events.some((e) => e.kind === 'not-stored')).toBe(true);
    // What fit before the disk filled is stored; the rest waits in the window.
    expect(harness.repository.loadMap(id).nodes.length).toBeLessThan(24);
    expect(a.state().sync.waiting).toBeGreaterThan(0);
    db.pragma('max_page_count = 1073741823');
    await until(() => a.state().sync.status === 'synced' && a.state().sync.problem === null, 8000);
    expect(harness.repository.loadMap(id).nodes).toHaveLength(24);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('is told when the map was replaced under it', async () => {
    const harness = await room();
    const { id } = harness.repository.createMap('Offsite', smallMap());
    const a = window(harness, id);
    await a.rooms.contentArrived();
    const ends: string[] = [];
    a.rooms.setEndHandler((end) => ends.push(end));
    harness.rooms.closeRoom(id, ROOM_CLOSE.replaced, 'replaced');
    await until(() => ends.length > 0);
    expect(ends).toEqual(['replaced']);
  });
});

describe('a window holding an older document', () => {
  it('learns the document’s generation from the room, and is told to load again once it was replaced', async () => {
    const harness = await room();
    const { id } = harness.repository.createMap('Offsite', smallMap());
    const a = window(harness, id);
    await a.rooms.contentArrived();
    await until(() => a.rooms.connection?.provider.params.gen === harness.rooms.room(id)?.generation);
    const ends: string[] = [];
    a.rooms.setEndHandler((end) => ends.push(end));
    // A backup restored: every live document starts anew; the window reconnects by itself.
    harness.repository.forgetRooms();
    harness.rooms.closeRoom(id, ROOM_CLOSE.reopen, 'reopening');
    await until(() => ends.length > 0, 5000);
    expect(ends).toEqual(['replaced']);
  });
});
