import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import { databaseOptions } from './native-binding';
import { openDocument } from './open-document';
import { LATEST_SCHEMA_VERSION, THROUGHLINE_APPLICATION_ID } from './schema';
import { storageFailure, storageProblemOf } from './storage-errors';
import { hardenConnection, schemaProblem } from './trusted-schema';

/**
 * Rolling automatic backups of a plan document: whole, valid `.throughline` files in a `backups/`
 * folder beside the document (for the default library, that is the user-data folder), named with
 * the document's name and a UTC time, so a user can find and open one even without the app.
 */

export const BACKUP_FOLDER = 'backups';

export interface BackupPolicy {
  /** How many backups of one document to keep; older ones are deleted. */
  keep: number;
  /** The least time between two automatic backups of one document. */
  intervalMs: number;
  /** How often a document left open (for days, on a desktop) is checked for its next backup. */
  checkEveryMs: number;
  now: () => Date;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  keep: 7,
  intervalMs: 24 * 60 * 60 * 1000,
  checkEveryMs: 60 * 60 * 1000,
  now: () => new Date(),
};

export interface BackupEntry {
  /** The file name: unique in the folder, and all a client may name (never a path). */
  id: string;
  path: string;
  createdAt: string;
  sizeBytes: number;
}

const EXTENSION = '.throughline';
// An ISO time with the colons (not allowed in Windows file names) written as hyphens.
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z$/;

export function backupFolderOf(documentPath: string): string {
  return join(dirname(documentPath), BACKUP_FOLDER);
}

function stemOf(documentPath: string): string {
  return basename(documentPath, extname(documentPath));
}

function stampOf(at: Date): string {
  return at.toISOString().replace(/:/g, '-');
}

function timeOf(stamp: string): Date | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The backups of one document, newest first. Files of other documents in the folder are skipped. */
export function listBackups(documentPath: string): BackupEntry[] {
  const folder = backupFolderOf(documentPath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const prefix = `${stemOf(documentPath)}-`;
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(EXTENSION)) continue;
    const at = timeOf(name.slice(prefix.length, -EXTENSION.length));
    if (!at) continue;
    const path = join(folder, name);
    let sizeBytes: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      sizeBytes = stat.size;
    } catch {
      continue;
    }
    entries.push({ id: name, path, createdAt: at.toISOString(), sizeBytes });
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** Whether the newest backup of the document is older than the policy's interval (or there is none). */
export function isBackupDue(documentPath: string, policy: BackupPolicy): boolean {
  const newest = listBackups(documentPath)[0];
  if (!newest) return true;
  return policy.now().getTime() - Date.parse(newest.createdAt) >= policy.intervalMs;
}

/** A free file name for a backup made at `at` (a later millisecond if that one is taken). */
function freeName(documentPath: string, at: Date): string {
  const folder = backupFolderOf(documentPath);
  for (let t = at.getTime(); ; t++) {
    const name = `${stemOf(documentPath)}-${stampOf(new Date(t))}${EXTENSION}`;
    if (!existsSync(join(folder, name))) return name;
  }
}

