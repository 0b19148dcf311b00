import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import { databaseOptions, explainBindingError } from './native-binding';
import {
  applyMigrations,
  LATEST_SCHEMA_VERSION,
  migrationHistoryProblem,
  readAppliedMigrations,
  THROUGHLINE_APPLICATION_ID,
} from './schema';

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
    } finally {
      this.db.close();
    }
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

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
  const inspection: Inspection = exists ? inspect(path) : { kind: 'empty' };
  if (!exists) mkdirSync(dirname(path), { recursive: true });

  const db = connect(path, { fileMustExist: exists });
  try {
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    let backupPath: string | null = null;
    if (inspection.kind === 'document' && version < LATEST_SCHEMA_VERSION) {
      backupPath = backUp(db, path, version);
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
    try {
      applyMigrations(db);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw ApiError.worded('storage-failed', 'upgrade-busy', { path });
      }
      const detail = messageOf(error);
      throw backupPath
        ? ApiError.worded('storage-failed', 'upgrade-failed-kept', { path, detail, backup: backupPath })
        : ApiError.worded('storage-failed', 'upgrade-failed', { path, detail });
    }
    return new PlanDatabase(path, db, version, backupPath);
  } catch (error) {
    db.close();
    throw error;
  }
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
  try {
    return new Database(path, { ...databaseOptions(), ...extra });
  } catch (error) {
    const binding = explainBindingError(error);
    if (binding) throw new ApiError('storage-failed', binding);
    throw ApiError.worded('storage-failed', 'document-open-failed', { path, detail: messageOf(error) });
  }
}

/** Checks an existing file through a read-only connection, so a refused file is never written. */
function inspect(path: string): Inspection {
  if (!statSync(path).isFile()) throw ApiError.worded('invalid-file', 'document-not-a-file', { path });
  const header = readHeader(path);
  if (header.length === 0) return { kind: 'empty' }; // a 0-byte file is an empty SQLite database
  if (header.length < 100 || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw ApiError.worded('invalid-file', 'document-not-a-database', { path });
  }

  const db = connect(path, { readonly: true, fileMustExist: true });
  try {
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
    const damage = integrityProblems(db);
    if (damage) throw ApiError.worded('invalid-file', 'document-damaged', { path, detail: damage });
    const history = migrationHistoryProblem(readAppliedMigrations(db), version);
    if (history) throw ApiError.worded('invalid-file', 'document-history', { path, detail: history });
    return { kind: 'document', version };
  } finally {
    db.close();
  }
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
