import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { CLOSE_FLUSH_GLOBAL, parseCloseFlushResult } from '../../shared/contract/close-flush';
import type { MenuLanguage } from './menu-labels';

/** The part of a BrowserWindow this needs, so a test can hand in a small fake. */
export interface ClosingWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  readonly webContents: { executeJavaScript(code: string): Promise<unknown> };
}

/** Electron's dialog module, or a fake: asks over the window that is closing. */
export interface CloseDialog<W> {
  showMessageBox(window: W, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

/** Long enough for a large save on a slow disk; short enough that a hung page still closes. */
export const FLUSH_TIMEOUT_MS = 5_000;

const TEXT = {
  en: {
    message: 'Your last changes could not be saved.',
    keep: 'Keep the window open',
    close: 'Close and lose them',
    detail: (why: string) =>
      `${why}\n\nKeep the window open to let Throughline retry, or close it and lose these changes.`,
  },
  'zh-CN': {
    message: '最近的修改未能保存。',
    keep: '保持窗口打开',
    close: '关闭并放弃修改',
    detail: (why: string) =>
      `${why}\n\n保持窗口打开，Throughline 会继续重试保存；或者关闭窗口并放弃这些修改。`,
  },
} as const;

/**
 * Holds a closing window until its page has saved its pending edits: Electron would otherwise
 * tear the page down while a save it had just started was still on its way. The first `close`
 * is cancelled, the page's CLOSE_FLUSH_GLOBAL is awaited (at most FLUSH_TIMEOUT_MS, since a hung
 * or crashed page must not keep the window forever), then the window is closed for real. When the
 * page says its edits could not be saved (a full disk…), the user chooses: keep the window open,
 * where autosave keeps retrying, or close and lose them.
 */
export function flushBeforeClose<W extends ClosingWindow>(
  window: W,
  dialog: CloseDialog<W>,
  language: () => MenuLanguage,
  timeoutMs = FLUSH_TIMEOUT_MS,
): void {
  let mayClose = false;
  let flushing = false;

  window.on('close', (event) => {
    if (mayClose) return;
    event.preventDefault();
    if (flushing) return;
    flushing = true;
    void (async () => {
      try {
        const answer = await askPageToFlush(window, timeoutMs);
        if (answer && !answer.saved && !(await closeAnyway(window, dialog, language(), answer.error))) return;
        mayClose = true;
        if (!window.isDestroyed()) window.close();
      } finally {
        flushing = false;
      }
    })();
  });
}

/** The page's answer, or null when it has none to give (not loaded, crashed, hung, older page). */
async function askPageToFlush(window: ClosingWindow, timeoutMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const flushed = window.webContents
      .executeJavaScript(`globalThis.${CLOSE_FLUSH_GLOBAL}?.() ?? null`)
      .then(parseCloseFlushResult, () => null);
    return await Promise.race([flushed, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function closeAnyway<W extends ClosingWindow>(
  window: W,
  dialog: CloseDialog<W>,
  language: MenuLanguage,
  error: string | null,
): Promise<boolean> {
  const text = TEXT[language];
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    message: text.message,
    detail: text.detail(error ?? ''),
    buttons: [text.keep, text.close],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1;
}
