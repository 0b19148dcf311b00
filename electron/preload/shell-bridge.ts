import type { IpcRenderer } from 'electron';
import type { APP_COMMAND_CHANNEL, ShellApi } from '../../shared/contract/app-commands';

/**
 * APP_COMMAND_CHANNEL, spelled out: importing the value would bundle the contract module and zod
 * with it into the sandboxed preload. The type annotation makes the compiler check they agree.
 */
export const SHELL_CHANNEL: typeof APP_COMMAND_CHANNEL = 'throughline:app-command';

/** Commands held for a listener that has not subscribed yet (e.g. a file given at launch). */
const MAX_PENDING = 16;

/**
 * `window.throughlineShell`: the native menu's commands, forwarded from APP_COMMAND_CHANNEL. Only the
 * message payload reaches the page, never the IPC event (it would hand the page `sender`, i.e. raw
 * ipcRenderer). The renderer validates each message against AppCommandMessageSchema; the preload
 * bundles no zod.
 *
 * The preload listens from the start, before the page's scripts run, and keeps what arrives while
 * nobody listens, handing it to the next subscriber: a command sent while the page is still
 * starting is not lost.
 */
export function createShellApi(ipc: Pick<IpcRenderer, 'on'>): ShellApi {
  const listeners = new Set<(message: unknown) => void>();
  const pending: unknown[] = [];

  ipc.on(SHELL_CHANNEL, (_event, message: unknown) => {
    if (listeners.size === 0) {
      if (pending.length < MAX_PENDING) pending.push(message);
      return;
    }
    for (const listener of [...listeners]) deliver(listener, message);
  });

  return Object.freeze({
    onAppCommand(listener: (message: unknown) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onAppCommand needs a function');
      // A wrapper per subscription, so subscribing one function twice gives two independent handles.
      const handle = (message: unknown) => listener(message);
      listeners.add(handle);
      if (pending.length > 0) {
        const held = pending.splice(0);
        queueMicrotask(() => {
          for (const message of held) {
            if (listeners.has(handle)) deliver(handle, message);
            else if (pending.length < MAX_PENDING) pending.push(message);
          }
        });
      }
      return () => {
        listeners.delete(handle);
      };
    },
  });
}

function deliver(listener: (message: unknown) => void, message: unknown): void {
  try {
    listener(message);
  } catch (error) {
    // One failing listener must not keep the command from the others.
    console.error('Throughline: an app command listener failed', error);
  }
}
