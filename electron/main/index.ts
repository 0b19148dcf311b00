// The desktop shell: lifecycle, the one window, IPC wiring. Everything that is not an Electron
// adapter lives in services/ and storage/, which run (and are tested) under plain Node.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, screen, session, shell } from 'electron';
import { APP_COMMAND_CHANNEL, type AppCommandMessage } from '../../shared/contract/app-commands';
import { messageIn } from '../../shared/contract/error-wording';
import { ApiError } from '../../shared/contract/errors';
import { channelOf } from '../../shared/contract/methods';
import { startDocumentServer } from '../backend/server/document-server';
import type { PlanServer } from '../backend/server/http-server';
import { SHARE_MEMORY_FILE, shareMemoryFile } from '../backend/server/share-memory';
import { openPlanBackend, type PlanBackend } from '../backend/services/plan-backend';
import { defaultLibraryPath } from '../backend/storage/library';
import { closeOnQuit } from './close-on-quit';
import { documentDialogs } from './dialogs';
import { flushBeforeClose } from './flush-before-close';
import { registerIpc, rendererSenderCheck } from './ipc';
import { documentPathFromArgv } from './launch-args';
import { afterHandled, installMenu, RECENT_CHANGING_METHODS } from './menu';
import { type MenuLanguage, menuLanguageFromLocale } from './menu-labels';
import { electronPdfPrinter, printPageBeside } from './print-pdf';
import { hardenApp, hardenSession } from './security';
import { builtPaths, createMainWindow } from './window';
import { initialWindowState, readWindowState, trackWindowState, windowStateFile } from './window-state';

const paths = builtPaths(dirname(fileURLToPath(import.meta.url)));
const rendererUrl = pathToFileURL(paths.rendererIndex).toString();
// The print view (a hidden window making a PDF) reads the map through the contract too.
const printPaths = { preload: paths.preload, printPage: printPageBeside(paths.rendererIndex) };
const isAppPage = rendererSenderCheck(rendererUrl);
const isPrintPage = rendererSenderCheck(pathToFileURL(printPaths.printPage).toString());
const isAppUrl = (url: string | undefined) => isAppPage(url) || isPrintPage(url);
let backend: PlanBackend | undefined;
// The window's live rooms: the plan server on 127.0.0.1, which the file:// page joins with the
// launch's host key (roomAccess over IPC says where and with what), and which File ▸ Share with
// the room… shares on the LAN.
let planServer: PlanServer | undefined;
let mainWindow: BrowserWindow | undefined;
// Until the renderer tells main the user's choice, the menu follows the system's language.
let menuLanguage: MenuLanguage = 'en';
// A document named at launch (argv; on macOS an `open-file` before ready) is opened before the page loads.
let launchDocument = documentPathFromArgv(process.argv, process.cwd());

function refreshMenu(): void {
  installMenu({
    platform: process.platform,
    language: menuLanguage,
    recent: backend?.documents.recent.list() ?? [],
  });
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Opens the launch document in main, so the page starts on it; a refused file keeps the library open. */
function openAtLaunch(path: string): void {
  try {
    backend?.documents.open(path);
  } catch (error) {
    dialog.showErrorBox('Throughline', (error as Error).message);
  }
}

/**
 * A document given while the app runs (a second launch, or Finder's `open-file`): the renderer does
 * the switch, after saving pending edits, through `openRecentDocument`, which opens only listed
 * paths. The user named this file to the system, so main lists it first.
 */
function openFromShell(path: string): void {
  if (!backend || !existsSync(path)) return;
  backend.documents.recent.remember(path);
  refreshMenu();
  const window = mainWindow;
  if (!window || window.isDestroyed()) return;
  focusMainWindow();
  const message: AppCommandMessage = { command: 'open-recent', path };
  const send = () => window.webContents.send(APP_COMMAND_CHANNEL, message);
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
  else send();
}

/** The displays' work areas, the primary display's first (a lost window is centred there). */
function workAreas() {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // One instance: a second launch focuses this window and opens the file it was given.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    const path = documentPathFromArgv(argv, workingDirectory);
    if (path) openFromShell(path);
  });
  // macOS: a document double-clicked in Finder or dropped on the Dock icon (may come before ready).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (mainWindow) openFromShell(path);
    else launchDocument = path;
  });
  hardenApp(
    app,
    (url) => isAppUrl(url),
    // hardenApp passes only what trustedExternalUrl returned: https, exact host, no user-info, default port.
    (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK -- only URLs vetted by trusted-url.ts
  );
  app.whenReady().then(async () => {
    hardenSession(session.defaultSession, () => planServer?.roomsUrl ?? null);
    const userData = app.getPath('userData');
    backend = openPlanBackend({
      libraryPath: defaultLibraryPath(userData),
      stateDir: userData,
      dialogs: documentDialogs(() => BrowserWindow.getFocusedWindow()),
      pdfPrinter: () => electronPdfPrinter(printPaths),
      onUiLanguage: (language) => {
        menuLanguage = language;
        refreshMenu();
      },
      rooms: () => planServer ?? null,
    });
    try {
      planServer = await startDocumentServer(backend, {
        rendererDir: dirname(paths.rendererIndex),
        hostKey: true,
        shareMemory: shareMemoryFile(join(userData, SHARE_MEMORY_FILE)),
      });
      // A share the app left running when it stopped unexpectedly comes back, same keys and
      // address, so the room's participants reconnect by themselves; none otherwise.
      void planServer.sharing.resume().catch(() => null);
    } catch (error) {
      // Without its rooms the window cannot edit a map: say why (the menu's language is not known
      // yet, so in both) rather than open a window that cannot.
      const detail = (error as Error).message;
      dialog.showErrorBox(
        'Throughline',
        `Throughline's room server could not start: ${detail}\n无法启动 Throughline 的会场服务器：${detail}`,
      );
      app.quit();
      return;
    }
    registerIpc(
      afterHandled(ipcMain, RECENT_CHANGING_METHODS.map(channelOf), refreshMenu),
      backend.registry,
      isAppUrl,
    );
    if (launchDocument) openAtLaunch(launchDocument);
    menuLanguage = menuLanguageFromLocale(app.getLocale());
    refreshMenu();
    const stateFile = windowStateFile(userData);
    const window = createMainWindow(
      paths.preload,
      initialWindowState(readWindowState(stateFile), workAreas()),
    );
    trackWindowState(window, stateFile);
    // Closing waits for the page's last save (and asks if the disk refused it).
    flushBeforeClose(window, dialog, () => menuLanguage);
    mainWindow = window;
    void window.loadFile(paths.rendererIndex);
  });
  app.on('window-all-closed', () => app.quit());
  // On quit the plan server closes first (its rooms store what they hold), then the database, so
  // the WAL folds back into the file.
  closeOnQuit(app, {
    server: () => planServer,
    closeBackend: () => backend?.close(),
    // A close that cannot fold the WAL back (a full disk, a file made read-only) is worded by the
    // storage layer; say it in the menu's language instead of letting the quit crash silently.
    onError: (error) => {
      const message =
        error instanceof ApiError ? messageIn(error.message, error.wording, menuLanguage) : String(error);
      dialog.showErrorBox('Throughline', message);
    },
  });
}
