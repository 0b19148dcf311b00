import type { MethodArgs, MethodResult, ThroughlineApi, TransportApi } from '../../../shared/contract/api';
import { messageIn } from '../../../shared/contract/error-wording';
import { ApiError, type ApiResponse } from '../../../shared/contract/errors';
import { METHOD_NAMES, type MethodName } from '../../../shared/contract/methods';
import type { Language } from '../../../shared/model/language';
import { httpTransport } from './http-transport';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in the browser mode. */
    throughline?: TransportApi;
  }
}

/**
 * The renderer's only way to data: the contract, over whichever transport this window has.
 * Typed errors come back as ApiError with their code, the same from IPC and from HTTP.
 */
export function createApiClient(
  transport: TransportApi,
  /** The UI's language now: messages the renderer has in that language are shown in it. */
  language: () => Language = () => 'en',
): ThroughlineApi {
  const client: Partial<Record<MethodName, unknown>> = {};
  for (const method of METHOD_NAMES) {
    client[method] = async (args: MethodArgs<typeof method>) => {
      const call = transport[method] as (a: unknown) => Promise<ApiResponse<unknown>>;
      const response = await call(args);
      if (!response.ok) {
        const { code, message, issues, wording } = response.error;
        throw new ApiError(code, messageIn(message, wording, language()), issues);
      }
      return response.value as MethodResult<typeof method>;
    };
  }
  return client as ThroughlineApi;
}

/** The transport of this window: Electron's preload bridge, or the loopback server. */
export function defaultTransport(): TransportApi {
  return window.throughline ?? httpTransport(window.location.origin);
}
