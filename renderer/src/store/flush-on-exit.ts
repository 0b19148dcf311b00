import type { StoreApi } from 'zustand/vanilla';
import { CLOSE_FLUSH_GLOBAL, type CloseFlushResult } from '../../../shared/contract/close-flush';
import type { Autosave } from './autosave';
import type { MapState } from './map-store';
import { pendingCount } from './pending-changes';

export interface FlushOnExitOptions {
  store: StoreApi<MapState>;
  autosave: Pick<Autosave, 'flush'>;
  /** The window whose leaving triggers the save; the page's own window by default. */
  target?: Window;
  /**
   * True in the browser mode: leaving with a save that failed (a full disk…), or with edits that
   * cannot go out before the page is gone, asks the browser's "Leave site?" question, since
   * leaving would drop those edits; while the question is open the save completes. The desktop app asks in its own
   * close handler instead, because a cancelled `beforeunload` there silently keeps the window open.
   */
  askBeforeLosingEdits?: boolean;
  /**
   * Whether leaving now would drop a call still in flight: the browser transport sends a large
   * save without keepalive (hasCallsLostOnLeave). Asked only with askBeforeLosingEdits.
   */
  callsLostOnLeave?: () => boolean;
}

/**
 * Saves pending edits the moment the page may go away, instead of after autosave's 250 ms:
 * `beforeunload` (a close or reload, so the save goes out before the window's session ends; the
 * server keeps an ended window's late save to a map it held anyway, while no other window holds it),
 * `pagehide` (bfcache, mobile) and the page turning hidden (a closed lid, a
 * minimised window, another tab). The browser transport sends small calls with keepalive, so a
 * save started here still arrives after the page is gone. In the desktop app the main process
 * also waits for the promise of `window[CLOSE_FLUSH_GLOBAL]` before it closes the window.
 * Returns a function that removes it all.
 */
export function installFlushOnExit({
  store,
  autosave,
  target = window,
  askBeforeLosingEdits = false,
  callsLostOnLeave = () => false,
}: FlushOnExitOptions): () => void {
  const doc = target.document;
  const flushNow = () => void autosave.flush().catch(() => {});

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    // Read before flushing: the flush turns a failed state into 'saving' at once.
    const { saveState, readOnly } = store.getState();
    flushNow();
    // A read-only window's edits wait for a takeover that leaving gives up anyway.
    if (!askBeforeLosingEdits || readOnly) return;
    if (saveState === 'failed' || editsWouldBeLost()) {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    }
  };
  /**
   * After the flush has started: edits still pending wait behind a save in flight, and go out
   * only once it answers, which a page that is gone never hears; a save in flight without
   * keepalive dies with the page. Either way, staying a moment longer saves them.
   */
  const editsWouldBeLost = (): boolean => {
    const { pending, saveState } = store.getState();
    return pendingCount(pending) > 0 || (saveState === 'saving' && callsLostOnLeave());
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') flushNow();
  };

  const flushBeforeClose = async (): Promise<CloseFlushResult> => {
    await autosave.flush();
    const { saveState, saveError } = store.getState();
    return { saved: saveState === 'saved', error: saveState === 'saved' ? null : saveError };
  };

  target.addEventListener('beforeunload', onBeforeUnload);
  target.addEventListener('pagehide', flushNow);
  doc.addEventListener('visibilitychange', onVisibility);
  Object.defineProperty(target, CLOSE_FLUSH_GLOBAL, {
    value: flushBeforeClose,
    configurable: true,
    writable: false,
  });

  return () => {
    target.removeEventListener('beforeunload', onBeforeUnload);
    target.removeEventListener('pagehide', flushNow);
    doc.removeEventListener('visibilitychange', onVisibility);
    Reflect.deleteProperty(target, CLOSE_FLUSH_GLOBAL);
  };
}
