import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Language } from '../../shared/model/language';
import { startDocumentServer } from '../backend/server/document-server';
import type { PlanServer } from '../backend/server/http-server';
import { SHARE_MEMORY_FILE, shareMemoryFile } from '../backend/server/share-memory';
import type { PdfPrinter } from '../backend/services/pdf-printer';
import { openPlanBackend, type PlanBackend } from '../backend/services/plan-backend';
import { defaultLibraryPath } from '../backend/storage/library';
import { CliError, describeError, EXIT } from './cli-error';
import { type OpenedApp, openApp } from './open-app';
import { isRendererBuilt, PACKAGE_ROOT, rendererDirOf } from './package-root';
import { shareLines } from './share-lines';
import { userDataDir } from './user-data';

export interface ServeOptions {
  port: number;
  open: boolean;
  library?: string;
  /** `npm start`: closing the app window stops the server, as closing the desktop app would. */
  stopWhenWindowCloses?: boolean;
  /** The reason for no display was already said (by `start`); do not say it twice. */
  quietWithoutDisplay?: boolean;
  /**
   * `--share`: the rooms shared on the LAN as well (on `host`, the machine's LAN address unless
   * given, and `port` there; the loopback address then takes a free port), https with `tls`.
   */
  share?: { host?: string | undefined; tls?: { cert: string; key: string } | undefined };
  /** The language of what sharing prints. */
  lang?: Language;
}

/** The line the e2e harness (and the user) reads the address from. Printed exactly once, on stdout. */
export const RUNNING_PREFIX = 'Throughline is running at ';

/** A window that opened and closed again this quickly handed over to another process or failed. */
const SHORT_LIVED_WINDOW_MS = 5000;

/**
 * The browser mode: the library's services behind the loopback server, serving the built
 * renderer. Runs until Ctrl+C or SIGTERM (or the app window closes, for `npm start`), then closes
 * the server and the database (the WAL folded back) and resolves with exit code 0.
 */
export async function serveCommand(
  options: ServeOptions,
  out: (text: string) => void,
  info: (line: string) => void,
): Promise<number> {
  if (!isRendererBuilt()) {
    throw new CliError(
      `The app is not built yet (${rendererDirOf()} is missing): run npm run build, or npm start, which builds it.`,
    );
  }
  const library = options.library ? resolve(options.library) : defaultLibraryPath(userDataDir());

  const tls = options.share?.tls ? readTls(options.share.tls) : undefined;

  const stateDir = options.library ? dirname(library) : userDataDir();
  let backend: PlanBackend;
  // PDFs are printed by the system's Chromium from this server's print view, once it listens.
  let printer: PdfPrinter | null = null;
  try {
    // The recent list and documents opened through the file picker live beside the library.
    backend = openPlanBackend({
      libraryPath: library,
      stateDir,
      pdfPrinter: () => printer,
    });
  } catch (error) {
    throw new CliError(describeError(error));
  }

  let server: PlanServer;
  try {
    // The rooms live on the open document and end with it, or with their map (document-server.ts).
    server = await startDocumentServer(backend, {
      rendererDir: rendererDirOf(PACKAGE_ROOT),
      port: options.share ? 0 : options.port,
      shareMemory: shareMemoryFile(join(stateDir, SHARE_MEMORY_FILE)),
      ...(tls ? { tls } : {}),
    });
  } catch (error) {
    backend.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new CliError(
        `Port ${options.port} is in use: choose another with --port, or leave it out to take a free one.`,
      );
    }
    throw new CliError(`The server could not start: ${describeError(error)}`);
  }

  const served = server;
  let shared = '';
  if (options.share) {
    try {
      // A share the last server left running (it crashed, or the laptop restarted) comes back with
      // its keys and address, so the room's participants reconnect by themselves.
      const wanted = { host: options.share.host, port: options.port || undefined };
      const share = (await server.sharing.resume(wanted)) ?? (await server.sharing.start(wanted));
      shared = shareLines(share, options.lang ?? 'en');
    } catch (error) {
      await server.close();
      backend.close();
      throw new CliError(`The room could not be shared: ${describeError(error)}`);
    }
  }
  // playwright-core loads on the first export only, so the server starts as fast as before; the
  // printer then stays warm for the exports that follow (see WarmPrinter).
  const warm: { printer?: Promise<PdfPrinter & { close(): Promise<void> }> } = {};
  const warmPrinter = () => {
    warm.printer ??= import('../backend/services/pdf-export').then(({ chromiumPrinter, servedApp }) =>
      chromiumPrinter(servedApp(served)),
    );
    return warm.printer;
  };
  // Both methods pass through: the export dialog's preparePdfExport reaches `prepare`, so the first
  // PDF of a session finds the print view already drawn.
  printer = {
    print: async (job, signal) => (await warmPrinter()).print(job, signal),
    prepare: async (job) => {
      const current = await warmPrinter();
      return current.prepare ? current.prepare(job) : false;
    },
  };

  // Listen for Ctrl+C / SIGTERM before announcing the address, so a stop right after it is clean.
  const signals: NodeJS.Signals[] =
    process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  let stop: (reason: string) => void = () => {};
  const stopped = new Promise<string>((done) => {
    stop = done;
  });
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  for (const s of signals) process.on(s, onSignal);

  // The printed address is for this terminal's user; the window opened below gets a token of its
  // own through a private launch page. Each works once, within a minute.
  out(`${RUNNING_PREFIX}${server.openUrl}\n`);
  if (shared) out(shared);
  info(
    `Library: ${library}. The address works once, within a minute (restart to get another). Press Ctrl+C to stop.`,
  );

  let opened: OpenedApp | null = null;
  const openedAt = Date.now();
  if (options.open) {
    opened = openApp(server.issueOpenUrl(), options.quietWithoutDisplay ? () => {} : info);
    if (options.stopWhenWindowCloses) {
      opened.closed.then(() => {
        if (Date.now() - openedAt < SHORT_LIVED_WINDOW_MS) {
          info('The app window closed at once; Throughline keeps running at the address above.');
          return;
        }
        stop('window closed');
      });
    }
  }

  const reason = await stopped;
  for (const s of signals) process.off(s, onSignal);
  info(reason === 'window closed' ? 'The window was closed; stopping Throughline…' : 'Stopping Throughline…');
  let closeFailure: unknown = null;
  try {
    await (await warm.printer)?.close();
    await server.close();
  } finally {
    try {
      backend.close();
    } catch (error) {
      closeFailure = error;
    }
    await opened?.dispose();
  }
  // "Everything is saved" only when it is: a document that could not be closed cleanly says why.
  if (closeFailure) throw new CliError(`Stopped. ${describeError(closeFailure)}`);
  info('Stopped. Everything is saved.');
  return EXIT.ok;
}

/** The certificate and key of --tls, read before anything starts: a path that cannot be read says so. */
function readTls(files: { cert: string; key: string }): { cert: string; key: string } {
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      throw new CliError(`The ${what} for --tls could not be read (${path}): ${describeError(error)}`);
    }
  };
  const cert = read(files.cert, 'certificate');
  const key = read(files.key, 'private key');
  if (!cert.includes('-----BEGIN CERTIFICATE-----')) {
    throw new CliError(`--tls expects a PEM certificate first (${files.cert} is not one), then its key.`);
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) {
    throw new CliError(`--tls expects a PEM private key after the certificate (${files.key} is not one).`);
  }
  return { cert, key };
}
