import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { ApiError } from '../../../shared/contract/errors';
import { IdSchema } from '../../../shared/model/schemas';
import {
  MAX_ROOM_MESSAGE_BYTES,
  ROOM_CLOSE,
  ROOM_GENERATION_PARAM,
  type RoomAccess,
  SYNC_PATH_PREFIX,
} from '../../../shared/room/protocol';
import type { LogEntry } from '../../../shared/room/session-log';
import type { MapRepository } from '../storage/map-repository';
import { MapRoom, type RoomEvent, type RoomPeer } from './map-room';

/** Whether a request to join may, and how: the policy of whoever serves the rooms. */
export type Admission =
  | {
      ok: true;
      access: RoomAccess;
      /** The host's own window (its session on the machine): the facilitator. */
      host?: boolean;
      /** What admitted the connection (a share's id), so closeGrant can end them all at once. */
      grant?: string;
    }
  | { ok: false; status: 401 | 403; message: string };

export interface RoomServerOptions {
  /** The open document's maps (read at each join: the document may change). */
  repository: () => MapRepository;
  /** Host, Origin and key checks of the server the rooms run on. */
  admit: (req: IncomingMessage, query: URLSearchParams) => Admission;
  onEvent?: (event: RoomEvent) => void;
  /** How long an empty room stays open for a participant who comes back (ms). */
  idleCloseMs?: number;
  /** How often dead connections are looked for (ms). */
  heartbeatMs?: number;
}

/**
 * The rooms of one server: WebSocket upgrades on `/sync/<mapId>` admitted by the server's policy,
 * one MapRoom per map with participants, closed a while after the last one leaves.
 */
export class RoomServer {
  private readonly sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_ROOM_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  private readonly rooms = new Map<string, MapRoom>();
  private readonly idle = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  /** Connections admitted by a grant, and how to end each one. */
  private readonly granted = new Map<WebSocket, { grant: string; end(code: number, reason: string): void }>();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  /** Each map's session log, kept while the server runs (a room closes when idle; its log stays). */
  private readonly logs = new Map<string, LogEntry[]>();

  constructor(private readonly options: RoomServerOptions) {
    this.heartbeat = setInterval(() => this.checkAlive(), options.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
  }

  /** Whether an upgrade request is for the rooms (the HTTP server answers everything else). */
  static isRoomPath(url: string | undefined): boolean {
    return typeof url === 'string' && url.startsWith(SYNC_PATH_PREFIX);
  }

  /** The room of a map, if it has one open now (tests and benchmarks look inside). */
  room(mapId: string): MapRoom | undefined {
    return this.rooms.get(mapId);
  }

  /** Who changed what on a map since the server started (bounded: session-log.ts), oldest first. */
  log(mapId: string): readonly LogEntry[] {
    return this.logs.get(mapId) ?? [];
  }

  /** `admit` replaces the server's policy for this request (a server with several listeners). */
  handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    admit: RoomServerOptions['admit'] = this.options.admit,
  ): void {
    const url = new URL(req.url ?? '/', 'http://room.invalid');
    const mapId = decodeURIComponent(url.pathname.slice(SYNC_PATH_PREFIX.length));
    if (!url.pathname.startsWith(SYNC_PATH_PREFIX) || !IdSchema.safeParse(mapId).success) {
      refuseUpgrade(socket, 404, 'No such room.');
      return;
    }
    const admission = admit(req, url.searchParams);
    if (!admission.ok) {
      refuseUpgrade(socket, admission.status, admission.message);
      return;
    }
    let room: MapRoom;
    try {
      room = this.openRoom(mapId);
    } catch (error) {
      const missing = error instanceof ApiError && error.code === 'not-found';
      refuseUpgrade(socket, missing ? 404 : 500, missing ? 'No such map.' : 'The map could not be opened.');
      return;
    }
    this.sockets.handleUpgrade(req, socket, head, (ws) => {
      const generation = url.searchParams.get(ROOM_GENERATION_PARAM);
      if (generation !== null && generation !== room.generation) {
        ws.close(ROOM_CLOSE.replaced, 'the map was replaced: load it again');
        this.closeIfIdle(mapId);
        return;
      }
      this.connect(room, ws, admission.access, admission.grant, admission.host === true);
    });
  }

