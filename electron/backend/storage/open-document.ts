import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import { mapRowProblem } from './map-repository';
import { databaseOptions, explainBindingError } from './native-binding';
import { withReadOnlySnapshot } from './read-only-snapshot';
import {
  applyMigrations,
  LATEST_SCHEMA_VERSION,
  migrationHistoryProblem,
  readAppliedMigrations,
  THROUGHLINE_APPLICATION_ID,
} from './schema';
import { storageProblemOf } from './storage-errors';
import { hardenConnection, schemaProblem } from './trusted-schema';
import { walProblem } from './wal-check';

export interface OpenDocumentOptions {
  /** Create the file (and its folder) when it does not exist; otherwise a missing file is an error. */
  create: boolean;
}

/** An open plan document: a Throughline SQLite file at the current schema version. */
export class PlanDatabase {
  constructor(
    readonly path: string,
    readonly db: Database.Database,
    /** The schema version the file had when opened: 0 for a new or empty file. */
    readonly openedAtVersion: number,
    /** Where the copy taken before migrating was written, or null when nothing was migrated. */
    readonly backupPath: string | null,
  ) {}

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** Folds the WAL back into the file and closes it, so the document is one file again. Idempotent. */
  close(): void {
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      // Every commit is in the WAL already; only folding it back failed. Said in the app's words.
      const problem = storageProblemOf(error);
      const path = this.path;
      throw problem === 'full'
        ? ApiError.worded('storage-failed', 'close-disk-full', { path })
        : problem === 'readOnly'
          ? ApiError.worded('storage-failed', 'close-not-writable', { path })
          : ApiError.worded('storage-failed', 'close-failed', { path, detail: messageOf(error) });
    } finally {
      this.db.close();
    }
  }
}

/** The first 16 bytes of every SQLite database file. */
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What a file turned out to be, once it passed every check. */
type Inspection = { kind: 'empty' } | { kind: 'document'; version: number };

/**
 * Opens a plan document, refusing (with ApiError 'invalid-file' and without changing a byte) a file
 * that is not a Throughline database, was made by a newer version, is damaged, or has a migration
 * history this build does not know. Pending migrations run in one transaction after a backup copy.
 */
export function openDocument(path: string, opts: OpenDocumentOptions): PlanDatabase {
  const exists = existsSync(path);
  if (!exists && !opts.create) throw ApiError.worded('not-found', 'document-missing', { path });
  if (exists) refuseReadOnly(path);
  // Every check runs before the first write: a refused file is left byte for byte as it was.
  const inspection: Inspection = exists ? inspect(path) : { kind: 'empty' };
  if (!exists) mkdirSync(dirname(path), { recursive: true });

  const db = connect(path, { fileMustExist: exists });
  let backupPath: string | null = null;
  try {
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (inspection.kind === 'document' && version < LATEST_SCHEMA_VERSION) {
      backupPath = backUp(db, path, version);
    }
    // Migrations run before the switch to WAL: a file in another journal mode that fails to
    // migrate is rolled back to exactly what it was, header included.
    try {
      applyMigrations(db);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw ApiError.worded('storage-failed', 'upgrade-busy', { path });
      }
      const problem = storageProblemOf(error);
      if (problem === 'full') throw ApiError.worded('storage-failed', 'document-disk-full', { path });
      if (problem === 'readOnly') throw ApiError.worded('storage-failed', 'document-not-writable', { path });
      throw ApiError.worded('storage-failed', 'upgrade-failed', { path, detail: messageOf(error) });
    }
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') {
      throw ApiError.worded('storage-failed', 'document-journal-refused', { path, mode: String(mode) });
    }
    // NORMAL, not FULL: in WAL mode NORMAL never corrupts the file and an app crash loses nothing;
    // only a power cut or OS crash can drop the commits since the last WAL sync (at checkpoint).
    // FULL fsyncs the WAL on every commit, and autosave commits on every edit: a one-node save went
    // from 0.025 to 0.18 ms on this machine's fast virtual disk, and an fsync costs milliseconds on
    // many laptop disks. Losing the last second of edits on power loss is the better trade here.
    db.pragma('synchronous = NORMAL');
    return new PlanDatabase(path, db, version, backupPath);
  } catch (error) {
    db.close();
    // The migration was rolled back, so the document is what the copy holds: no copy is left over.
    if (backupPath) rmSync(backupPath, { force: true });
    throw wordedStorageError(error, path);
  }
}

/** A raw SQLite storage failure while opening, in the app's words; any other error as it is. */
function wordedStorageError(error: unknown, path: string): unknown {
  if (error instanceof ApiError) return error;
  const problem = storageProblemOf(error);
  if (problem === 'full') return ApiError.worded('storage-failed', 'document-disk-full', { path });
  if (problem === 'readOnly') return ApiError.worded('storage-failed', 'document-not-writable', { path });
  if (problem === 'busy') return ApiError.worded('storage-failed', 'upgrade-busy', { path });
  return ApiError.worded('storage-failed', 'document-open-failed', { path, detail: messageOf(error) });
}

/**
 * A document is written in place, and WAL mode keeps two files beside it, so both the file and
 * its folder must be writable. Said before SQLite tries: its own words for this case ("attempt to
 * write a readonly database" while reading the header) would read as a damaged file, and a file
 * opened read-only would take edits it could never save.
 */
function refuseReadOnly(path: string): void {
  for (const [target, reason] of [
    [path, 'document-read-only-file'],
    [dirname(path), 'document-read-only-folder'],
  ] as const) {
    try {
      accessSync(target, constants.W_OK);
    } catch {
      throw ApiError.worded('storage-failed', reason, { path });
    }
  }
}

