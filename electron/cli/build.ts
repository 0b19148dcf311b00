import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-error';

/** Folders and files whose changes make the built app (out/) stale. */
const SOURCES = ['electron', 'renderer', 'shared', 'resources', 'electron.vite.config.ts', 'package.json'];
const SKIP = new Set(['node_modules', '.git', 'dist', 'out']);
/** Not part of the build: the command line runs from source. */
const SKIP_PATHS = [join('electron', 'cli')];
/** What one build writes; the oldest of them is when the build ran. */
const OUTPUTS = [
  join('out', 'renderer', 'index.html'),
  join('out', 'main', 'index.js'),
  join('out', 'preload', 'index.cjs'),
];

/** Newest modification time of the files under the given paths (0 when none). */
export function newestMtime(root: string, paths: readonly string[] = SOURCES): number {
  let newest = 0;
  const skipped = new Set(SKIP_PATHS.map((path) => join(root, path)));
  const visit = (path: string) => {
    let info: ReturnType<typeof statSync>;
    try {
      info = statSync(path);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      if (skipped.has(path)) return;
      for (const entry of readdirSync(path)) if (!SKIP.has(entry)) visit(join(path, entry));
    } else if (info.mtimeMs > newest) {
      newest = info.mtimeMs;
    }
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

/** Whether out/ is missing, incomplete, or older than a source file. */
export function needsBuild(root: string): boolean {
  let builtAt = Number.POSITIVE_INFINITY;
  for (const output of OUTPUTS) {
    const file = join(root, output);
    if (!existsSync(file)) return true;
    builtAt = Math.min(builtAt, statSync(file).mtimeMs);
  }
  return newestMtime(root) > builtAt;
}

/**
 * Builds the app with electron-vite when out/ is missing or stale. Its output is shown only when
 * the build fails, so a good start stays quiet apart from one line.
 */
export async function ensureBuilt(root: string, info: (line: string) => void): Promise<void> {
  if (!needsBuild(root)) return;
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(cli)) {
    throw new CliError('electron-vite is not installed, so the app cannot be built: run npm install first.');
  }
  info('Building Throughline…');
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [cli, 'build'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => resolve({ code: -1, output: error.message }));
    child.once('close', (exitCode) => resolve({ code: exitCode, output }));
  });
  if (code !== 0) {
    process.stderr.write(`${output.split('\n').slice(-40).join('\n')}\n`);
    throw new CliError('The build failed (its output is above); fix it and run npm start again.');
  }
}
