import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { databaseOptions } from './native-binding';
import { hardenConnection } from './trusted-schema';

/**
 * Runs `read` on a read-only connection that sees the document as SQLite would open it (its WAL
 * folded in) and never leaves a file beside it. SQLite itself creates `-wal` and `-shm` beside a
 * WAL-mode database on any open, read-only ones included, and leaves them there; so:
 * - no `-wal` beside the file: no connection has it open (SQLite keeps the `-wal` while one has),
 *   and the file alone is the document: it is read into memory and opened there;
 * - a `-wal` and a `-shm`: another program may be writing it; a read-only connection on the file
 *   itself reads a consistent snapshot and adds nothing (both files are there already);
 * - a `-wal` without a `-shm` (left by a crash; nobody has it open): the pair is copied to a
 *   private folder and opened there, so SQLite's recovery happens on the copy.
 * Symlinks are followed first, as SQLite does: the `-wal` that counts is the one beside the target.
 */
export function withReadOnlySnapshot<T>(path: string, read: (db: Database.Database) => T): T {
  const real = realpathSync(path);
  // A program that opens or closes the file meanwhile changes which case applies: look again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const bytes = quietFileBytes(real);
    if (bytes) {
      // SQLite's in-memory files cannot use WAL; bytes 18 and 19 say "WAL" in a WAL-mode file and
      // are set back to "rollback journal" in this private copy (https://sqlite.org/fileformat2.html).
      if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
        bytes[18] = 1;
        bytes[19] = 1;
      }
      return withConnection(new Database(bytes, { ...databaseOptions(), readonly: true }), read);
    }
    if (!existsSync(`${real}-wal`)) continue;
    if (existsSync(`${real}-shm`)) return withConnection(onFile(real), read);
    const dir = mkdtempSync(join(tmpdir(), 'throughline-open-'));
    try {
      const copy = join(dir, 'document.throughline');
      copyFileSync(real, copy);
      try {
        copyFileSync(`${real}-wal`, `${copy}-wal`);
      } catch {
        continue; // the WAL went away meanwhile (its program closed the file): look again
      }
      return withConnection(onFile(copy), read);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // Still changing after every look: read it through SQLite on the file itself.
  return withConnection(onFile(real), read);
}

function onFile(file: string): Database.Database {
  return new Database(file, { ...databaseOptions(), readonly: true, fileMustExist: true });
}

/**
 * The file's bytes when no connection had it open while they were read (no `-wal` before or after,
 * the file unchanged in size and time), or null: a program that opened it meanwhile may have
 * folded its WAL into the file during the read, so it is then read through SQLite instead.
 */
function quietFileBytes(real: string): Buffer | null {
  if (existsSync(`${real}-wal`)) return null;
  const before = statSync(real);
  const bytes = readFileSync(real);
  const after = statSync(real);
  const quiet = !existsSync(`${real}-wal`) && before.size === after.size && before.mtimeMs === after.mtimeMs;
  return quiet ? bytes : null;
}

function withConnection<T>(db: Database.Database, read: (db: Database.Database) => T): T {
  try {
    hardenConnection(db);
    return read(db);
  } finally {
    db.close();
  }
}
