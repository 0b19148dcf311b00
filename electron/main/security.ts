import type { App, Session, WebContents } from 'electron';
import { DESKTOP_CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { trustedExternalUrl } from './trusted-url';

/** `shell.openExternal`, injected so the decisions below are tested without Electron. */
export type OpenExternal = (url: string) => Promise<void>;

/** What happens to a URL the page tries to navigate to or open in a new window. */
export type NavigationVerdict =
  | { action: 'allow' }
  | { action: 'deny' }
  | { action: 'open-externally'; url: string };

/**
 * The app's own page may be (re)loaded; a vetted https link goes to the system browser instead;
 * anything else is refused. Nothing remote ever loads inside the app's window.
 */
export function navigationVerdict(url: string, isAppUrl: (url: string) => boolean): NavigationVerdict {
  if (isAppUrl(url)) return { action: 'allow' };
  const external = trustedExternalUrl(url);
  return external ? { action: 'open-externally', url: external } : { action: 'deny' };
}

/**
 * Only the app's own files and in-memory data may be requested by a page, and its rooms: the
 * WebSocket address of the plan server main runs on loopback (`roomsUrl`, `ws://127.0.0.1:<port>/sync`),
 * exactly that origin and path. A page request carries the id of its web contents; Chromium's own
 * downloads (spell-check dictionaries) do not and are left alone.
 */
export function isAllowedRequest(url: string, fromPage: boolean, roomsUrl: string | null = null): boolean {
  if (!fromPage) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_PROTOCOLS.has(parsed.protocol)) return true;
  if (roomsUrl === null) return false;
  const rooms = new URL(roomsUrl);
  return (
    parsed.protocol === 'ws:' &&
    parsed.origin === rooms.origin &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.pathname.startsWith(`${rooms.pathname}/`)
  );
}

const LOCAL_PROTOCOLS = new Set(['file:', 'data:', 'blob:', 'devtools:']);

type Headers = Record<string, string | string[]>;

/** The response headers with our CSP as the only one: a policy already there (any case) is replaced. */
export function withContentSecurityPolicy(headers: Headers | undefined): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [DESKTOP_CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * Electron's security checklist, applied to every web contents the app ever creates: no
 * navigation, redirect or frame navigation away from the app, no new windows (vetted links open in
 * the system browser), no webviews.
 */
export function hardenApp(
  app: Pick<App, 'on'>,
  isAppUrl: (url: string) => boolean,
  openExternal: OpenExternal,
): void {
  const openOutside = (url: string) => {
    openExternal(url).catch((error: unknown) => console.error('Throughline: could not open a link', error));
  };
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      const verdict = navigationVerdict(url, isAppUrl);
      if (verdict.action === 'allow') return;
      event.preventDefault();
      if (verdict.action === 'open-externally') openOutside(verdict.url);
    });
    // A redirect is the server's choice, not the user's click: never followed out, never opened outside.
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    // Sub-frames too (will-navigate only sees the main frame); the app has no frames of its own.
    contents.on('will-frame-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const verdict = navigationVerdict(url, isAppUrl);
      if (verdict.action === 'open-externally') openOutside(verdict.url);
      return { action: 'deny' };
    });
  });
}

/**
 * Every permission denied (the app needs none), page requests kept local (and to the rooms at
 * `roomsUrl`, read at each request: the plan server starts after the session is hardened), and
 * the CSP on every response.
 */
export function hardenSession(session: Session, roomsUrl: () => string | null = () => null): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, details.webContentsId !== undefined, roomsUrl()) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
