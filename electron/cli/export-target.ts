import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './cli-error';

/**
 * Checks `--out` before anything is made, so an export never destroys data: the document being
 * exported (or its -wal, -shm or -journal file, or a link to any of them) is never a target, even
 * with --force; an existing file is replaced only with --force, and only if it may be written; a
 * folder is refused. Returns the absolute path to write.
 */
export function exportTarget(out: string, source: string, force: boolean): string {
  const target = resolve(out);
  const existing = realPathOrNull(target);
  const sourcePath = realPathOrNull(resolve(source)) ?? resolve(source);
  // A file not there yet is named through its folder's real path, so a link to the document's
  // folder cannot lead to its -wal file; names are compared as the file system does.
  const written = existing ?? join(realPathOrNull(dirname(target)) ?? dirname(target), basename(target));
  const sourceFiles = ['', '-wal', '-shm', '-journal'].map((suffix) => samePathKey(`${sourcePath}${suffix}`));
  if (sourceFiles.includes(samePathKey(written)) || (existing !== null && sameFile(existing, sourcePath))) {
    throw new CliError(
      `--out "${out}" is the document being exported; choose another file (nothing was written).`,
    );
  }
  if (existing === null) return target;
  if (statSync(existing).isDirectory()) {
    throw new CliError(`--out "${out}" is a folder; give the path of a file (nothing was written).`);
  }
  if (!force) {
    throw new CliError(`"${out}" already exists; pass --force to replace it (nothing was written).`);
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new CliError(`"${out}" is read-only, so it was not replaced.`);
  }
  return target;
}

/** A path as the file system tells paths apart: macOS and Windows ignore letter case by default. */
function samePathKey(path: string): string {
  return process.platform === 'darwin' || process.platform === 'win32' ? path.toLowerCase() : path;
}

/** The canonical path of an existing file (links resolved), or null when nothing is there. */
function realPathOrNull(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

/** Whether two paths are one file (a hard link is the same file under another name). */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Why an export's file could not be written, in words (never the temporary file's name). */
export function couldNotWrite(target: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'its folder does not exist'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'there is no permission to write there'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EISDIR'
            ? 'it is a folder'
            : error instanceof Error
              ? (error.message.split('\n')[0] ?? String(error))
              : String(error);
  return new CliError(`"${target}" could not be written: ${reason} (nothing was written).`);
}