  private connect(
    room: MapRoom,
    ws: WebSocket,
    access: RoomAccess,
    grant: string | undefined,
    host: boolean,
  ): void {
    const peer: RoomPeer = {
      access,
      host,
      send: (message) => {
        if (ws.readyState === ws.OPEN) ws.send(message);
      },
      close: (code, reason) => ws.close(code, reason),
    };
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        room.receive(peer, new Uint8Array(0));
        return;
      }
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      room.receive(peer, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    if (grant !== undefined) {
      this.granted.set(ws, {
        grant,
        end: (code, reason) => {
          room.leave(peer);
          ws.close(code, reason);
        },
      });
    }
    ws.on('close', () => {
      this.granted.delete(ws);
      room.leave(peer);
      this.closeIfIdle(room.mapId);
    });
    ws.on('error', () => ws.terminate());
    room.join(peer);
  }

  private openRoom(mapId: string): MapRoom {
    const timer = this.idle.get(mapId);
    if (timer) {
      clearTimeout(timer);
      this.idle.delete(mapId);
    }
    let room = this.rooms.get(mapId);
    if (!room) {
      let log = this.logs.get(mapId);
      if (!log) {
        log = [];
        this.logs.set(mapId, log);
      }
      const opened = MapRoom.open(
        this.options.repository(),
        mapId,
        (event) => {
          // A room that closed to open again from the file is forgotten at once: the next join opens it.
          if (event.kind === 'moved-on' && this.rooms.get(mapId) === opened) this.forget(mapId);
          this.options.onEvent?.(event);
        },
        log,
      );
      room = opened;
      this.rooms.set(mapId, room);
    }
    return room;
  }

  private closeIfIdle(mapId: string): void {
    const room = this.rooms.get(mapId);
    if (!room || room.peerCount > 0 || this.idle.has(mapId)) return;
    const timer = setTimeout(() => {
      this.idle.delete(mapId);
      if (room.peerCount === 0) this.closeRoom(mapId);
    }, this.options.idleCloseMs ?? 30_000);
    timer.unref();
    this.idle.set(mapId, timer);
  }

  /** Drops a map's room from the list (it closed itself) with its idle timer. */
  private forget(mapId: string): void {
    this.rooms.delete(mapId);
    const timer = this.idle.get(mapId);
    if (timer) clearTimeout(timer);
    this.idle.delete(mapId);
  }

  /** Ends one map's room: its participants are told why (a deleted map, a restored document). */
  closeRoom(mapId: string, code: number = ROOM_CLOSE.gone, reason = 'the map is no longer shared'): void {
    const room = this.rooms.get(mapId);
    if (!room) return;
    this.rooms.delete(mapId);
    const timer = this.idle.get(mapId);
    if (timer) clearTimeout(timer);
    this.idle.delete(mapId);
    room.close(code, reason);
  }

  /** Ends every room at once (sharing stopped, the document switched, the server stopping). */
  closeAll(code: number = ROOM_CLOSE.ended, reason = 'sharing stopped'): void {
    for (const mapId of [...this.rooms.keys()]) this.closeRoom(mapId, code, reason);
  }

  /**
   * Ends every connection a grant admitted (a share stopped: its keys no longer open the rooms),
   * at once: nothing they send after this reaches a room. Returns how many were ended.
   */
  closeGrant(grant: string, code: number = ROOM_CLOSE.ended, reason = 'sharing stopped'): number {
    let ended = 0;
    for (const [ws, entry] of [...this.granted]) {
      if (entry.grant !== grant) continue;
      this.granted.delete(ws);
      entry.end(code, reason);
      ended += 1;
    }
    return ended;
  }

  /** Terminates connections that did not answer the last ping (a laptop that left the Wi-Fi). */
  private checkAlive(): void {
    for (const ws of this.sockets.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.closeAll(ROOM_CLOSE.ended, 'the server stopped');
    for (const ws of this.sockets.clients) ws.terminate();
    this.sockets.close();
  }
}

/** Answers an upgrade that may not proceed with a plain HTTP status, then closes the socket. */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const reason = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' }[
    status
  ];
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason ?? 'Refused'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
