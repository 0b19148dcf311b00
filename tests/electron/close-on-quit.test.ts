import { describe, expect, it } from 'vitest';
import { closeOnQuit, type QuittingApp } from '../../electron/main/close-on-quit';

/** Electron's app as closeOnQuit uses it: `will-quit` listeners, and quit() raising it again. */
function fakeApp() {
  const listeners: ((event: { preventDefault(): void }) => void)[] = [];
  const log: string[] = [];
  const app: QuittingApp & { quitNow(): boolean } = {
    on: (_event, listener) => listeners.push(listener),
    quit: () => {
      log.push('quit');
      app.quitNow();
    },
    /** Raises will-quit; true when nobody held it (the app would exit). */
    quitNow: () => {
      let held = false;
      for (const listener of listeners) listener({ preventDefault: () => (held = true) });
      if (!held) log.push('exited');
      return !held;
    },
  };
  return { app, log };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('closing on quit (electron/main/close-on-quit.ts)', () => {
  it('holds the quit, closes the plan server, then the backend, then quits for real', async () => {
    const { app, log } = fakeApp();
    let finishServer = () => {};
    closeOnQuit(app, {
      server: () => ({
        close: () =>
          new Promise<void>((resolve) => {
            log.push('server closing');
            finishServer = () => {
              log.push('server closed');
              resolve();
            };
          }),
      }),
      closeBackend: () => log.push('backend closed'),
      onError: (error) => log.push(`error ${String(error)}`),
    });
    expect(app.quitNow()).toBe(false);
    // A second quit while closing is held too, and closes nothing twice.
    expect(app.quitNow()).toBe(false);
    await settle();
    expect(log).toEqual(['server closing']);
    finishServer();
    await settle();
    expect(log).toEqual(['server closing', 'server closed', 'backend closed', 'quit', 'exited']);
  });

  it('still closes the backend and quits when the server fails to close, or never started', async () => {
    for (const server of [() => ({ close: () => Promise.reject(new Error('stuck')) }), () => undefined]) {
      const { app, log } = fakeApp();
      closeOnQuit(app, {
        server,
        closeBackend: () => {
          log.push('backend closed');
          throw new Error('disk full');
        },
        onError: (error) => log.push(`error ${(error as Error).message}`),
      });
      app.quitNow();
      await settle();
      expect(log.filter((line) => line !== 'error stuck')).toEqual([
        'backend closed',
        'error disk full',
        'quit',
        'exited',
      ]);
    }
  });
});