function connect(path: string, extra: Database.Options): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { ...databaseOptions(), ...extra });
  } catch (error) {
    const binding = explainBindingError(error);
    if (binding) throw new ApiError('storage-failed', binding);
    throw wordedStorageError(error, path);
  }
  hardenConnection(db);
  return db;
}

/**
 * Checks an existing file without writing it or leaving anything beside it (see
 * withReadOnlySnapshot). Only the header and `sqlite_schema` are read until the schema is known to
 * be exactly Throughline's; then the integrity check, the migration history and the map rows.
 */
function inspect(path: string, copyTo?: string): Inspection {
  if (!statSync(path).isFile()) throw ApiError.worded('invalid-file', 'document-not-a-file', { path });
  const header = readHeader(path);
  if (header.length === 0) {
    if (existsSync(`${realpathSync(path)}-wal`)) {
      throw ApiError.worded('invalid-file', 'document-wal-foreign', {
        path,
        detail: 'the document is empty, but a "-wal" file of another database is beside it',
      });
    }
    return { kind: 'empty' }; // a 0-byte file is an empty SQLite database
  }
  if (header.length < 100 || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw ApiError.worded('invalid-file', 'document-not-a-database', { path });
  }
  const wal = walProblem(realpathSync(path));
  if (wal) throw ApiError.worded('invalid-file', 'document-wal-foreign', { path, detail: wal });
  try {
    return withReadOnlySnapshot(path, (db) => {
      const inspection = inspectConnection(db, path);
      if (copyTo !== undefined) db.prepare('VACUUM INTO ?').run(copyTo);
      return inspection;
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const binding = explainBindingError(error);
    if (binding) throw new ApiError('storage-failed', binding);
    throw ApiError.worded('invalid-file', 'document-unreadable', { path, detail: messageOf(error) });
  }
}

/**
 * Copies a document, as SQLite would open it (its WAL folded in), to `target`, after the checks
 * openDocument makes; refused as openDocument refuses, and the document is never written.
 *
 * The copy is `VACUUM INTO` on the checked read-only connection: one read transaction, so it is a
 * snapshot even while another program writes the document, and it ends in one step. SQLite's
 * online backup (better-sqlite3's `db.backup()`) copies in steps between which it restarts
 * whenever another connection writes the source, so a busy writer can keep it from ever finishing.
 */
export function copyDocument(path: string, target: string): void {
  if (!existsSync(path)) throw ApiError.worded('not-found', 'document-missing', { path });
  inspect(path, target);
}

function inspectConnection(db: Database.Database, path: string): Inspection {
  let applicationId: number;
  let version: number;
  let objects: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  } catch (error) {
    throw ApiError.worded('invalid-file', 'document-unreadable', { path, detail: messageOf(error) });
  }
  if (applicationId !== THROUGHLINE_APPLICATION_ID) {
    if (applicationId === 0 && version === 0 && objects === 0) return { kind: 'empty' };
    throw ApiError.worded('invalid-file', 'document-foreign-database', { path });
  }
  if (version > LATEST_SCHEMA_VERSION) {
    throw ApiError.worded('invalid-file', 'document-newer', {
      path,
      version: String(version),
      latest: String(LATEST_SCHEMA_VERSION),
    });
  }
  const schema = schemaProblem(db, version);
  if (schema) throw ApiError.worded('invalid-file', 'document-schema', { path, detail: schema });
  const damage = integrityProblems(db);
  if (damage) throw ApiError.worded('invalid-file', 'document-damaged', { path, detail: damage });
  const history = migrationHistoryProblem(readAppliedMigrations(db), version);
  if (history) throw ApiError.worded('invalid-file', 'document-history', { path, detail: history });
  const row = badMapRow(db);
  if (row) throw ApiError.worded('invalid-file', 'document-map-invalid', { path, detail: row });
  return { kind: 'document', version };
}

/** The first problems `PRAGMA integrity_check` reports, on one line, or null when it says 'ok'. */
function integrityProblems(db: Database.Database): string | null {
  let rows: string[];
  try {
    rows = db.prepare('PRAGMA integrity_check(3)').pluck().all() as string[];
  } catch (error) {
    return messageOf(error);
  }
  if (rows.length === 1 && rows[0] === 'ok') return null;
  const lines = rows
    .flatMap((row) => row.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('*** in database'));
  return lines.slice(0, 3).join('; ') || 'no details';
}

/** The first map row that cannot be shown or chosen, described; null when every one can. */
function badMapRow(db: Database.Database): string | null {
  if ((db.pragma('user_version', { simple: true }) as number) < 1) return null;
  const rows = db.prepare('SELECT id, name FROM maps').raw().iterate() as IterableIterator<unknown[]>;
  for (const [id, name] of rows) {
    const problem = mapRowProblem(id, name);
    if (problem) return problem;
  }
  return null;
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(100);
    const read = readSync(fd, buffer, 0, 100, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the document beside itself before migrating: `<file>.backup-v<version>-<timestamp>`.
 * The WAL is folded in first so the copy is the whole document as one valid file.
 */
function backUp(db: Database.Database, path: string, version: number): string {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (result && result.busy !== 0) {
    throw ApiError.worded('storage-failed', 'upgrade-busy', { path });
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const backupPath = `${path}.backup-v${version}-${stamp}`;
  try {
    copyFileSync(path, backupPath, constants.COPYFILE_EXCL);
  } catch (error) {
    throw ApiError.worded('storage-failed', 'upgrade-backup-failed', { path, detail: messageOf(error) });
  }
  return backupPath;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
