import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A page that hands a one-time address to the browser without putting it on a command line. */
export interface LaunchFile {
  /** The page's `file://` address: what the browser's command line carries instead of the token. */
  readonly url: string;
  /** The page on disk (for tests). */
  readonly path: string;
  /** Removes the page and its folder; safe to call twice. */
  dispose(): void;
}

/** How long the page is kept: the token it carries is worth nothing after this anyway. */
const LAUNCH_FILE_LIFETIME_MS = 65_000;

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes a launch page for a one-time address (`http://127.0.0.1:<port>/?token=…`): a file that
 * only this user can read (mode 0600 in a fresh 0700 folder) and that refreshes to the address
 * once opened. The browser is started on the page's `file://` address, so the token never appears
 * in a process list (`/proc/<pid>/cmdline` is readable by every local account), and the token
 * works once, for a minute, should the page be read later. The page goes after a minute or on
 * dispose(), whichever comes first.
 */
export function writeLaunchFile(openUrl: string): LaunchFile {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-launch-'));
  const path = join(dir, 'open-throughline.html');
  const target = escapeAttribute(openUrl);
  writeFileSync(
    path,
    '<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">' +
      `<meta http-equiv="refresh" content="0; url=${target}"><title>Throughline</title>` +
      `<p>Opening Throughline…</p>\n`,
    { mode: 0o600, flag: 'wx' },
  );
  let removed = false;
  const dispose = () => {
    if (removed) return;
    removed = true;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  const timer = setTimeout(dispose, LAUNCH_FILE_LIFETIME_MS);
  timer.unref();
  return { url: pathToFileURL(path).href, path, dispose };
}
