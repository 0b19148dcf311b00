import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from '../backend/services/find-browser';
import { writeLaunchFile } from './launch-file';

export interface DisplayContext {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

/** Whether a window can be shown: always on macOS and Windows; on Linux only with X11 or Wayland. */
export function hasDisplay({ platform = process.platform, env = process.env }: DisplayContext = {}): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Whether this process runs as root on a Unix (Chromium and Electron then need --no-sandbox). */
export function isRootOnUnix(): boolean {
  return process.platform !== 'win32' && typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The arguments that open a URL as a Chromium app window with a private, throw-away profile. */
export function appWindowArgs(url: string, profileDir: string, asRoot: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-extensions',
    '--window-size=1440,900',
    ...(asRoot ? ['--no-sandbox'] : []),
  ];
}

export interface OpenedApp {
  /** How the address was opened, for the status line. */
  readonly how: 'app-window' | 'default-browser' | 'not-opened';
  /** Resolves when the app window (not a default browser) is closed by the user. */
  readonly closed: Promise<void>;
  /** Closes the app window if it is still open and removes its temporary profile. */
  dispose(): Promise<void>;
}

const never = new Promise<void>(() => {});

/**
 * Opens the browser mode on a one-time address (`openUrl`, a token of its own): the system's
 * Chromium, Chrome or Edge as an app window with a fresh profile if one is found, else the default
 * browser. Either is started on a private launch page (launch-file.ts) rather than the address, so
 * the token stays off every command line. Without a display (Linux) nothing is opened; the caller
 * has printed an address to the user's own terminal.
 */
export function openApp(openUrl: string, info: (line: string) => void): OpenedApp {
  if (!hasDisplay()) {
    info(
      'No display was found (DISPLAY and WAYLAND_DISPLAY are not set): open the address above in a browser.',
    );
    return { how: 'not-opened', closed: never, dispose: async () => {} };
  }
  const launch = writeLaunchFile(openUrl);
  const opened = openOn(launch.url, info);
  return {
    ...opened,
    async dispose() {
      await opened.dispose();
      launch.dispose();
    },
  };
}

function openOn(url: string, info: (line: string) => void): OpenedApp {
  const browser = findBrowser();
  if (browser) {
    const profile = mkdtempSync(join(tmpdir(), 'throughline-window-'));
    let child: ChildProcess;
    try {
      child = spawn(browser, appWindowArgs(url, profile, isRootOnUnix()), { stdio: 'ignore' });
    } catch {
      rmSync(profile, { recursive: true, force: true });
      return openDefaultBrowser(url, info);
    }
    let exited = false;
    const closed = new Promise<void>((resolve) => {
      child.once('exit', () => {
        exited = true;
        resolve();
      });
      child.once('error', () => {
        exited = true;
        info(`${browser} could not be started: open the address above in a browser.`);
      });
    });
    return {
      how: 'app-window',
      closed,
      async dispose() {
        if (!exited) {
          child.kill();
          // The browser writes its profile until it has quit; give it a moment before removing it.
          await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
        }
        child.unref();
        rmSync(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
      },
    };
  }
  return openDefaultBrowser(url, info);
}

function openDefaultBrowser(url: string, info: (line: string) => void): OpenedApp {
  const [command, args, verbatim] =
    process.platform === 'win32'
      ? (['cmd', ['/c', 'start', '""', `"${url}"`], true] as const)
      : process.platform === 'darwin'
        ? (['open', [url], false] as const)
        : (['xdg-open', [url], false] as const);
  try {
    const child = spawn(command, [...args], {
      stdio: 'ignore',
      detached: true,
      windowsVerbatimArguments: verbatim,
    });
    child.once('error', () => info('No browser could be opened: open the address above in a browser.'));
    child.unref();
  } catch {
    info('No browser could be opened: open the address above in a browser.');
  }
  return { how: 'default-browser', closed: never, dispose: async () => {} };
}
