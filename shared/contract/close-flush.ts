/**
 * The desktop app's last save before its window closes. Electron closes a window without waiting
 * for a save the page has only started, so the main process first runs this global in the page
 * (webContents.executeJavaScript), waits for the promise, and only then closes the window.
 * renderer/src/room/leave-guard.ts defines it; electron/main/flush-before-close.ts calls it.
 */
export const CLOSE_FLUSH_GLOBAL = 'throughlineFlushBeforeClose';

/** What the page answers: whether everything is saved, and if not, why (the save error shown). */
export interface CloseFlushResult {
  saved: boolean;
  error: string | null;
}

/** Reads the page's answer without trusting its shape; anything else counts as "nothing to report". */
export function parseCloseFlushResult(value: unknown): CloseFlushResult | null {
  if (value === null || typeof value !== 'object') return null;
  const { saved, error } = value as Record<string, unknown>;
  if (typeof saved !== 'boolean') return null;
  return { saved, error: typeof error === 'string' ? error.slice(0, 500) : null };
}
