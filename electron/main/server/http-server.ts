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
  /** The per-launch secret; a fresh random 32 bytes (hex) unless given (tests). */
  token?: string;
}

export interface PlanServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** The address to open once: the origin with the token, which the server trades for a cookie. */
  readonly openUrl: string;
  close(): Promise<void>;
}

/**
 * The browser transport: the contract over `POST /api/<method>` plus the built renderer, on
 * 127.0.0.1 only. Every request must name this server in its Host header (DNS rebinding), come
 * from its own origin when it says where it comes from (CSRF), and carry the session cookie that
 * the one-time `/?token=…` address sets. Refusals are 4xx with an ApiResponse-shaped body.
 */
export async function startPlanServer(options: PlanServerOptions): Promise<PlanServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let port = 0;

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
      if (!tokensEqual(presented, token)) {
        sendRefusal(res, 403, 'forbidden-sender', 'This address carries a wrong or expired token.');
        return;
      }
      // Trade the token for a cookie and take it out of the address bar (and the history).
      res.statusCode = 303;
      res.setHeader('Set-Cookie', sessionCookie(port, token));
      res.setHeader('Location', '/');
      res.setHeader('Cache-Control', 'no-store');
      res.end();
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
    if (!tokensEqual(cookie, token)) {
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

  let closing: Promise<void> | null = null;
  return {
    origin,
    port,
    openUrl: `${origin}/?token=${token}`,
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

function countHeader(req: IncomingMessage, name: string): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === name) count += 1;
  }
  return count;
}
