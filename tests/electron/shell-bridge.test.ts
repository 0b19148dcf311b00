import { describe, expect, it, vi } from 'vitest';
import { createShellApi, SHELL_CHANNEL } from '../../electron/preload/shell-bridge';
import { APP_COMMAND_CHANNEL } from '../../shared/contract/app-commands';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** A small fake of ipcRenderer: records listeners per channel and emits messages with an event object. */
function fakeIpcRenderer() {
  const listeners = new Map<string, IpcListener[]>();
  const event = { sender: { send: () => 'raw ipcRenderer must not leak' }, senderId: 0 };
  return {
    listeners,
    event,
    on(channel: string, listener: IpcListener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return this;
    },
    emit(channel: string, message: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener(event, message);
    },
  };
}
const shellOver = (ipc: ReturnType<typeof fakeIpcRenderer>) =>
  createShellApi(ipc as unknown as Parameters<typeof createShellApi>[0]);

describe('shell bridge (window.throughlineShell)', () => {
  it("listens on the contract's app-command channel", () => {
    expect(SHELL_CHANNEL).toBe(APP_COMMAND_CHANNEL);
    const ipc = fakeIpcRenderer();
    shellOver(ipc);
    expect([...ipc.listeners.keys()]).toEqual([APP_COMMAND_CHANNEL]);
  });

  it('exposes only onAppCommand, frozen', () => {
    const shell = shellOver(fakeIpcRenderer());
    expect(Object.keys(shell)).toEqual(['onAppCommand']);
    expect(Object.isFrozen(shell)).toBe(true);
  });

  it('forwards only the message payload, never the IPC event', () => {
    const ipc = fakeIpcRenderer();
    const shell = shellOver(ipc);
    const calls: unknown[][] = [];
    shell.onAppCommand((...args: unknown[]) => calls.push(args));
    ipc.emit(APP_COMMAND_CHANNEL, { command: 'open-recent', path: '/a.throughline' });
    ipc.emit('throughline:something-else', { command: 'undo' });
    expect(calls).toEqual([[{ command: 'open-recent', path: '/a.throughline' }]]);
    expect(JSON.stringify(calls)).not.toContain('leak');
  });

  it('stops calling a listener once unsubscribed, and keeps the others', () => {
    const ipc = fakeIpcRenderer();
    const shell = shellOver(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = shell.onAppCommand(first);
    shell.onAppCommand(second);
    ipc.emit(APP_COMMAND_CHANNEL, { command: 'undo' });
    stopFirst();
    stopFirst(); // twice is harmless
    ipc.emit(APP_COMMAND_CHANNEL, { command: 'redo' });
    expect(first.mock.calls).toEqual([[{ command: 'undo' }]]);
    expect(second.mock.calls).toEqual([[{ command: 'undo' }], [{ command: 'redo' }]]);
  });

  it('keeps commands that arrive before anyone listens and hands them to the first subscriber', async () => {
    const ipc = fakeIpcRenderer();
    const shell = shellOver(ipc);
    ipc.emit(APP_COMMAND_CHANNEL, { command: 'open-recent', path: '/launch.throughline' });
    const listener = vi.fn();
    shell.onAppCommand(listener);
    expect(listener).not.toHaveBeenCalled(); // not from inside onAppCommand itself
    await Promise.resolve();
    expect(listener.mock.calls).toEqual([[{ command: 'open-recent', path: '/launch.throughline' }]]);
    const later = vi.fn();
    shell.onAppCommand(later);
    await Promise.resolve();
    expect(later).not.toHaveBeenCalled(); // delivered once only
  });

  it('holds a bounded number of early commands', async () => {
    const ipc = fakeIpcRenderer();
    const shell = shellOver(ipc);
    for (let i = 0; i < 100; i++) ipc.emit(APP_COMMAND_CHANNEL, { command: 'zoom-in' });
    const listener = vi.fn();
    shell.onAppCommand(listener);
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(16);
  });

  it('a throwing listener does not keep the command from the others', () => {
    const ipc = fakeIpcRenderer();
    const shell = shellOver(ipc);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    shell.onAppCommand(() => {
      throw new Error('boom');
    });
    shell.onAppCommand(after);
    ipc.emit(APP_COMMAND_CHANNEL, { command: 'copy' });
    expect(after).toHaveBeenCalledWith({ command: 'copy' });
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('refuses a listener that is not a function', () => {
    const shell = shellOver(fakeIpcRenderer());
    expect(() => shell.onAppCommand('nope' as unknown as () => void)).toThrow(TypeError);
  });
});
