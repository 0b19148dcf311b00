import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;

/**
 * Bundles a child script of the tests (tests/<folder>/<name>.ts, the storage tests' by default)
 * into `dir` as one ES module and returns its path. Starting a child through tsx costs ~1.3 s on the 2-core CI machine,
 * bundled ~0.35 s, and tsx run as another user cannot write its cache. better-sqlite3 stays
 * external and resolves through a node_modules link beside the bundle.
 */
export function bundleChild(name: string, dir: string, folder = 'storage'): string {
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const outfile = join(dir, `${name}.mjs`);
  buildSync({
    entryPoints: [join(root, 'tests', folder, `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The command line reaches Chromium and the build tools too: packages stay out of the bundle.
    ...(folder === 'storage' ? { external: ['better-sqlite3'] } : { packages: 'external' as const }),
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
