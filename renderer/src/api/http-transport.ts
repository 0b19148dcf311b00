import type { TransportApi } from '../../../shared/contract/api';
import type { ApiResponse } from '../../../shared/contract/errors';
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
        const response = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(args ?? {}),
        });
        return (await response.json()) as ApiResponse<unknown>;
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'storage-failed',
            message: `Throughline's server did not answer (${String(error)}).`,
          },
        };
      }
    };
  }
  return api as unknown as TransportApi;
}
