import { join } from 'node:path';
import { BrowserWindow } from 'electron';

/** The one main window. webPreferences are written literally so electronegativity can read them. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Throughline',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/** Where the built renderer and preload live, next to the built main process. */
export function builtPaths(mainDir: string) {
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    rendererIndex: join(mainDir, '../renderer/index.html'),
  };
}
