import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../../shared/contract/errors';
import { type Dispatcher, handleApi } from './api-route';
import {
  isAllowedHost,
  isAllowedOrigin,
  parseCookies,
  sessionCookie,
  sessionCookieName,
  splitTarget,
  tokensEqual,
} from './request-guards';
import { applySecurityHeaders, sendJson, sendRefusal } from './responses';
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
}

/** How long an address with a token may wait before it is opened: enough to start a browser. */
export const TOKEN_LIFETIME_MS = 60_000;
/** Sessions kept at most (each window or PDF context signs in once); the oldest go first. */
const MAX_SESSIONS = 256;

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
  close(): Promise<void>;
}

/**
 * The browser transport: the contract over `POST /api/<method>` plus the built renderer, on
 * 127.0.0.1 only. Every request must name this server in its Host header (DNS rebinding), come
 * from its own origin when it says where it comes from (CSRF), and carry a session cookie that a
 * one-time `/?token=…` address sets. A token works once, within its lifetime, and is never the
 * cookie's secret: an address seen later (in a history, a process list) opens nothing.
 * Refusals are 4xx with an ApiResponse-shaped body.
 */
export async function startPlanServer(options: PlanServerOptions): Promise<PlanServer> {
  const lifetime = options.tokenLifetimeMs ?? TOKEN_LIFETIME_MS;
  /** One-time tokens not yet traded, with the time each expires. */
  const pending = new Map<string, number>();
  /** Secrets of the session cookies handed out, oldest first. */
  const sessions = new Set<string>();
  let port = 0;

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
  const newSession = (): string => {
    const secret = randomSecret();
    sessions.add(secret);
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.values().next().value as string);
    return secret;
  };
  const isSession = (presented: string): boolean => {
    let found = false;
    for (const secret of sessions) if (tokensEqual(presented, secret)) found = true;
    return found;
  };

  const server = createServer((req, res) => {
    applySecurityHeaders(res);
    route(req, res).catch(() => {
      if (!res.headersSent) sendRefusal(res, 500, 'internal', 'The server could not answer this request.');
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host;
    if (!isAllowedHost(host, port) || countHeader(req, 'host') > 1) {
      sendRefusal(res, 403, 'forbidden-sender', 'This server answers only to its own loopback address.');
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, host as string)) {
      sendRefusal(res, 403, 'forbidden-sender', 'Requests from other origins are refused.');
      return;
    }
    const target = splitTarget(req.url);
    if (target === null) {
      sendRefusal(res, 400, 'invalid-payload', 'The request target is not a plain path.');
      return;
    }

    const presented = new URLSearchParams(target.query).get('token');
    if (target.path === '/' && presented !== null && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!redeem(presented)) {
        sendRefusal(
          res,
          403,
          'forbidden-sender',
          'This address was used already or has expired (it works once, for a minute): start Throughline again for a new one.',
        );
        return;
      }
      // Trade the token for a cookie with a fresh secret, then leave the address for `/`. Not a 303:
      // a launch page on file:// starts this navigation, and a SameSite=Strict cookie is not sent
      // on a redirect that a cross-site page started. A refresh from this origin is same-site.
      res.statusCode = 200;
      res.setHeader('Set-Cookie', sessionCookie(port, newSession()));
      res.setHeader('Refresh', '0; url=/');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(req.method === 'HEAD' ? undefined : SIGNED_IN_PAGE);
      return;
    }

    const cookie = parseCookies(req.headers.cookie).get(sessionCookieName(port));
    if (cookie === undefined) {
      // Worded (shared/contract/error-wording.ts): the page says it in the UI's language.
      sendJson(res, 401, {
        ok: false,
        error: ApiError.worded('forbidden-sender', 'session-missing', {}).toShape(),
      });
      return;
    }
    if (!isSession(cookie)) {
      // A page left open across a restart of the server lands here: said in the UI's language.
      sendJson(res, 403, {
        ok: false,
        error: ApiError.worded('forbidden-sender', 'session-invalid', {}).toShape(),
      });
      return;
    }

    if (target.path === '/api' || target.path.startsWith('/api/')) {
      await handleApi(req, res, options.registry, target.path);
      return;
    }
    await serveStatic(req, res, options.rendererDir, target.path);
  }

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
  port = (server.address() as AddressInfo).port;
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
    close() {
      // Stop accepting, let a request in flight (an autosave) finish, then drop what is left.
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 1500);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/** What the token's address shows for the moment before it refreshes to the app. */
const SIGNED_IN_PAGE =
  '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=/">' +
  '<title>Throughline</title><a href="/">Throughline</a>\n';

function countHeader(req: IncomingMessage, name: string): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === name) count += 1;
  }
  return count;
}
