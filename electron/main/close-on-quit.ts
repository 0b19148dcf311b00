/** The part of Electron's app this needs, so a test can hand in a small fake. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface QuitSteps {
  /** The plan server, if it started: closed first (its rooms store what they hold in the document). */
  server(): { close(): Promise<void> } | undefined;
  /** Closes the open document (the WAL folded back): after the server, never before. */
  closeBackend(): void;
  /** Told what failed on the way; the quit goes on. */
  onError(error: unknown): void;
}

/**
 * Closes the plan server, then the backend, when the app quits. Electron's `will-quit` waits for
 * nothing, and the server's close is asynchronous (its rooms end, then its connections), so the
 * first `will-quit` is held, the two are closed in order, and the quit is asked for again; that
 * second one goes through.
 */
export function closeOnQuit(app: QuittingApp, steps: QuitSteps): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void (async () => {
      try {
        await steps.server()?.close();
      } catch (error) {
        steps.onError(error);
      }
      try {
        steps.closeBackend();
      } catch (error) {
        steps.onError(error);
      }
      state = 'closed';
      app.quit();
    })();
  });
}
