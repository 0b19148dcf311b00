import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { HARDENED_WEB_PREFERENCES } from './web-preferences';
import { DEFAULT_WINDOW_SIZE, type InitialWindowState, MIN_WINDOW_SIZE } from './window-state';

/**
 * The one main window, where it was last (see window-state.ts), hardened with
 * HARDENED_WEB_PREFERENCES (web-preferences.ts) plus the preload and spellcheck.
 */
export function createMainWindow(
  preloadPath: string,
  initial: InitialWindowState = { ...DEFAULT_WINDOW_SIZE, maximized: false },
): BrowserWindow {
  const window = new BrowserWindow({
    // No position (undefined) centres the window; a plain property, no spread, for electronegativity.
    x: initial.x,
    y: initial.y,
    width: initial.width,
    height: initial.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Throughline',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK -- sandboxed, exposes only the contract's methods (tests/electron/preload.test.ts)
      ...HARDENED_WEB_PREFERENCES,
      // Restated for electronegativity, which cannot read the spread (web-preferences.ts).
      contextIsolation: true,
      sandbox: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => {
    if (initial.maximized) window.maximize();
    window.show();
  });
  return window;
}

/** Where the built renderer and preload live, next to the built main process. */
export function builtPaths(mainDir: string) {
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    rendererIndex: join(mainDir, '../renderer/index.html'),
  };
}
