import type { IncomingMessage } from 'node:http';
import { ROOM_KEY_PARAM } from '../../../shared/room/protocol';
import type { Admission } from '../room/room-server';
import { isAllowedOrigin, parseCookies, sessionCookieName, tokensEqual } from './request-guards';
import type { SessionGrant, SessionStore } from './session-store';
import { accessOfKey, type ShareKeys } from './share-keys';

/**
 * One address the plan server listens on: the loopback one (the host's own windows) or, while the
 * rooms are shared, the LAN one. Each answers only to its own Host names and Origin, and keeps its
 * own session cookies.
 */
export interface Listener {
  /** The Host header values it answers to, lowercase (`127.0.0.1:5173`, `192.168.1.20:8080`). */
  readonly authorities: readonly string[];
  readonly scheme: 'http' | 'https';
  readonly port: number;
  readonly sessions: SessionStore;
  /** The share whose keys this listener trades for sessions (`/?join=`); null on loopback. */
  readonly share: ShareKeys | null;
}

/** The Host names of the loopback listener (anything else may be DNS rebinding). */
export const loopbackAuthorities = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

/** `host:port`, IPv6 literals in brackets, as a Host header names it. */
export function authorityOf(host: string, port: number): string {
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  return (bare.includes(':') ? `[${bare}]:${port}` : `${bare}:${port}`).toLowerCase();
}

export type SenderCheck = { ok: true } | { ok: false; status: 403; message: string };

const NOT_THIS_ADDRESS = {
  ok: false,
  status: 403,
  message: 'This server answers only to its own address.',
} as const;

/** Whether a request names this listener in its Host header: one header, one of its names. */
function namesListener(listener: Listener, req: IncomingMessage): boolean {
  const host = req.headers.host;
  return (
    typeof host === 'string' &&
    listener.authorities.includes(host.toLowerCase()) &&
    countHeader(req, 'host') <= 1
  );
}

/**
 * Whether a request names this listener in its Host header (one header, one of its names) and,
 * when it says where it comes from, comes from this listener's own origin.
 */
export function checkSender(listener: Listener, req: IncomingMessage): SenderCheck {
  const host = req.headers.host;
  if (typeof host !== 'string' || !namesListener(listener, req)) return NOT_THIS_ADDRESS;
  if (!isAllowedOrigin(req.headers.origin, host, listener.scheme)) {
    return { ok: false, status: 403, message: 'Requests from other origins are refused.' };
  }
  return { ok: true };
}

/** The session a request's cookie names on this listener, or null. */
export function sessionOf(listener: Listener, req: IncomingMessage): SessionGrant | null {
  return listener.sessions.find(parseCookies(req.headers.cookie).get(sessionCookieName(listener.port)));
}

/** Whether a request carries a session cookie of this listener's name (valid or not). */
export function hasSessionCookie(listener: Listener, req: IncomingMessage): boolean {
  return parseCookies(req.headers.cookie).has(sessionCookieName(listener.port));
}

/** What the desktop window's WebSocket says it comes from: its file:// page, or nothing. */
const DESKTOP_ORIGIN = 'file://';

/**
 * Who may join a room through this listener: the desktop window by the launch's host key (see
 * admitHostKey), then Host and Origin as for any request, then the session cookie (the host's
 * window is an editor; a participant has its share's access), else a current share key in the
 * `key` parameter. Admissions from a share carry its id, so stopping the share closes them.
 */
export function admitToRoom(
  listener: Listener,
  req: IncomingMessage,
  query: URLSearchParams,
  currentShare: ShareKeys | null,
  hostKey: string | null = null,
): Admission {
  const desktop = admitHostKey(listener, req, query, hostKey);
  if (desktop) return desktop;
  const sender = checkSender(listener, req);
  if (!sender.ok) return sender;
  const session = sessionOf(listener, req);
  if (session?.role === 'host') return { ok: true, access: 'edit', host: true };
  if (session) return { ok: true, access: session.role, grant: session.shareId };
  const access = accessOfKey(currentShare, query.get(ROOM_KEY_PARAM));
  if (access && currentShare) return { ok: true, access, grant: currentShare.id };
  return { ok: false, status: 401, message: 'A valid room key or session is needed to join this room.' };
}

/**
 * The desktop window's way in: its page is a file:// one, so its WebSocket says `Origin: file://`
 * (or nothing) and carries no cookie; it presents the host key the plan server made at launch,
 * compared in constant time, and joins as the host's editor. On the loopback listener only, and
 * to its own Host names: a shared listener never takes the host key. Null when the request is not
 * the desktop's (another origin, or no origin and not the host key): it is then judged as any
 * other, so a share key from a Node client on this machine still works.
 */
export function admitHostKey(
  listener: Listener,
  req: IncomingMessage,
  query: URLSearchParams,
  hostKey: string | null,
): Admission | null {
  if (hostKey === null || listener.share !== null) return null;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== DESKTOP_ORIGIN) return null;
  const matches = tokensEqual(query.get(ROOM_KEY_PARAM), hostKey);
  if (origin === undefined && !matches) return null;
  if (!namesListener(listener, req)) return NOT_THIS_ADDRESS;
  if (!matches) return { ok: false, status: 401, message: 'A valid room key is needed to join this room.' };
  return { ok: true, access: 'edit' };
}

function countHeader(req: IncomingMessage, name: string): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === name) count += 1;
  }
  return count;
}
