import type { TransportApi } from '../../../shared/contract/api';
import { ApiError, type ApiResponse } from '../../../shared/contract/errors';
import { METHOD_NAMES } from '../../../shared/contract/methods';

/**
 * Calls with a body under this many bytes are sent with keepalive, so they outlive the page: a call
 * made just before the window closes or reloads still arrives. Browsers cap the
 * keepalive bodies in flight at 64 kB in all, so larger calls go without it.
 */
export const KEEPALIVE_BODY_LIMIT = 16_000;

const encoder = new TextEncoder();

/**
 * The browser mode's transport: `POST /api/<method>` on the loopback server that served this page.
 * The session cookie (HttpOnly, SameSite=Strict) authenticates it; nothing is kept in script.
 */
export function httpTransport(origin: string): TransportApi {
  const api: Record<string, (args: unknown) => Promise<ApiResponse<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    api[method] = async (args: unknown) => {
      try {
        // Measured in bytes, as the browser counts them: a Chinese character takes three.
        const body = encoder.encode(JSON.stringify(args ?? {}));
        const keepalive = body.byteLength < KEEPALIVE_BODY_LIMIT;
        const response = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body,
          keepalive,
        });
        return (await response.json()) as ApiResponse<unknown>;
      } catch (error) {
        return {
          ok: false,
          error: ApiError.worded('storage-failed', 'server-silent', { detail: String(error) }).toShape(),
        };
      }
    };
  }
  return api as unknown as TransportApi;
}
