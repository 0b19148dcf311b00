import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ApiError } from '../../../shared/contract/errors';
import { pdfEngineOptions } from '../../../shared/print/pdf-options';
import { PRINT_PAGE, printViewQuery } from '../../../shared/print/print-query';
import { findChromium } from './find-browser';
import { noChromium, type PdfJob, type PdfPrinter, PRINT_READY_TIMEOUT_MS } from './pdf-printer';
import { writeFileAtomically } from './write-atomically';

/** Where the print view is served, and how a fresh browser context gets a session there. */
export interface ServedApp {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Gives a fresh context a session cookie (each context signs in once). */
  signIn(context: BrowserContext): Promise<void>;
}

/**
 * The browser mode's server as the printer reaches it: each context trades a one-time address of
 * its own for a session cookie, without loading the app; the context keeps the cookie.
 */
export function servedApp(server: { origin: string; issueOpenUrl(): string }): ServedApp {
  return {
    origin: server.origin,
    async signIn(context) {
      const response = await context.request.get(server.issueOpenUrl(), { maxRedirects: 0 });
      if (response.status() !== 200 || !response.headers()['set-cookie']) {
        throw new Error(`the app refused the print view's session (HTTP ${response.status()})`);
      }
    },
  };
}

/**
 * Headless Chromium for printing. playwright-core itself adds --no-sandbox,
 * --disable-background-networking, --disable-component-update and --no-first-run; a
 * --user-data-dir must not be passed to launch (launchPersistentContext is for that).
 */
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
    await app.signIn(context);
    return await printOnPage(await context.newPage(), app, job, signal);
  } finally {
    signal?.removeEventListener('abort', abort);
    await context.close().catch(() => {});
  }
}

/** Loads the print view of one job on a page of a signed-in context and waits until it is ready. */
async function showPrintView(page: Page, app: ServedApp, job: PdfJob): Promise<void> {
  await page.goto(`${app.origin}/${PRINT_PAGE}?${printViewQuery(job.mapId, job.choices)}`);
  await waitForPrintReady(page);
}

/** The print view of one job on a page of a signed-in context, to PDF bytes. */
async function printOnPage(
  page: Page,
  app: ServedApp,
  job: PdfJob,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  signal?.throwIfAborted();
  await showPrintView(page, app, job);
  signal?.throwIfAborted();
  const options = pdfEngineOptions(job.choices, job.mapName);
  return await page.pdf(options.playwright);
}

/** How long a warm printer keeps its browser after the last PDF. */
export const WARM_PRINTER_IDLE_MS = 60_000;

/**
 * A printer that stays warm between exports: one Chromium, one context signed in to the app, and
 * its pages kept open, so every PDF after the first skips starting the browser, making a renderer
 * process and fetching and compiling the print view (the assets are cached for good, see
 * static-files.ts). A facilitator typically exports several in a row (A4 for everyone, A3 for the
 * wall). The browser closes after `idleMs` without a job, and on close(). Jobs may overlap: each
 * takes a page of its own. A page whose job failed or was cancelled is closed, never reused.
 */
export class WarmPrinter implements PdfPrinter {
  private session: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
  private readonly idle: Page[] = [];
  private busy = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly app: ServedApp,
    private readonly launch: () => Promise<Browser>,
    private readonly idleMs = WARM_PRINTER_IDLE_MS,
  ) {}

  async print(job: PdfJob, signal?: AbortSignal): Promise<Uint8Array> {
    return this.whileBusy(async () => {
      signal?.throwIfAborted();
      const { context } = await this.open();
      const page = this.idle.pop() ?? (await context.newPage());
      const abort = () => void page.close().catch(() => {});
      signal?.addEventListener('abort', abort, { once: true });
      let reusable = false;
      try {
        const bytes = await printOnPage(page, this.app, job, signal);
        reusable = !page.isClosed();
        return bytes;
      } finally {
        signal?.removeEventListener('abort', abort);
        if (reusable) this.idle.push(page);
        else await page.close().catch(() => {});
      }
    });
  }

  /**
   * Starts the browser and draws the job's print view once without printing it, so the next print
   * of that map finds the browser, the page, the fonts and the print view's code warm. True when
   * the printer is ready.
   */
  async prepare(job: PdfJob): Promise<boolean> {
    return this.whileBusy(async () => {
      const { context } = await this.open();
      const page = this.idle.pop() ?? (await context.newPage());
      try {
        await showPrintView(page, this.app, job);
      } catch (error) {
        await page.close().catch(() => {});
        throw error;
      }
      this.idle.push(page);
      return true;
    });
  }

  /** Runs one job or preparation; the idle countdown starts once none is left running. */
  private async whileBusy<T>(work: () => Promise<T>): Promise<T> {
    clearTimeout(this.idleTimer);
    this.busy++;
    try {
      return await work();
    } catch (error) {
      // A browser that went away is started afresh for the next job.
      const opened = await this.session?.catch(() => null);
      if (opened && !opened.browser.isConnected()) this.reset();
      throw error;
    } finally {
      this.busy--;
      if (this.busy === 0) this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
    }
  }

  /** Closes the browser (it starts again on the next job). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const session = this.session;
    this.reset();
    const opened = await session?.catch(() => null);
    await opened?.browser.close().catch(() => {});
  }

  private reset(): void {
    this.session = null;
    this.idle.length = 0;
  }

  private open(): Promise<{ browser: Browser; context: BrowserContext }> {
    this.session ??= (async () => {
      const browser = await this.launch();
      try {
        const context = await browser.newContext();
        await this.app.signIn(context);
        return { browser, context };
      } catch (error) {
        await browser.close().catch(() => {});
        throw error;
      }
    })();
    const session = this.session;
    // A failed start is not kept: the next job tries again.
    session.catch(() => {
      if (this.session === session) this.reset();
    });
    return session;
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
  if (error !== null) throw ApiError.worded('internal', 'print-failed', { detail: String(error) });
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
  if (!executablePath) throw noChromium('PDF');
  const browser = await launchChromium(executablePath);
  try {
    const bytes = await printWithBrowser(browser, options.app, options.job, options.signal);
    await writeFileAtomically(options.target, bytes, options.signal);
  } finally {
    await browser.close().catch(() => {});
  }
}

/**
 * The browser mode's printer: a warm printer whose Chromium is looked up and launched at the first
 * export (so the error names the missing browser then) and closed a minute after the last.
 */
export function chromiumPrinter(
  app: ServedApp,
  find: () => string | null = findChromium,
  idleMs = WARM_PRINTER_IDLE_MS,
): WarmPrinter {
  return new WarmPrinter(
    app,
    async () => {
      const executablePath = find();
      if (!executablePath) throw noChromium('PDF');
      return launchChromium(executablePath);
    },
    idleMs,
  );
}
