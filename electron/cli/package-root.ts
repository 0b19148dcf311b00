import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (where package.json, node_modules and out/ are), from this file's place. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, '');

/**
 * The built renderer served by the browser mode: out/renderer, or THROUGHLINE_RENDERER_DIR (tests
 * serve a small stand-in so they do not depend on a build).
 */
export function rendererDirOf(root: string = PACKAGE_ROOT, env: NodeJS.ProcessEnv = process.env): string {
  return env.THROUGHLINE_RENDERER_DIR || join(root, 'out', 'renderer');
}

export function isRendererBuilt(root: string = PACKAGE_ROOT, env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(join(rendererDirOf(root, env), 'index.html'));
}
