import type { TransportApi } from '../../../shared/contract/api';
import { ApiError, type ApiResponse } from '../../../shared/contract/errors';
import { METHOD_NAMES } from '../../../shared/contract/methods';

/**
 * The browser mode's transport: `POST /api/<method>` on the loopback server that served this page.
 * The session cookie (HttpOnly, SameSite=Strict) authenticates it; nothing is kept in script.
 */
export function httpTransport(origin: string): TransportApi {
  const api: Record<string, (args: unknown) => Promise<ApiResponse<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    api[method] = async (args: unknown) => {
      try {
        const body = JSON.stringify(args ?? {});
        const response = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body,
          // Small calls outlive the page, so the last save and the map's release still arrive
          // when the window closes or reloads (browsers cap keepalive bodies at 64 kB in all).
          keepalive: body.length < 16_000,
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
