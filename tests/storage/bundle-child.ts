import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
const requireHere = createRequire(import.meta.url);

/** better-sqlite3's binary, copied beside every bundle. */
const BINARY = 'better_sqlite3.node';

/**
 * better-sqlite3 finds its binary through node_modules (the `bindings` package). A child run as
 * another user may not reach node_modules at all: a clone in a folder only its owner can enter
 * (/root, a home folder of mode 0700) is out of reach of user "nobody". So the bundle carries
 * better-sqlite3's JavaScript, through this stand-in for the package, and loads the binary copied
 * beside it through `nativeBinding`.
 */
const SQLITE_BESIDE = [
  `import Database from ${JSON.stringify(requireHere.resolve('better-sqlite3'))};`,
  "import { createRequire } from 'node:module';",
  `const addon = createRequire(import.meta.url)('./${BINARY}');`,
  'export default class extends Database {',
  '  constructor(file, options) { super(file, { nativeBinding: addon, ...options }); }',
  '}',
].join('\n');

/**
 * Bundles a child script of the tests (tests/<folder>/<name>.ts, the storage tests' by default)
 * into `dir` as one ES module and returns its path. Starting a child through tsx costs ~1.3 s on
 * the 2-core CI machine, bundled ~0.35 s, and tsx run as another user cannot write its cache.
 *
 * The bundle needs nothing outside `dir`, so it runs as user "nobody" wherever the repository was
 * cloned: every package is inside it, except the command line's Chromium and Excel packages
 * (loaded only by the exports, which no test runs as another user) and better-sqlite3's binary,
 * copied into `dir` (see SQLITE_BESIDE). `dir` must be readable by whoever runs the bundle.
 */
export function bundleChild(name: string, dir: string, folder = 'storage'): string {
  copyFileSync(
    join(requireHere.resolve('better-sqlite3/package.json'), '..', 'build', 'Release', BINARY),
    join(dir, BINARY),
  );
  const outfile = join(dir, `${name}.mjs`);
  const standIn = join(dir, 'better-sqlite3-beside.mjs');
  writeFileSync(standIn, SQLITE_BESIDE);
  buildSync({
    entryPoints: [join(root, 'tests', folder, `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS packages inside an ES module bundle call require (for node: modules and the binary).
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    alias: { 'better-sqlite3': standIn },
    // playwright-core asks for these only when driving a browser over WebDriver BiDi, never here.
    external: ['electron', 'chromium-bidi/*'],
    outfile,
    logLevel: 'warning',
  });
  rmSync(standIn);
  return outfile;
}
