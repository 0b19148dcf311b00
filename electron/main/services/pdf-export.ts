import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ApiError } from '../../../shared/contract/errors';
import { pdfEngineOptions } from '../../../shared/print/pdf-options';
import { PRINT_PAGE, printViewQuery } from '../../../shared/print/print-query';
import { findChromium } from '../../cli/find-browser';
import { NO_CHROMIUM_MESSAGE, type PdfJob, type PdfPrinter, PRINT_READY_TIMEOUT_MS } from './pdf-printer';
import { writeFileAtomically } from './write-atomically';

/** Where the print view is served: the browser mode's one-time address (origin plus token). */
export interface ServedApp {
  /** `http://127.0.0.1:<port>/?token=…`, as `throughline serve` prints it. */
  openUrl: string;
}

/** Headless Chromium for printing; playwright-core adds --no-sandbox etc. itself (pitfalls.md). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--disable-gpu', '--disable-quic', '--disable-sync', '--no-sandbox'],
  });
}

/**
 * Prints one map with a running Chromium: a fresh context (its own cookies), the session cookie
 * traded for the address's token without loading the app, the print view, its explicit ready
 * signal, then page.pdf with the options of shared/print/pdf-options.ts. The context is closed
 * whatever happens.
 */
export async function printWithBrowser(
  browser: Browser,
  app: ServedApp,
  job: PdfJob,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const context = await browser.newContext({ locale: job.choices.language });
  const abort = () => void context.close().catch(() => {});
  signal?.addEventListener('abort', abort, { once: true });
  try {
    signal?.throwIfAborted();
    await startSession(context, app);
    const page = await context.newPage();
    const origin = new URL(app.openUrl).origin;
    await page.goto(`${origin}/${PRINT_PAGE}?${printViewQuery(job.mapId, job.choices)}`);
    await waitForPrintReady(page);
    signal?.throwIfAborted();
    const options = pdfEngineOptions(job.choices, job.mapName);
    return await page.pdf(options.playwright);
  } finally {
    signal?.removeEventListener('abort', abort);
    await context.close().catch(() => {});
  }
}

/** The server trades the one-time address's token for its session cookie (a 303); the context keeps it. */
async function startSession(context: BrowserContext, app: ServedApp): Promise<void> {
  const response = await context.request.get(app.openUrl, { maxRedirects: 0 });
  if (response.status() !== 303) {
    throw new Error(`the app refused the print view's session (HTTP ${response.status()})`);
  }
}

/** Waits for the print view's ready flag, or its error, which fails at once with the view's message. */
export async function waitForPrintReady(page: Page, timeout = PRINT_READY_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as { __throughlinePrintReady?: boolean }).__throughlinePrintReady === true ||
      document.documentElement.dataset.printError !== undefined,
    undefined,
    { timeout },
  );
  const error = await page.evaluate(() => document.documentElement.dataset.printError ?? null);
  if (error !== null) throw new ApiError('internal', `The print view failed: ${error}`);
}

export interface ExportPdfFileOptions {
  /** Chromium, Chrome or Edge; findChromium() when left out. */
  executablePath?: string | null;
  app: ServedApp;
  job: PdfJob;
  /** The PDF file to write; it appears whole or not at all. */
  target: string;
  signal?: AbortSignal;
}

/**
 * The whole job under plain Node: launch headless Chromium, print, write the file atomically, and
 * close the browser in `finally`, so a failure or a cancel leaves no browser and no partial file.
 */
export async function exportPdfFile(options: ExportPdfFileOptions): Promise<void> {
  const executablePath = options.executablePath === undefined ? findChromium() : options.executablePath;
  if (!executablePath) throw new ApiError('unsupported', NO_CHROMIUM_MESSAGE);
  const browser = await launchChromium(executablePath);
  try {
    const bytes = await printWithBrowser(browser, options.app, options.job, options.signal);
    await writeFileAtomically(options.target, bytes, options.signal);
  } finally {
    await browser.close().catch(() => {});
  }
}

/**
 * The browser mode's printer: a Chromium launched for each PDF and closed after it (no browser
 * left running between exports). Looked up at print time, so the error names the missing browser.
 */
export function chromiumPrinter(app: ServedApp, find: () => string | null = findChromium): PdfPrinter {
  return {
    async print(job, signal) {
      const executablePath = find();
      if (!executablePath) throw new ApiError('unsupported', NO_CHROMIUM_MESSAGE);
      const browser = await launchChromium(executablePath);
      try {
        return await printWithBrowser(browser, app, job, signal);
      } finally {
        await browser.close().catch(() => {});
      }
    },
  };
}
