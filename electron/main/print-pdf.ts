import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, type WebContents } from 'electron';
import { ApiError } from '../../shared/contract/errors';
import { pdfEngineOptions } from '../../shared/print/pdf-options';
import { PRINT_PAGE, printViewQuery } from '../../shared/print/print-query';
import { type PdfJob, type PdfPrinter, PRINT_READY_TIMEOUT_MS } from '../backend/services/pdf-printer';
import { writeFileAtomically } from '../backend/services/write-atomically';
import { HARDENED_WEB_PREFERENCES } from './web-preferences';

/** The built files the print window needs. */
export interface PrintPaths {
  /** The sandboxed preload: the print view reads the map through the contract like the app. */
  preload: string;
  /** out/renderer/print.html */
  printPage: string;
}

/** The print view beside the app's index.html in the built renderer. */
export function printPageBeside(rendererIndex: string): string {
  return join(dirname(rendererIndex), PRINT_PAGE);
}

/** How often the ready flag is read while the print view loads and lays out. */
const POLL_MS = 100;

/**
 * Prints one map in the desktop app: a hidden, sandboxed window loads the print view, the main
 * process polls its explicit ready flag, then `webContents.printToPDF` with the same options as
 * Chromium's page.pdf (shared/print/pdf-options.ts). The window is destroyed in `finally`, whatever
 * happened; errors come back as typed ApiErrors the renderer shows as a message.
 */
export async function printWithHiddenWindow(
  paths: PrintPaths,
  job: PdfJob,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  signal?.throwIfAborted();
  const window = new BrowserWindow({
    show: false,
    width: 1240,
    height: 1754,
    webPreferences: {
      preload: paths.preload, // eng-disable PRELOAD_JS_CHECK -- the app's own sandboxed preload, exposing only the contract
      ...HARDENED_WEB_PREFERENCES,
      // Restated for electronegativity, which cannot read the spread (web-preferences.ts).
      contextIsolation: true,
      sandbox: true,
      disableBlinkFeatures: 'Auxclick',
      // Hidden windows are throttled by default; the print view must lay out at full speed.
      backgroundThrottling: false,
      spellcheck: false,
    },
  });
  try {
    const url = `${pathToFileURL(paths.printPage).href}?${printViewQuery(job.mapId, job.choices)}`;
    await window.loadURL(url);
    await waitForPrintReady(window.webContents, signal);
    return await window.webContents.printToPDF(pdfEngineOptions(job.choices, job.mapName).electron);
  } finally {
    window.destroy();
  }
}

/** Prints and writes the file atomically: it appears whole or not at all (also on cancel). */
export async function exportPdfWithElectron(
  paths: PrintPaths,
  job: PdfJob,
  target: string,
  signal?: AbortSignal,
): Promise<void> {
  const bytes = await printWithHiddenWindow(paths, job, signal);
  await writeFileAtomically(target, bytes, signal);
}

/** The desktop app's printer for the contract's exportPdf. */
export function electronPdfPrinter(paths: PrintPaths): PdfPrinter {
  return { print: (job, signal) => printWithHiddenWindow(paths, job, signal) };
}

/** Reads the print view's state in its own world: ready, waiting, or its error message. */
const READY_PROBE = `(() => {
  const error = document.documentElement.dataset.printError;
  if (error !== undefined) return 'error:' + error;
  return window.__throughlinePrintReady === true ? 'ready' : 'waiting';
})()`;

async function waitForPrintReady(contents: WebContents, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + PRINT_READY_TIMEOUT_MS;
  for (;;) {
    signal?.throwIfAborted();
    const state = String(await contents.executeJavaScript(READY_PROBE));
    if (state === 'ready') return;
    if (state.startsWith('error:'))
      throw ApiError.worded('internal', 'print-failed', { detail: state.slice(6) });
    if (Date.now() > deadline) throw ApiError.worded('internal', 'print-timeout', {});
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
