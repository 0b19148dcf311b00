import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ApiError, type ApiResponse } from '../../shared/contract/errors';
import { channelOf, METHOD_NAMES } from '../../shared/contract/methods';
import type { MethodRegistry } from '../backend/services/method-registry';

/** Decides whether an IPC message comes from the app's own renderer page. */
export type SenderCheck = (senderUrl: string | undefined) => boolean;

/**
 * Wires every contract method to one IPC channel. The sender is checked first, then the registry
 * validates the payload; a refused sender gets a typed error and nothing runs.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  registry: MethodRegistry,
  isTrusted: SenderCheck,
) {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(
      channelOf(method),
      (event: IpcMainInvokeEvent, payload: unknown): Promise<ApiResponse<unknown>> => {
        if (!isTrusted(event.senderFrame?.url)) {
          const refusal = new ApiError('forbidden-sender', 'This request did not come from Throughline.');
          return Promise.resolve({ ok: false, error: refusal.toShape() });
        }
        return registry.dispatch(method, payload);
      },
    );
  }
}

/** Trusts only the renderer's own entry page, compared as a parsed URL, never by prefix. */
export function rendererSenderCheck(rendererUrl: string): SenderCheck {
  const expected = new URL(rendererUrl);
  return (senderUrl) => {
    if (!senderUrl) return false;
    let actual: URL;
    try {
      actual = new URL(senderUrl);
    } catch {
      return false;
    }
    return (
      actual.protocol === expected.protocol &&
      actual.host === expected.host &&
      actual.pathname === expected.pathname
    );
  };
}
