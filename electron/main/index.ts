// The desktop shell: lifecycle, the one window, IPC wiring. Everything that is not an Electron
// adapter lives in services/ and storage/, which run (and are tested) under plain Node.
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { documentDialogs } from './dialogs';
import { registerIpc, rendererSenderCheck } from './ipc';
import { hardenApp, hardenSession } from './security';
import { openPlanBackend, type PlanBackend } from './services/plan-backend';
import { defaultLibraryPath } from './storage/library';
import { builtPaths, createMainWindow } from './window';

const paths = builtPaths(dirname(fileURLToPath(import.meta.url)));
const rendererUrl = pathToFileURL(paths.rendererIndex).toString();
const isAppUrl = rendererSenderCheck(rendererUrl);
let backend: PlanBackend | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  hardenApp(app, (url) => isAppUrl(url));
  app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    const userData = app.getPath('userData');
    backend = openPlanBackend({
      libraryPath: defaultLibraryPath(userData),
      stateDir: userData,
      dialogs: documentDialogs(() => BrowserWindow.getFocusedWindow()),
    });
    registerIpc(ipcMain, backend.registry, isAppUrl);
    const window = createMainWindow(paths.preload);
    void window.loadFile(paths.rendererIndex);
  });
  app.on('window-all-closed', () => app.quit());
  // Close the database on quit so the WAL folds back into the file.
  app.on('will-quit', () => backend?.close());
}
