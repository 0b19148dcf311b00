import { randomBytes } from 'node:crypto';
import { chmod, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes bytes to a hidden temporary file beside the target, then renames it into place: the
 * target is either the old file or the complete new one, never half written, and a failure (or a
 * cancel) removes the temporary file.
 *
 * Replacing a file keeps what the user set on it: a symbolic link stays a link and the file it
 * points to is replaced, and the new file gets the old one's permissions (a private 0600 file
 * does not come back readable by everyone).
 */
export async function writeFileAtomically(
  target: string,
  bytes: Uint8Array,
  signal?: AbortSignal,
): Promise<void> {
  const path = await realpath(target).catch(() => target);
  const mode = await stat(path).then(
    (info) => (info.isFile() ? info.mode & 0o7777 : undefined),
    () => undefined,
  );
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    signal?.throwIfAborted();
    await writeFile(temp, bytes, { flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    signal?.throwIfAborted();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