function removeWithSidecars(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * Backs the open document up with SQLite's online backup API, which copies a consistent state
 * while the app keeps writing (writes through the same connection reach the copy as well). The
 * copy is made under a hidden temporary name and renamed only when complete, and it is switched
 * to a rollback journal, so a backup is one self-contained file that reading never adds to.
 */
export async function createBackup(
  db: Database.Database,
  documentPath: string,
  at: Date,
): Promise<BackupEntry> {
  const target = backupTarget(documentPath, at);
  try {
    await db.backup(target.temp);
  } catch (error) {
    removeWithSidecars(target.temp);
    throw error;
  }
  return completeBackup(documentPath, target);
}

/**
 * The same, in one synchronous step (VACUUM INTO: a consistent, compact copy), for when the app
 * is closing and cannot wait for the stepwise copy.
 */
export function createBackupSync(db: Database.Database, documentPath: string, at: Date): BackupEntry {
  const target = backupTarget(documentPath, at);
  try {
    db.prepare('VACUUM INTO ?').run(target.temp);
  } catch (error) {
    removeWithSidecars(target.temp);
    throw error;
  }
  return completeBackup(documentPath, target);
}

interface BackupTarget {
  folder: string;
  name: string;
  /** The hidden name the copy is written under until it is complete. */
  temp: string;
}

/** Where a backup made now goes: a free name in the backups folder, and its temporary name. */
function backupTarget(documentPath: string, at: Date): BackupTarget {
  const folder = backupFolderOf(documentPath);
  mkdirSync(folder, { recursive: true });
  const name = freeName(documentPath, at);
  const temp = join(folder, `.${name}.partial`);
  removeWithSidecars(temp);
  return { folder, name, temp };
}

/** A finished copy made one self-contained file and renamed into place; nothing is left on failure. */
function completeBackup(documentPath: string, { folder, name, temp }: BackupTarget): BackupEntry {
  try {
    settle(temp);
    renameSync(temp, join(folder, name));
  } catch (error) {
    removeWithSidecars(temp);
    throw error;
  }
  return entryOf(documentPath, name);
}

/** Rollback journal and a quick check of the copy, before it may take a backup's name. */
function settle(path: string): void {
  const db = new Database(path, { ...databaseOptions(), fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's check (${String(check)})`);
  } finally {
    db.close();
  }
}

function entryOf(documentPath: string, name: string): BackupEntry {
  const entry = listBackups(documentPath).find((b) => b.id === name);
  if (!entry) throw new Error(`the backup "${name}" disappeared as it was written`);
  return entry;
}

/** Deletes all but the newest `keep` backups of the document; returns the names it deleted. */
export function rotateBackups(documentPath: string, keep: number): string[] {
  const old = listBackups(documentPath).slice(Math.max(0, keep));
  for (const entry of old) rmSync(entry.path, { force: true });
  return old.map((entry) => entry.id);
}

/**
 * The automatic backup: at most one per interval, and only of a document with at least one map
 * (a backup of nothing would use up the day's backup before the first real work is in).
 */
export async function backUpIfDue(
  db: Database.Database,
  documentPath: string,
  policy: BackupPolicy,
): Promise<BackupEntry | null> {
  if (!hasMaps(db) || !isBackupDue(documentPath, policy)) return null;
  const entry = await createBackup(db, documentPath, policy.now());
  rotateBackups(documentPath, policy.keep);
  return entry;
}

/** The same on close: synchronous, so it can run while the app quits. */
export function backUpIfDueSync(
  db: Database.Database,
  documentPath: string,
  policy: BackupPolicy,
): BackupEntry | null {
  if (!hasMaps(db) || !isBackupDue(documentPath, policy)) return null;
  const entry = createBackupSync(db, documentPath, policy.now());
  rotateBackups(documentPath, policy.keep);
  return entry;
}

function hasMaps(db: Database.Database): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM maps)').pluck().get() === 1;
}

/** How many maps a backup holds, read without writing to it; null when it is not a readable document. */
export function mapCountOf(backupPath: string): number | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(backupPath, { ...databaseOptions(), readonly: true, fileMustExist: true });
    hardenConnection(db);
    if (db.pragma('application_id', { simple: true }) !== THROUGHLINE_APPLICATION_ID) return null;
    // A file dropped among the backups is read only once its schema is Throughline's: a `maps` view
    // over an endless query would otherwise hang the list.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > LATEST_SCHEMA_VERSION || schemaProblem(db, version)) return null;
    return db.prepare('SELECT count(*) FROM maps').pluck().get() as number;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Makes a ready-to-use copy of a backup beside the document (`<document>.restoring-<pid>`), opened
 * once as a document: refused if it is damaged or not a Throughline file, and brought to this
 * version's schema. Nothing of the document is touched; the caller moves the copy over it.
 */
export function stageRestore(backupPath: string, documentPath: string): string {
  const staged = `${documentPath}.restoring-${process.pid}`;
  removeWithSidecars(staged);
  try {
    copyWhole(backupPath, staged);
    const opened = openDocument(staged, { create: false });
    const migrationCopy = opened.backupPath;
    opened.close();
    // The copy openDocument keeps before migrating is a copy of a backup: nothing to keep.
    if (migrationCopy) rmSync(migrationCopy, { force: true });
    return staged;
  } catch (error) {
    removeWithSidecars(staged);
    // A full disk or a read-only folder is not the backup's fault: say that instead.
    const problem = storageProblemOf(error);
    if (problem === 'full' || problem === 'readOnly') throw storageFailure(error);
    if (!(error instanceof ApiError) || error.code === 'invalid-file') {
      throw ApiError.worded('invalid-file', 'backup-damaged', { name: basename(backupPath) });
    }
    throw error;
  }
}

/** A backup is a single file in rollback-journal mode, so copying its bytes copies all of it. */
function copyWhole(from: string, to: string): void {
  const db = new Database(from, { ...databaseOptions(), readonly: true, fileMustExist: true });
  try {
    // VACUUM INTO reads through SQLite, so a backup someone left in WAL mode comes out whole too.
    db.prepare('VACUUM INTO ?').run(to);
  } finally {
    db.close();
  }
}
