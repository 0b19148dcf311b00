import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { hasDisplay } from './open-app';

/** How `npm start` runs Throughline on this machine, and why. */
export type Runtime =
  | { kind: 'desktop'; electronPath: string; sqliteBinding: string }
  | { kind: 'browser'; reason: string };

export interface RuntimeContext {
  root: string;
  platform?: NodeJS.Platform;
  arch?: string;
  env?: NodeJS.ProcessEnv;
  /** Progress lines ("Fetching …"). */
  info: (line: string) => void;
}

/** Env var naming the Electron-ABI better-sqlite3 binary the desktop app loads (native-binding.ts). */
export const ELECTRON_SQLITE_ENV = 'THROUGHLINE_ELECTRON_SQLITE';

const MINUTE = 60_000;

/**
 * Decides desktop or browser. The desktop app needs a display (Linux), Electron's binary (fetched
 * once with Electron's own install script where the network allows) and a better-sqlite3 built
 * for Electron's ABI (fetched once with better-sqlite3's own prebuild-install into
 * node_modules/.cache). When any of them cannot be had, the browser mode runs, and the reason is
 * one plain sentence.
 */
export async function chooseRuntime(context: RuntimeContext): Promise<Runtime> {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const forced = env.THROUGHLINE_START_MODE;
  if (forced === 'browser') return browser('THROUGHLINE_START_MODE is set to browser');
  if (!hasDisplay({ platform, env })) {
    return browser(
      'No display was found (DISPLAY and WAYLAND_DISPLAY are not set), so the desktop window cannot open',
    );
  }

  const electron = await ensureElectronBinary(context);
  if (!electron.ok) return browser(electron.reason);

  const sqlite = await ensureElectronSqlite(context);
  if (!sqlite.ok) return browser(sqlite.reason);

  return { kind: 'desktop', electronPath: electron.path, sqliteBinding: sqlite.path };
}

function browser(reason: string): Runtime {
  return { kind: 'browser', reason };
}

type Found = { ok: true; path: string } | { ok: false; reason: string };

// ---------------------------------------------------------------------------------------------
// Electron's binary

/** The Electron package's folder, its version and where its binary is (or would be). */
export function electronPackage(root: string): { dir: string; version: string } | null {
  const dir = join(root, 'node_modules', 'electron');
  try {
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    return { dir, version };
  } catch {
    return null;
  }
}

/** The installed Electron binary (path.txt + dist, as electron's index.js reads it), or null. */
export function electronBinaryPath(root: string): string | null {
  const dir = join(root, 'node_modules', 'electron');
  try {
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const full = join(dir, 'dist', relative);
    return relative !== '' && existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

async function ensureElectronBinary(context: RuntimeContext): Promise<Found> {
  const env = context.env ?? process.env;
  const pkg = electronPackage(context.root);
  if (!pkg) return { ok: false, reason: 'Electron is not installed in node_modules' };
  const present = electronBinaryPath(context.root);
  if (present) return { ok: true, path: present };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD && env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '0') {
    return {
      ok: false,
      reason: "Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set",
    };
  }

  context.info(`Downloading Electron ${pkg.version} (needed once, then kept)…`);
  const timeoutMs = Number(env.THROUGHLINE_ELECTRON_INSTALL_TIMEOUT_MS) || 10 * MINUTE;
  const result = await runElectronInstall(join(pkg.dir, 'install.js'), pkg.dir, env, timeoutMs);
  const installed = electronBinaryPath(context.root);
  if (installed) return { ok: true, path: installed };
  const why = result.timedOut
    ? `the download took longer than ${Math.round(timeoutMs / MINUTE)} minutes`
    : explainDownloadFailure(result.errorText);
  return { ok: false, reason: `Electron's binary could not be downloaded (${why})` };
}

/**
 * Runs Electron's own install script. Its progress bar (stderr, when a terminal) is shown as it is;
 * its error, which it prints as a stack trace, is taken aside through fd 3 and summarised instead.
 */
function runElectronInstall(
  script: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; timedOut: boolean; errorText: string }> {
  const wrapper = [
    "const { writeSync } = require('node:fs');",
    "console.error = (...parts) => { try { writeSync(3, parts.map(String).join(' ') + '\\n'); } catch {} };",
    `require(${JSON.stringify(script)});`,
  ].join('\n');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', wrapper], {
      cwd,
      env: { ...env, ELECTRON_RUN_AS_NODE: undefined },
      stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
    });
    let errorText = '';
    let timedOut = false;
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      errorText = (errorText + chunk.toString('utf8')).slice(-4000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, timedOut, errorText: error.message });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, errorText });
    });
  });
}

