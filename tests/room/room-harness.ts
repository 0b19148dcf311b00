import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RoomEvent } from '../../electron/backend/room/map-room';
import { RoomServer } from '../../electron/backend/room/room-server';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import type { MapContent } from '../../shared/model';
import { ROOM_KEY_PARAM } from '../../shared/room/protocol';

export const EDIT_KEY = 'edit-key-for-tests';
export const VIEW_KEY = 'view-key-for-tests';
/** Admits as the host's own window would be (its session cookie): an editor and the facilitator. */
export const HOST_KEY = 'host-key-for-tests';

export interface RoomHarness {
  url: string;
  port: number;
  repository: MapRepository;
  rooms: RoomServer;
  events: RoomEvent[];
  /** Stops the server as a crash would: sockets cut, nothing folded, the database left as it is. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

/** A room server over a real document file on 127.0.0.1, admitting two fixed keys. */
export async function startRoomHarness(dir: string, port = 0): Promise<RoomHarness> {
  const database = openDocument(join(dir, 'room.throughline'), { create: true });
  const repository = new MapRepository(database);
  const events: RoomEvent[] = [];
  const rooms = new RoomServer({
    repository: () => repository,
    admit: (_req, query) => {
      const key = query.get(ROOM_KEY_PARAM);
      if (key === EDIT_KEY) return { ok: true, access: 'edit' };
      if (key === HOST_KEY) return { ok: true, access: 'edit', host: true };
      if (key === VIEW_KEY) return { ok: true, access: 'view' };
      return { ok: false, status: 401, message: 'A room key is needed.' };
    },
    onEvent: (event) => events.push(event),
    idleCloseMs: 200,
  });
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => rooms.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  const stop = (fold: boolean) =>
    new Promise<void>((resolve) => {
      if (fold) rooms.close();
      server.closeAllConnections();
      server.close(() => resolve());
      if (!fold) {
        // A crash: every socket cut, nothing folded or closed in order.
        for (const client of (rooms as unknown as { sockets: { clients: Set<WebSocket> } }).sockets.clients) {
          client.terminate();
        }
      }
      // A crash leaves the database as it is (its WAL unfolded): the next server opens it anew.
      if (fold) repository.close();
    });
  return {
    url: `ws://127.0.0.1:${actual}/sync`,
    port: actual,
    repository,
    rooms,
    events,
    kill: () => stop(false),
    close: () => stop(true),
  };
}

export interface Participant {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves when the provider has synced (again). */
  synced(): Promise<void>;
  /** Resolves with the close code when the server closes the connection for good. */
  closed: Promise<number>;
  leave(): void;
}

export function joinRoom(
  url: string,
  mapId: string,
  key: string | null,
  params: Record<string, string> = {},
): Participant {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, mapId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: key === null ? params : { ...params, [ROOM_KEY_PARAM]: key },
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closed = new Promise<number>((resolve) => {
    provider.on('closed', (event) => resolve(event.code));
  });
  return {
    doc,
    provider,
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const on = (state: boolean) => {
              if (state) {
                provider.off('sync', on);
                resolve();
              }
            };
            provider.on('sync', on);
          }),
    closed,
    leave: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` passes (bounded), for effects that arrive over the network. */
export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the room');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A small map: two goals, a mechanism and a metric, linked goal → mechanism → metric. */
export function smallMap(): MapContent {
  const base = { description: '', owner: '' };
  return {
    nodes: [
      {
        ...base,
        id: 'g1',
        kind: 'goal',
        title: 'Grow',
        position: { x: 0, y: 0 },
        horizon: '',
        priority: null,
        status: 'proposed',
      },
      {
        ...base,
        id: 'g2',
        kind: 'goal',
        title: 'Keep',
        position: { x: 0, y: 200 },
        horizon: '',
        priority: null,
        status: 'proposed',
      },
      {
        ...base,
        id: 'm1',
        kind: 'mechanism',
        title: 'Weekly review',
        position: { x: 400, y: 0 },
        function: null,
        startDate: null,
        dueDate: null,
        status: 'planned',
      },
      {
        ...base,
        id: 'k1',
        kind: 'metric',
        title: 'Revenue',
        position: { x: 800, y: 0 },
        unit: '',
        direction: 'higher',
        baseline: null,
        target: null,
        current: null,
        dueDate: null,
        cadence: null,
        source: '',
      },
    ],
    links: [
      { id: 'l1', source: 'g1', target: 'm1' },
      { id: 'l2', source: 'm1', target: 'k1' },
    ],
  };
}

/**
 * What a test file's tests open (servers, participants), ended after each test: participants
 * first, then the servers. Push onto it; a test that ends one itself takes it out.
 */
export function endedAfterEach(): { harness: RoomHarness[]; peers: Participant[] } {
  const open = { harness: [] as RoomHarness[], peers: [] as Participant[] };
  afterEach(async () => {
    for (const p of open.peers.splice(0)) p.leave();
    for (const h of open.harness.splice(0)) await h.close().catch(() => {});
  });
  return open;
}
