import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startDocumentServer } from '../../electron/backend/server/document-server';
import type { PlanServer } from '../../electron/backend/server/http-server';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { MapRooms, type RoomAccessInfo } from '../../renderer/src/room/map-rooms';
import { pageRoomAddress } from '../../renderer/src/room/page-room-address';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { ShareInfo } from '../../shared/contract';
import { ROOM_CLOSE } from '../../shared/room/protocol';
import { joinRoom, type Participant, smallMap, until } from '../room/room-harness';
import { get, upgradeStatus } from './share-harness';

// The desktop app's rooms, without Electron: main runs the plan server on 127.0.0.1 with a host
// key (electron/main/index.ts), its IPC answers the contract through the backend's registry, and
// its window is a file:// page whose WebSocket says `Origin: file://` and carries no cookie.

interface Desktop {
  dir: string;
  backend: PlanBackend;
  server: PlanServer;
}

const open: { desktops: Desktop[]; rooms: MapRooms[]; peers: Participant[] } = {
  desktops: [],
  rooms: [],
  peers: [],
};
afterEach(async () => {
  for (const rooms of open.rooms.splice(0)) rooms.destroy();
  for (const peer of open.peers.splice(0)) peer.leave();
  for (const { dir, backend, server } of open.desktops.splice(0)) {
    await server.close();
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** What main starts: the backend, its IPC handlers reading the plan server, then the server. */
async function desktop(hostKey = true): Promise<Desktop> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-desktop-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Throughline</title>');
  let server: PlanServer | undefined;
  const backend = openPlanBackend({
    libraryPath: join(dir, 'library.throughline'),
    stateDir: dir,
    rooms: () => server ?? null,
  });
  server = await startDocumentServer(backend, { rendererDir, hostKey });
  const opened = { dir, backend, server };
  open.desktops.push(opened);
  return opened;
}

/** The window's WebSocket: a file:// page's, which names its origin `file://` and has no cookie. */
class FilePageWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols, { origin: 'file://' });
  }
}

/** A contract call as the desktop's IPC makes it (registerIpc dispatches to the same registry). */
async function ipc<T>(backend: PlanBackend, method: string, payload: unknown = {}): Promise<T> {
  const response = await backend.registry.dispatch(method, payload);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.value as T;
}

const roomUrl = (server: PlanServer, mapId: string, key: string) => `${server.roomsUrl}/${mapId}?key=${key}`;

