/**
 * The Content-Security-Policy of the app, the same in the desktop window and in the browser mode
 * (the loopback server sends it on every response). Only the app's own files run; nothing remote
 * is loaded. React Flow positions nodes with inline styles, hence 'unsafe-inline' for styles only;
 * the app starts no worker (the lane layout runs on the page), so none may be started; images and
 * fonts may be data: or blob: URLs (exports, bundled fonts).
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * Where the desktop window's rooms are: the plan server main runs on loopback, on a port chosen
 * at launch. Its file:// page has no 'self' to reach it by.
 */
export const DESKTOP_ROOMS_SOURCE = 'ws://127.0.0.1:*';

const DESKTOP_DIRECTIVES = DIRECTIVES.map((directive) =>
  directive.startsWith('connect-src ') ? `${directive} ${DESKTOP_ROOMS_SOURCE}` : directive,
);

/**
 * The policy the desktop app's session puts on responses (electron/main/security.ts): the app's,
 * with its rooms on loopback.
 */
export const DESKTOP_CONTENT_SECURITY_POLICY = DESKTOP_DIRECTIVES.join('; ');

/**
 * The same policy for a `<meta http-equiv>` tag in the built HTML: the desktop window loads
 * file:// pages, where a response header may never be seen, so the pages carry the policy too.
 * `frame-ancestors` is left out because browsers ignore it in a meta tag (the header keeps it).
 * connect-src adds the desktop's rooms (DESKTOP_ROOMS_SOURCE). In the browser mode the header and
 * the meta tag are both enforced, and a connection must pass both, so the header's 'self' still
 * limits the page to its own server there.
 */
export function cspMetaContent(): string {
  return DESKTOP_DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
}
