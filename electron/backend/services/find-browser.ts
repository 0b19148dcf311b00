import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

export interface BrowserLookup {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Whether an executable file exists at a path (injected by tests). */
  isExecutable?: (path: string) => boolean;
}

/** Command names of Chromium-family browsers, searched on PATH in this order. */
export const BROWSER_COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
] as const;

const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/opt/microsoft/msedge/msedge',
];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

const WINDOWS_APPS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
  'Chromium\\Application\\chrome.exe',
];

/**
 * The system's Chromium, Chrome or Edge, or null: CHROME_PATH first, then the commands on PATH,
 * then the standard install locations of Linux, macOS and Windows. Used to open the browser mode
 * as an app window (and by anything else that needs a Chromium, such as printing to PDF).
 */
export function findBrowser(lookup: BrowserLookup = {}): string | null {
  const platform = lookup.platform ?? process.platform;
  const env = lookup.env ?? process.env;
  const isExecutable = lookup.isExecutable ?? defaultIsExecutable;

  const explicit = env.CHROME_PATH;
  if (explicit && isExecutable(explicit)) return explicit;

  for (const candidate of candidates(platform, env)) {
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function candidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  const list: string[] = [];
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramW6432].filter(
      (root): root is string => Boolean(root),
    );
    for (const app of WINDOWS_APPS) for (const root of roots) list.push(win32.join(root, app));
    list.push(
      ...onPath(
        env,
        ['chrome', 'msedge', 'chromium'].map((name) => `${name}.exe`),
        win32.join,
        ';',
      ),
    );
    return list;
  }
  if (platform === 'darwin') {
    const roots = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    for (const app of MAC_APPS) for (const root of roots) list.push(posix.join(root, app));
    list.push(...onPath(env, BROWSER_COMMANDS, posix.join, ':'));
    return list;
  }
  list.push(...onPath(env, BROWSER_COMMANDS, posix.join, ':'));
  list.push(...LINUX_PATHS);
  return list;
}

function onPath(
  env: NodeJS.ProcessEnv,
  names: readonly string[],
  joinPath: (...parts: string[]) => string,
  separator: string,
): string[] {
  const dirs = (env.PATH ?? env.Path ?? '').split(separator).filter((dir) => dir !== '');
  const found: string[] = [];
  for (const name of names) for (const dir of dirs) found.push(joinPath(dir, name));
  return found;
}

function defaultIsExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The same search, by the name the e2e harness and the PDF path use. */
export const findChromium = (lookup: BrowserLookup = {}): string | null => findBrowser(lookup);
