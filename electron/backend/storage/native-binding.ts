import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

/** Env var naming an Electron-ABI build of better-sqlite3 to load instead of the one in node_modules. */
export const ELECTRON_SQLITE_ENV = 'THROUGHLINE_ELECTRON_SQLITE';

export interface BindingContext {
  /** Folder holding `native/electron/`; by default the nearest folder above this module with a package.json. */
  appRoot?: string;
  env?: NodeJS.ProcessEnv;
  versions?: NodeJS.ProcessVersions;
}

/**
 * Options for `new Database(...)`. The better-sqlite3 in node_modules is built for Node's ABI and
 * serves tests and the CLI; Electron needs a separate binary, so under Electron we point
 * `nativeBinding` at it when one is present (README, "Two ABIs of better-sqlite3").
 */
export function databaseOptions(context: BindingContext = {}): Database.Options {
  const versions = context.versions ?? process.versions;
  if (!versions.electron) return {};
  const binding = electronBinding(context.env ?? process.env, context.appRoot ?? findAppRoot());
  return binding ? { nativeBinding: binding } : {};
}

function electronBinding(env: NodeJS.ProcessEnv, appRoot: string | null): string | null {
  const fromEnv = env[ELECTRON_SQLITE_ENV];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (!appRoot) return null;
  // A native module cannot be loaded from inside an asar archive; packaging unpacks it beside it.
  const root = appRoot.replace(/app\.asar(?=$|[\\/])/, 'app.asar.unpacked');
  const file = join(root, 'native', 'electron', 'better_sqlite3.node');
  return existsSync(file) ? file : null;
}

function findAppRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * A clearer message for the error better-sqlite3 throws when its binary was built for another
 * runtime (Node's ABI under Electron or the reverse), or null for any other error.
 */
export function explainBindingError(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) return null;
  return process.versions.electron
    ? `The SQLite module in node_modules is built for Node, not Electron ${process.versions.electron}. ` +
        `Put an Electron build at native/electron/better_sqlite3.node or name one in ${ELECTRON_SQLITE_ENV}.`
    : `The SQLite module is built for another runtime than Node ${process.versions.node}. ` +
        'Rebuild it with `npm rebuild better-sqlite3`.';
}
