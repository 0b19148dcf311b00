import { spawn } from 'node:child_process';
import { ensureBuilt } from './build';
import { describeError, EXIT } from './cli-error';
import { chooseRuntime, ELECTRON_SQLITE_ENV } from './electron-runtime';
import { isRootOnUnix } from './open-app';
import { PACKAGE_ROOT } from './package-root';
import { serveCommand } from './serve';

export interface StartOptions {
  /** Skip the desktop app and run the browser mode. */
  browser: boolean;
  port: number;
  library?: string;
}

/** An Electron that exits with an error this soon did not get as far as showing the app. */
const EARLY_EXIT_MS = 15_000;

/**
 * `npm start`: builds the app if out/ is missing or stale, then runs the desktop app where Electron
 * can run, else says in one line why and runs the browser mode (as `throughline serve`).
 */
export async function startCommand(
  options: StartOptions,
  out: (text: string) => void,
  info: (line: string) => void,
): Promise<number> {
  await ensureBuilt(PACKAGE_ROOT, info);

  const runtime = options.browser
    ? { kind: 'browser' as const, reason: 'The browser mode was asked for (--browser)' }
    : await chooseRuntime({ root: PACKAGE_ROOT, info });

  if (runtime.kind === 'desktop') {
    const result = await runElectron(runtime.electronPath, runtime.sqliteBinding);
    if (result.ok) return result.code;
    info(`${result.reason}; opening Throughline in your browser instead.`);
  } else {
    info(`${runtime.reason}; ${browserLead(runtime.reason)}`);
  }
  return serveCommand(
    {
      port: options.port,
      open: true,
      library: options.library,
      stopWhenWindowCloses: true,
      quietWithoutDisplay: true,
    },
    out,
    info,
  );
}

function browserLead(reason: string): string {
  return /display/i.test(reason)
    ? 'Throughline runs in browser mode: open the address below in a browser.'
    : 'opening Throughline in your browser instead.';
}

type ElectronResult = { ok: true; code: number } | { ok: false; reason: string };

/**
 * Runs the desktop app until it quits. If Electron fails before the app is up (a missing system
 * library, a crash on start), the caller falls back to the browser mode.
 */
function runElectron(electronPath: string, sqliteBinding: string): Promise<ElectronResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, [ELECTRON_SQLITE_ENV]: sqliteBinding };
  delete env.ELECTRON_RUN_AS_NODE;
  // Chromium refuses to run as root with its sandbox; the renderer stays contextIsolated.
  const args = [PACKAGE_ROOT, ...(process.platform === 'linux' && isRootOnUnix() ? ['--no-sandbox'] : [])];
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(electronPath, args, { stdio: ['ignore', 'inherit', 'pipe'], env });
    } catch (error) {
      resolve({ ok: false, reason: `Electron could not be started (${describeError(error)})` });
      return;
    }
    // Electron's own output is kept aside for the first seconds (if it fails then, one line says why
    // instead), then shown as it comes.
    let stderr = '';
    let live = false;
    const goLive = setTimeout(() => {
      live = true;
      if (stderr !== '') process.stderr.write(stderr);
    }, EARLY_EXIT_MS);
    goLive.unref();
    child.stderr?.on('data', (chunk: Buffer) => {
      if (live) process.stderr.write(chunk);
      else stderr = (stderr + chunk.toString('utf8')).slice(-16_000);
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('error', (error) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ ok: false, reason: `Electron could not be started (${describeError(error)})` });
    });
    child.once('close', (code, signal) => {
      clearTimeout(goLive);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      const early = !live;
      if (early && code !== 0 && signal === null) {
        const first = stderr
          .split('\n')
          .map((line) => line.trim())
          .find((line) => line !== '');
        resolve({
          ok: false,
          reason: `The desktop app could not start (Electron exited with code ${code}${first ? `: ${first.slice(0, 160)}` : ''})`,
        });
        return;
      }
      resolve({ ok: true, code: code ?? EXIT.ok });
    });
  });
}
