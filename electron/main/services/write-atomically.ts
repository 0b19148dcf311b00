import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes bytes to a hidden temporary file beside the target, then renames it into place: the
 * target is either the old file or the complete new one, never half written, and a failure (or a
 * cancel) removes the temporary file.
 */
export async function writeFileAtomically(
  target: string,
  bytes: Uint8Array,
  signal?: AbortSignal,
): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    signal?.throwIfAborted();
    await writeFile(temp, bytes, { flag: 'wx' });
    signal?.throwIfAborted();
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
