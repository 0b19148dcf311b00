import { describe, expect, it, vi } from 'vitest';
import { APP_COMMAND_CHANNEL } from '../../shared/contract/app-commands';
import { channelOf, METHOD_NAMES } from '../../shared/contract/methods';

// A small fake of the electron module's renderer side: what the preload exposes, and ipcRenderer.
const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const ipcListeners = new Map<string, ((event: unknown, message: unknown) => void)[]>();
  const invoked: [string, unknown][] = [];
  return {
    exposed,
    ipcListeners,
    invoked,
    electron: {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => {
          if (exposed.has(key)) throw new Error(`${key} exposed twice`);
          exposed.set(key, value);
        },
      },
      ipcRenderer: {
        invoke: async (channel: string, args: unknown) => {
          invoked.push([channel, args]);
          return { ok: true, value: null };
        },
        on(channel: string, listener: (event: unknown, message: unknown) => void) {
          ipcListeners.set(channel, [...(ipcListeners.get(channel) ?? []), listener]);
          return this;
        },
      },
    },
  };
});
vi.mock('electron', () => fake.electron);
await import('../../electron/preload/index');

interface ShellLike {
  onAppCommand(listener: (message: unknown) => void): () => void;
}

describe('preload', () => {
  it('exposes the contract as window.throughline and the menu commands as window.throughlineShell', async () => {
    expect([...fake.exposed.keys()].sort()).toEqual(['throughline', 'throughlineShell']);
    const api = fake.exposed.get('throughline') as Record<string, (args: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    await api.listMaps?.({});
    expect(fake.invoked).toEqual([[channelOf('listMaps'), {}]]);

    const shell = fake.exposed.get('throughlineShell') as ShellLike;
    expect(Object.keys(shell)).toEqual(['onAppCommand']);
    const received: unknown[] = [];
    const stop = shell.onAppCommand((message) => received.push(message));
    for (const listener of fake.ipcListeners.get(APP_COMMAND_CHANNEL) ?? []) {
      listener({ sender: 'event' }, { command: 'fit-view' });
    }
    stop();
    for (const listener of fake.ipcListeners.get(APP_COMMAND_CHANNEL) ?? []) {
      listener({ sender: 'event' }, { command: 'zoom-in' });
    }
    expect(received).toEqual([{ command: 'fit-view' }]);
    // The preload listens on no other channel.
    expect([...fake.ipcListeners.keys()]).toEqual([APP_COMMAND_CHANNEL]);
  });
});
