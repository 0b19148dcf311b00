import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ApiError } from '../../../shared/contract/errors';
import { SYNC_PATH_PREFIX } from '../../../shared/room/protocol';
import { RoomServer } from '../room/room-server';
import type { MapRepository } from '../storage/map-repository';
import {
  admitToRoom,
  checkSender,
  hasSessionCookie,
  type Listener,
  loopbackAuthorities,
  sessionOf,
} from './admission';
import { type Dispatcher, handleApi } from './api-route';
import { sessionCookie, splitTarget, tokensEqual } from './request-guards';
import { applySecurityHeaders, sendJson, sendRefusal } from './responses';
import { type SharingControl, sessionDispatcher } from './session-dispatch';
import { SessionStore } from './session-store';
import { accessOfKey } from './share-keys';
import { JOIN_PARAM, Sharing, type SharingOptions, type TlsFiles } from './sharing';
import { serveStatic } from './static-files';

export interface PlanServerOptions {
  /** The contract's registry (MethodRegistry), the same one Electron IPC dispatches to. */
  registry: Dispatcher;
  /** The built renderer (out/renderer): the only files the server hands out. */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The first one-time token (openUrl's); a fresh random 32 bytes (hex) unless given (tests). */
  token?: string;
  /** How long a one-time address stays usable; TOKEN_LIFETIME_MS unless given (tests). */
  tokenLifetimeMs?: number;
  /** The open document's maps: with it, the server runs the live rooms at `/sync/<mapId>`. */
  repository?: () => MapRepository;
  /** A certificate for shares: the shared address is then https, and its rooms wss. */
  tls?: TlsFiles;
  /** The machine's network interfaces, where a share listens by default (tests give their own). */
  interfaces?: SharingOptions['interfaces'];
  /** Where a share is kept while it lasts, so a restarted server resumes it (share-memory.ts). */
  shareMemory?: SharingOptions['memory'];
  /**
   * The desktop app: make a host key for this launch, which its file:// window (no cookie, Origin
   * `file://`) presents to join the rooms on loopback as the host's editor (admission.ts).
   */
  hostKey?: boolean;
}

/** How long an address with a token may wait before it is opened: enough to start a browser. */
export const TOKEN_LIFETIME_MS = 60_000;

const randomSecret = () => randomBytes(32).toString('hex');

export interface PlanServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /**
   * The first address to open: the origin with a one-time token, which the server trades once,
   * within TOKEN_LIFETIME_MS, for a session cookie with a secret of its own.
   */
  readonly openUrl: string;
  /** Another one-time address (another window, a PDF printer's browser), valid as openUrl is. */
  issueOpenUrl(): string;
  /** Sharing the rooms on the LAN (what the host's startSharing/stopSharing calls reach). */
  readonly sharing: SharingControl;
  /** The live rooms, when the server has a repository. */
  readonly rooms: RoomServer | null;
  /** The rooms' WebSocket address on loopback: `ws://127.0.0.1:<port>/sync`. */
  readonly roomsUrl: string;
  /** This launch's host key (32 random bytes, hex), with the `hostKey` option; otherwise null. */
  readonly hostKey: string | null;
  close(): Promise<void>;
}

/**
 * The browser transport: the contract over `POST /api/<method>`, the built renderer and the live
 * rooms, on 127.0.0.1, and while the rooms are shared on one LAN address too (sharing.ts). Every
 * request must name the listener it reached in its Host header (DNS rebinding), come from that
 * listener's origin when it says where it comes from (CSRF), and carry a session cookie. On
 * loopback a one-time `/?token=…` address sets it (the host's window); on a shared address a
 * `/?join=<key>` address does (a participant, an editor or an observer by the key). A token works
 * once, within its lifetime, and is never the cookie's secret: an address seen later (in a
 * history, a process list) opens nothing. Refusals are 4xx with an ApiResponse-shaped body.
 */
