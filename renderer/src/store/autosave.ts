import type { StoreApi } from 'zustand/vanilla';
import type { ThroughlineApi } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import type { MapState } from './map-store';

export interface Autosave {
  /** Saves whatever is pending now; resolves when the store has nothing unsaved or a save failed. */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Saves pending changes through the contract shortly after each edit (well inside the 500 ms the
 * product promises), one save at a time. A failed save keeps the edits in the store and retries.
 */
export function startAutosave(
  store: StoreApi<MapState>,
  api: Pick<ThroughlineApi, 'saveChanges'>,
  { delayMs = 250, retryMs = 2000 } = {},
): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  /** One save; false when it failed (the edits are back in the store and a retry is scheduled). */
  const saveOnce = async (): Promise<boolean> => {
    const changes = store.getState().takeChanges();
    if (!changes) {
      store.getState().saveSucceeded(store.getState().revision);
      return true;
    }
    store.getState().setSaving();
    try {
      const { revision } = await api.saveChanges(changes);
      store.getState().saveSucceeded(revision);
      return true;
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error);
      store.getState().saveFailed(changes, message);
      if (error instanceof ApiError && error.code === 'read-only') {
        // Another window holds the map: keep the edits and wait for this window to take over.
        store.getState().setReadOnly(true);
        return false;
      }
      if (!stopped) schedule(retryMs, true);
      return false;
    }
  };

  /** Saves until nothing is pending (or a save failed). */
  const drain = async (): Promise<void> => {
    while (store.getState().saveState === 'pending' && !stopped) {
      if (!(await saveOnce())) break;
    }
  };

  const run = (): Promise<void> => {
    if (running) return running;
    // Cleared in a `.finally` handler, which always runs after this assignment: a `finally` inside
    // the async body runs synchronously when there is nothing to save, before `running` is set,
    // and left a settled promise here that blocked every later save.
    const current = drain().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };

  function schedule(ms: number, retry = false) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (retry && store.getState().saveState === 'failed') store.setState({ saveState: 'pending' });
      void run();
    }, ms);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.saveState === 'pending' && previous.saveState !== 'pending') schedule(delayMs);
  });

  return {
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (running) await running;
      if (store.getState().saveState === 'pending' || store.getState().saveState === 'failed') {
        if (store.getState().saveState === 'failed') store.setState({ saveState: 'pending' });
        await run();
      }
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}