/** A short, plain cause for a failed download, from the error text of the tool that tried. */
export function explainDownloadFailure(text: string): string {
  if (
    /ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNREFUSED|fetch failed|getaddrinfo|socket hang up/i.test(
      text,
    )
  ) {
    return 'no route to its download host';
  }
  if (/ETIMEDOUT|timed? ?out/i.test(text)) return 'its download host did not answer in time';
  if (/checksum|sha256|integrity/i.test(text)) return 'the download did not match its expected checksum';
  if (/\b(403|404|407|410)\b|HTTPError|status code/i.test(text))
    return 'its download host refused the request';
  if (/EACCES|EPERM|EROFS|ENOSPC/.test(text)) return 'node_modules could not be written';
  const first = text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '));
  return first ? first.slice(0, 160) : 'the download failed';
}

// ---------------------------------------------------------------------------------------------
// better-sqlite3 for Electron's ABI

/** Where the Electron-ABI build of better-sqlite3 is kept, per Electron version. */
export function electronSqliteCachePath(root: string, electronVersion: string): string {
  return join(
    root,
    'node_modules',
    '.cache',
    'throughline',
    `better-sqlite3-electron-${electronVersion}`,
    'better_sqlite3.node',
  );
}

async function ensureElectronSqlite(context: RuntimeContext): Promise<Found> {
  const env = context.env ?? process.env;
  const pkg = electronPackage(context.root);
  if (!pkg) return { ok: false, reason: 'Electron is not installed in node_modules' };

  const fromEnv = env[ELECTRON_SQLITE_ENV];
  if (fromEnv && existsSync(fromEnv)) return { ok: true, path: fromEnv };
  const packaged = join(context.root, 'native', 'electron', 'better_sqlite3.node');
  if (existsSync(packaged)) return { ok: true, path: packaged };
  const cached = electronSqliteCachePath(context.root, pkg.version);
  if (existsSync(cached) && statSync(cached).size > 0) return { ok: true, path: cached };

  const sqliteDir = join(context.root, 'node_modules', 'better-sqlite3');
  const prebuild = join(context.root, 'node_modules', 'prebuild-install', 'bin.js');
  if (!existsSync(join(sqliteDir, 'package.json')) || !existsSync(prebuild)) {
    return {
      ok: false,
      reason: "better-sqlite3's Electron build cannot be fetched here (prebuild-install is missing)",
    };
  }

  context.info(`Downloading better-sqlite3 for Electron ${pkg.version} (needed once, then kept)…`);
  const work = mkdtempSync(join(tmpdir(), 'throughline-sqlite-'));
  try {
    // prebuild-install works in the package folder: a copy of its package.json is all it reads.
    copyFileSync(join(sqliteDir, 'package.json'), join(work, 'package.json'));
    const args = [
      prebuild,
      '--runtime',
      'electron',
      '--target',
      pkg.version,
      '--arch',
      context.arch ?? process.arch,
      '--platform',
      context.platform ?? process.platform,
    ];
    const childEnv: NodeJS.ProcessEnv = { ...env, ELECTRON_RUN_AS_NODE: undefined };
    // `npm start` passes npm's settings down; these would turn the download off or aim it elsewhere.
    for (const key of Object.keys(childEnv)) {
      if (/^npm_config_(build_from_source|runtime|target|arch|platform)$/i.test(key)) delete childEnv[key];
    }
    const result = await runQuiet(process.execPath, args, work, childEnv, 3 * MINUTE);
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (result.code === 0 && existsSync(built)) {
      mkdirSync(dirname(cached), { recursive: true });
      copyFileSync(built, `${cached}.tmp`);
      renameSync(`${cached}.tmp`, cached);
      return { ok: true, path: cached };
    }
    const why = result.timedOut
      ? 'its download host did not answer in time'
      : explainDownloadFailure(result.output);
    return { ok: false, reason: `better-sqlite3's build for Electron could not be downloaded (${why})` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function runQuiet(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; timedOut: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, timedOut, output: error.message });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, output });
    });
  });
}