export async function startPlanServer(options: PlanServerOptions): Promise<PlanServer> {
  const lifetime = options.tokenLifetimeMs ?? TOKEN_LIFETIME_MS;
  /** One-time tokens not yet traded, with the time each expires. */
  const pending = new Map<string, number>();

  /** Takes a pending token out if it matches (in constant time) and has not expired. */
  const redeem = (presented: string): boolean => {
    const now = Date.now();
    let found = false;
    for (const [token, expires] of pending) {
      if (expires <= now) pending.delete(token);
      else if (tokensEqual(presented, token)) {
        pending.delete(token);
        found = true;
      }
    }
    return found;
  };

  const hostKey = options.hostKey ? randomSecret() : null;
  const rooms = options.repository
    ? new RoomServer({
        repository: options.repository,
        admit: () => ({ ok: false, status: 403, message: 'Rooms are reached through a listener.' }),
      })
    : null;

  const answer = (listener: Listener, req: IncomingMessage, res: ServerResponse) => {
    applySecurityHeaders(res);
    route(listener, req, res).catch(() => {
      if (!res.headersSent) sendRefusal(res, 500, 'internal', 'The server could not answer this request.');
      else res.destroy();
    });
  };
  const upgrade = (listener: Listener, req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!rooms || !RoomServer.isRoomPath(req.url)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    rooms.handleUpgrade(req, socket, head, (request, query) =>
      admitToRoom(listener, request, query, sharing.keys, hostKey),
    );
  };
  const sharing = new Sharing({
    onRequest: answer,
    onUpgrade: upgrade,
    onStopped: (share) => rooms?.closeGrant(share.id),
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.interfaces ? { interfaces: options.interfaces } : {}),
    ...(options.shareMemory ? { memory: options.shareMemory } : {}),
  });

  async function route(listener: Listener, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sender = checkSender(listener, req);
    if (!sender.ok) {
      sendRefusal(res, sender.status, 'forbidden-sender', sender.message);
      return;
    }
    const target = splitTarget(req.url);
    if (target === null) {
      sendRefusal(res, 400, 'invalid-payload', 'The request target is not a plain path.');
      return;
    }
    if (
      target.path === '/' &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      signIn(listener, req, res, target.query)
    ) {
      return;
    }

    if (!hasSessionCookie(listener, req)) {
      // Worded (shared/contract/error-wording.ts): the page says it in the UI's language.
      sendJson(res, 401, {
        ok: false,
        error: ApiError.worded('forbidden-sender', 'session-missing', {}).toShape(),
      });
      return;
    }
    const session = sessionOf(listener, req);
    if (session === null) {
      // A page left open across a restart of the server (or a share stopped) lands here.
      sendJson(res, 403, {
        ok: false,
        error: ApiError.worded('forbidden-sender', 'session-invalid', {}).toShape(),
      });
      return;
    }

    if (target.path === '/api' || target.path.startsWith('/api/')) {
      await handleApi(
        req,
        res,
        sessionDispatcher(session, options.registry, sharing, (mapId) => rooms?.log(mapId) ?? []),
        target.path,
      );
      return;
    }
    await serveStatic(req, res, options.rendererDir, target.path);
  }

  /**
   * Trades a one-time token (loopback) or a share key (a shared address) for a session cookie,
   * then leaves the address for `/`. Not a 303: a launch page on file:// starts this navigation,
   * and a SameSite=Strict cookie is not sent on a redirect that a cross-site page started. A
   * refresh from this origin is same-site. Returns false when the address carries neither.
   */
  function signIn(listener: Listener, req: IncomingMessage, res: ServerResponse, query: string): boolean {
    const params = new URLSearchParams(query);
    let secret: string;
    if (listener.share === null) {
      const presented = params.get('token');
      if (presented === null) return false;
      if (!redeem(presented)) {
        sendRefusal(
          res,
          403,
          'forbidden-sender',
          'This address was used already or has expired (it works once, for a minute): start Throughline again for a new one.',
        );
        return true;
      }
      secret = listener.sessions.add({ role: 'host' });
    } else {
      const presented = params.get(JOIN_PARAM);
      if (presented === null) return false;
      const access = accessOfKey(listener.share, presented);
      if (access === null) {
        sendPage(res, 401, req.method === 'HEAD', JOIN_REFUSED_PAGE);
        return true;
      }
      secret = listener.sessions.add({ role: access, key: presented, shareId: listener.share.id });
    }
    res.setHeader('Set-Cookie', sessionCookie(listener.port, secret, listener.scheme === 'https'));
    res.setHeader('Refresh', '0; url=/');
    sendPage(res, 200, req.method === 'HEAD', SIGNED_IN_PAGE);
    return true;
  }

  const server = createServer((req, res) => answer(loopback, req, res));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    upgrade(loopback, req, socket, head),
  );
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const loopback: Listener = {
    authorities: loopbackAuthorities(port),
    scheme: 'http',
    port,
    sessions: new SessionStore(),
    share: null,
  };
  const origin = `http://127.0.0.1:${port}`;

  const issueOpenUrl = (token = randomSecret()): string => {
    pending.set(token, Date.now() + lifetime);
    return `${origin}/?token=${token}`;
  };

  let closing: Promise<void> | null = null;
  return {
    origin,
    port,
    openUrl: issueOpenUrl(options.token),
    issueOpenUrl: () => issueOpenUrl(),
    sharing,
    rooms,
    roomsUrl: `ws://127.0.0.1:${port}${SYNC_PATH_PREFIX.slice(0, -1)}`,
    hostKey,
    close() {
      // Stop accepting, let a request in flight (an autosave) finish, then drop what is left.
      closing ??= (async () => {
        await sharing.stop();
        rooms?.close();
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => server.closeAllConnections(), 1500);
          server.close(() => {
            clearTimeout(force);
            resolve();
          });
          server.closeIdleConnections();
        });
      })();
      return closing;
    },
  };
}

function sendPage(res: ServerResponse, status: number, head: boolean, page: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(head ? undefined : page);
}

/** A shared address whose key is not (or no longer) one of the current share's, in both languages. */
const JOIN_REFUSED_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Throughline</title>' +
  '<p>This room address is not valid: sharing has stopped, or a new share made new keys. Ask the host for the current address.</p>' +
  '<p lang="zh-CN">这个会场地址已失效：共享已停止，或新的共享生成了新的密钥。请向主持人索取当前地址。</p>\n';

/** What the token's address shows for the moment before it refreshes to the app. */
const SIGNED_IN_PAGE =
  '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=/">' +
  '<title>Throughline</title><a href="/">Throughline</a>\n';
