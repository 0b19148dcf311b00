import type { TransportApi } from '../../shared/contract/api';
import type { ApiResponse } from '../../shared/contract/errors';
import type { MethodName } from '../../shared/contract/methods';

type Invoke = (method: MethodName, args: unknown) => Promise<ApiResponse<unknown>>;

/**
 * One forwarding function per contract method and no other property. The main process answers
 * with an ApiResponse; the renderer's client unwraps it (renderer/src/api), as over HTTP.
 */
export function bridgeApi(methods: readonly MethodName[], invoke: Invoke): TransportApi {
  const api: Record<string, (args: unknown) => Promise<ApiResponse<unknown>>> = {};
  for (const method of methods) api[method] = (args: unknown) => invoke(method, args);
  return Object.freeze(api) as unknown as TransportApi;
}
