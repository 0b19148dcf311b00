import { basename, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DOCUMENT_EXTENSION = '.throughline';

/**
 * The `.throughline` document a launch was given, as an absolute path, or null. Used for the first
 * launch (`process.argv`) and for a second launch (`second-instance`'s argv and working directory),
 * e.g. when a file is double-clicked in Explorer or a file manager.
 *
 * argv[0] is the executable; in development argv[1] is the app folder. Switches (`--foo`, and the
 * ones Chromium appends such as `--original-process-start-time=…`) are skipped, and so is every
 * other argument not naming a `.throughline` file. A `file://` URL (some Linux file managers pass
 * those) is accepted.
 * When several documents are given, the last one wins, as it was named last.
 */
export function documentPathFromArgv(argv: readonly string[], cwd: string): string | null {
  let found: string | null = null;
  for (const arg of argv.slice(1)) {
    if (!arg || arg.startsWith('-')) continue;
    const path = asPath(arg);
    if (path === null || !isDocumentName(basename(path))) continue;
    found = isAbsolute(path) ? path : resolve(cwd, path);
  }
  return found;
}

function asPath(arg: string): string | null {
  if (!/^file:/i.test(arg)) return arg;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/** `plan.throughline`, not a bare `.throughline` (any letter case: Windows and macOS ignore it). */
function isDocumentName(name: string): boolean {
  return name.length > DOCUMENT_EXTENSION.length && name.toLowerCase().endsWith(DOCUMENT_EXTENSION);
}
