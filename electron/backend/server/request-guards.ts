import { createHash, timingSafeEqual } from 'node:crypto';
import { extname, resolve, sep } from 'node:path';

/**
 * The checks the loopback server makes before it answers anything, as pure functions so each one
 * is tested directly. They decide; http-server.ts only turns a refusal into a response.
 */

/** Largest API request body accepted (a 50 MB JSON import plus its JSON-string escaping). */
export const MAX_BODY_BYTES = 60 * 1024 * 1024;

/**
 * Name of the session cookie. Cookies are not scoped by port, so two servers on the same machine
 * (two `throughline serve`, or a test run beside the app) would overwrite each other's cookie in a
 * shared browser profile if they used one name; the port keeps them apart.
 */
export function sessionCookieName(port: number): string {
  return `throughline_session_${port}`;
}

/** The Set-Cookie value that keeps the session token in the browser, out of reach of scripts. */
export function sessionCookie(port: number, token: string, secure = false): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
}

/**
 * Whether a Host header names this server exactly: 127.0.0.1 or localhost with its own port.
 * Anything else (another name that resolves to 127.0.0.1 by DNS rebinding, a missing port, a
 * missing header) is refused.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (typeof host !== 'string') return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
}

/**
 * Whether an Origin header (when the browser sends one) is this server's own origin, as reached
 * through the (already checked) Host header. A missing Origin is fine: browsers leave it out of
 * same-origin GET navigations. `null` (sandboxed frames, file: pages) is refused.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string,
  scheme: 'http' | 'https' = 'http',
): boolean {
  if (origin === undefined) return true;
  return origin.toLowerCase() === `${scheme}://${host.toLowerCase()}`;
}

/**
 * Whether the browser's own statement of where a request comes from (Sec-Fetch-Site) allows an
 * API call: absent (non-browser clients, older browsers) or same-origin only.
 */
export function isSameOriginFetch(secFetchSite: string | undefined): boolean {
  return secFetchSite === undefined || secFetchSite === 'same-origin';
}

/** Cookies of a Cookie header by name; the first of duplicate names wins. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name !== '' && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** Compares a presented token with the real one in constant time (lengths do not leak either). */
export function tokensEqual(presented: string | undefined | null, expected: string): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Whether a Content-Type header is JSON (parameters such as charset allowed). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (typeof contentType !== 'string') return false;
  const media = contentType.split(';')[0]?.trim().toLowerCase();
  return media === 'application/json';
}

/** Splits a request target into its raw path and query; null when it is not an origin-form path. */
export function splitTarget(target: string | undefined): { path: string; query: string } | null {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return null;
  const q = target.indexOf('?');
  const hashless = (s: string) => {
    const h = s.indexOf('#');
    return h === -1 ? s : s.slice(0, h);
  };
  if (q === -1) return { path: hashless(target), query: '' };
  return { path: target.slice(0, q), query: hashless(target.slice(q + 1)) };
}

/** The contract method named by an API path (`/api/<method>`), or null when the path is not one. */
export function apiMethodOf(path: string): string | null {
  const match = /^\/api\/([A-Za-z][A-Za-z0-9]{0,63})$/.exec(path);
  return match?.[1] ?? null;
}

export type StaticPath =
  | { ok: true; file: string; relative: string; hasExtension: boolean }
  | { ok: false; status: 400 | 403; reason: string };

/**
 * Maps a raw URL path to a file inside `root`, refusing everything that could reach outside it:
 * `..` and `.` segments (plain or percent-encoded), backslashes, NUL, drive letters and other
 * colons, hidden (dot) files, malformed escapes. The result is resolved and checked to lie under
 * `root` as a last line of defence.
 */
export function resolveStaticPath(root: string, rawPath: string): StaticPath {
  if (!rawPath.startsWith('/') || rawPath.startsWith('//')) {
    return { ok: false, status: 400, reason: 'the path is not a plain path' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'the path is not correctly encoded' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'the path contains NUL' };
  if (decoded.includes('\\') || decoded.includes(':') || decoded.startsWith('//')) {
    return { ok: false, status: 403, reason: 'the path is outside the app' };
  }
  const segments = decoded.split('/').slice(1);
  for (const segment of segments) {
    if (segment === '..' || segment === '.' || segment.startsWith('.')) {
      return { ok: false, status: 403, reason: 'the path is outside the app' };
    }
  }
  const base = resolve(root);
  const file = resolve(base, `.${decoded}`);
  if (file !== base && !file.startsWith(base + sep)) {
    return { ok: false, status: 403, reason: 'the path is outside the app' };
  }
  const last = segments[segments.length - 1] ?? '';
  return { ok: true, file, relative: decoded, hasExtension: extname(last) !== '' };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type of a served file, by extension; unknown types are sent as opaque bytes. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
