import { CLOSE_FLUSH_GLOBAL, type CloseFlushResult } from '../../../shared/contract/close-flush';

/** What the guard needs of the window's rooms (map-rooms.ts). */
export interface UnconfirmedChanges {
  /** Changes made here that the room has not confirmed stored. */
  readonly waiting: number;
  /** Resolves true once all are confirmed, false after `timeoutMs`. */
  flush(timeoutMs?: number): Promise<boolean>;
}

export interface LeaveGuardOptions {
  rooms: UnconfirmedChanges;
  /** The window whose leaving is guarded; the page's own by default. */
  target?: Window;
  /**
   * True in the browser mode: leaving with changes the room has not confirmed (offline, or still
   * on their way) asks the browser's "Leave site?" first, since they live only in this page. The
   * desktop app asks in its own close handler instead (CLOSE_FLUSH_GLOBAL), because a cancelled
   * `beforeunload` there silently keeps the window open.
   */
  askBeforeLosingEdits?: boolean;
  /** Words for the desktop's close question when changes could not be confirmed. */
  unconfirmedMessage: (count: number) => string;
}

/** How long the desktop's close waits for the room to confirm the last changes. */
const CLOSE_WAIT_MS = 3000;

/**
 * Keeps a window from dropping changes the room has not confirmed: the browser's leave question
 * while any wait, and in the desktop app the global the main process awaits before it closes the
 * window (electron/main/flush-before-close.ts), which waits a moment for the room and says what is
 * still missing. Returns a function that removes it all.
 */
export function installLeaveGuard({
  rooms,
  target = window,
  askBeforeLosingEdits = false,
  unconfirmedMessage,
}: LeaveGuardOptions): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!askBeforeLosingEdits || rooms.waiting === 0) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = '';
  };
  const flushBeforeClose = async (): Promise<CloseFlushResult> => {
    const all = await rooms.flush(CLOSE_WAIT_MS);
    return { saved: all, error: all ? null : unconfirmedMessage(rooms.waiting) };
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  Object.defineProperty(target, CLOSE_FLUSH_GLOBAL, {
    value: flushBeforeClose,
    configurable: true,
    writable: false,
  });
  return () => {
    target.removeEventListener('beforeunload', onBeforeUnload);
    Reflect.deleteProperty(target, CLOSE_FLUSH_GLOBAL);
  };
}