describe('the desktop window in its rooms', () => {
  it('learns over IPC where its rooms are and its host key, and edits a map through them', async () => {
    const { backend, server } = await desktop();
    const { id } = backend.documents.repository.createMap('Offsite', smallMap());
    const access = await ipc<RoomAccessInfo & { host: boolean }>(backend, 'roomAccess');
    expect(access).toEqual({
      access: 'edit',
      key: server.hostKey,
      host: true,
      url: `ws://127.0.0.1:${server.port}/sync`,
    });
    expect(server.hostKey).toMatch(/^[0-9a-f]{64}$/);

    // The renderer as main.tsx builds it: its page address is a file:// one, which the access overrides.
    const store = createMapStore();
    const rooms = new MapRooms({
      store,
      address: () => pageRoomAddress({ protocol: 'file:', host: '' }),
      WebSocketImpl: FilePageWebSocket as unknown as typeof globalThis.WebSocket,
    });
    open.rooms.push(rooms);
    rooms.setAccess(access);
    rooms.open({ id, name: 'Offsite' });
    expect(await rooms.contentArrived()).toBe(true);
    expect(
      store
        .getState()
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['g1', 'g2', 'k1', 'm1']);
    const added = store.getState().addNode('goal', { x: 0, y: 600 }, 'From the desktop');
    await until(() => store.getState().sync.status === 'synced');
    expect(backend.documents.repository.loadMap(id).nodes.find((n) => n.id === added)?.title).toBe(
      'From the desktop',
    );
  });

  it('admits the host key from file:// or no origin on loopback only, and nothing else', async () => {
    const { backend, server } = await desktop();
    const { id } = backend.documents.repository.createMap('Offsite', smallMap());
    const key = server.hostKey as string;
    expect(await upgradeStatus(roomUrl(server, id, key), { origin: 'file://' })).toBe(101);
    expect(await upgradeStatus(roomUrl(server, id, key))).toBe(101);
    // A wrong key, a key one character off, none: refused as unauthorised.
    const wrong = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`;
    expect(await upgradeStatus(roomUrl(server, id, wrong), { origin: 'file://' })).toBe(401);
    expect(await upgradeStatus(`${server.roomsUrl}/${id}`, { origin: 'file://' })).toBe(401);
    expect(await upgradeStatus(roomUrl(server, id, 'not-the-key'))).toBe(401);
    // Another origin is refused even with the right key: a web page cannot use a key it learned.
    for (const origin of ['http://evil.example', 'null', 'file://evil', `http://localhost:${server.port}`]) {
      expect(await upgradeStatus(roomUrl(server, id, key), { origin }), origin).toBe(403);
    }
    // A Host that is not the loopback listener's (DNS rebinding) is refused too.
    expect(
      await upgradeStatus(roomUrl(server, id, key), { origin: 'file://', headers: { host: 'evil.example' } }),
    ).toBe(403);
  });

  it('never takes the host key on the shared LAN listener', async () => {
    const { backend, server } = await desktop();
    const { id } = backend.documents.repository.createMap('Offsite', smallMap());
    const share = await ipc<ShareInfo>(backend, 'startSharing', { host: '127.0.0.1' });
    const shared = `ws://127.0.0.1:${share.port}/sync/${id}?key=${server.hostKey}`;
    expect(await upgradeStatus(shared, { origin: 'file://' })).toBe(403);
    expect(await upgradeStatus(shared)).toBe(401);
    expect(await upgradeStatus(shared, { origin: `http://127.0.0.1:${share.port}` })).toBe(401);
  });

  it('makes no host key unless asked (the browser mode): a file:// page is refused', async () => {
    const { backend, server } = await desktop(false);
    const { id } = backend.documents.repository.createMap('Offsite', smallMap());
    expect(server.hostKey).toBeNull();
    expect(await upgradeStatus(roomUrl(server, id, 'anything'), { origin: 'file://' })).toBe(403);
    expect(await ipc(backend, 'roomAccess')).toEqual({ access: 'edit', key: null, host: true, url: null });
  });

  it("shares the desktop's rooms through the same Sharing as the browser mode, and stops", async () => {
    const { backend, server } = await desktop();
    const { id } = backend.documents.repository.createMap('Offsite', smallMap());
    expect(await ipc(backend, 'sharingStatus')).toBeNull();
    const share = await ipc<ShareInfo>(backend, 'startSharing', { host: '127.0.0.1' });
    expect(server.sharing.status()).toEqual(share);
    expect(await ipc(backend, 'sharingStatus')).toEqual(share);
    // A participant opens the editors' address and edits through the room.
    expect((await get(share.editUrl)).status).toBe(200);
    const editKey = new URL(share.editUrl).searchParams.get('join') as string;
    const participant = joinRoom(`ws://127.0.0.1:${share.port}/sync`, id, editKey);
    open.peers.push(participant);
    await participant.synced();
    expect(await ipc(backend, 'stopSharing')).toEqual({ stopped: true });
    expect(await participant.closed).toBe(ROOM_CLOSE.ended);
    expect(await ipc(backend, 'sharingStatus')).toBeNull();
    expect(await ipc(backend, 'stopSharing')).toEqual({ stopped: false });
  });

  it('ends a map’s room when the map is deleted, and every room when another document opens', async () => {
    const { backend, server } = await desktop();
    const repository = backend.documents.repository;
    const first = repository.createMap('First', smallMap()).id;
    const second = repository.createMap('Second', smallMap()).id;
    const key = server.hostKey as string;
    const a = joinRoom(server.roomsUrl, first, key);
    const b = joinRoom(server.roomsUrl, second, key);
    open.peers.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    await ipc(backend, 'deleteMap', { mapId: first });
    expect(await a.closed).toBe(ROOM_CLOSE.gone);
    const { base64 } = await ipc<{ base64: string }>(backend, 'downloadDocument');
    await ipc(backend, 'uploadDocument', { fileName: 'Other.throughline', base64 });
    expect(await b.closed).toBe(ROOM_CLOSE.replaced);
  });
});
