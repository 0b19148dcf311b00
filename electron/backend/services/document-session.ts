import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Backup, DocumentInfo } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import { safeFileName } from '../../../shared/interchange/file-name';
import type { BackupPolicy } from '../storage/backups';
import { stageRestore } from '../storage/backups';
import { MapRepository } from '../storage/map-repository';
import { openDocument, type PlanDatabase } from '../storage/open-document';
import { DocumentBackups } from './document-backups';
import { RecentDocuments } from './recent-documents';

export interface DocumentSessionOptions {
  /** The default library, opened at start so a first run needs no dialog. */
  libraryPath: string;
  /** Where the recent-documents list and documents opened through the browser's file picker live. */
  stateDir: string;
  /** Whether Open and Save As use the system's dialogs (the desktop app). */
  nativeDialogs: boolean;
  /** How often and how many automatic backups (tests inject a clock). */
  backups?: Partial<BackupPolicy>;
}

/**
 * The document the app is working on, and switching to another one. Opening a document that is
 * refused (not a Throughline file, newer, damaged) leaves the current one open and untouched.
 */
export class DocumentSession {
  readonly recent: RecentDocuments;
  readonly backups: DocumentBackups;
  private current: { database: PlanDatabase; repository: MapRepository; isLibrary: boolean };
  /** Told just before the open document is closed or replaced (the rooms on it end first). */
  private readonly leaving = new Set<() => void>();

  constructor(private readonly options: DocumentSessionOptions) {
    this.recent = new RecentDocuments(options.stateDir);
    this.backups = new DocumentBackups(options.backups);
    const database = openDocument(options.libraryPath, { create: true });
    this.current = { database, repository: new MapRepository(database), isLibrary: true };
    this.backups.afterOpen(database);
  }

  /** Calls `listener` just before the open document is closed or replaced; returns its removal. */
  onLeave(listener: () => void): () => void {
    this.leaving.add(listener);
    return () => this.leaving.delete(listener);
  }

  private leave(): void {
    for (const listener of this.leaving) listener();
  }

  private readonly deleting = new Set<(mapId: string) => void>();

  /** Calls `listener` with each map deleted from the open document (its room ends). */
  onMapDeleted(listener: (mapId: string) => void): () => void {
    this.deleting.add(listener);
    return () => this.deleting.delete(listener);
  }

  /** Deletes a map of the open document and tells who listens. */
  deleteMap(mapId: string): void {
    this.repository.deleteMap(mapId);
    for (const listener of this.deleting) listener(mapId);
  }

  get repository(): MapRepository {
    return this.current.repository;
  }

  get database(): PlanDatabase {
    return this.current.database;
  }

  info(): DocumentInfo {
    const { path } = this.current.database;
    return {
      path,
      fileName: basename(path),
      isLibrary: this.current.isLibrary,
      nativeDialogs: this.options.nativeDialogs,
    };
  }

  /** Opens a `.throughline` file (created when `create`), making it the current document. */
  open(path: string, { create = false } = {}): DocumentInfo {
    if (path === this.current.database.path) return this.info();
    // A chosen file that is empty is no plan: opening it would quietly make it an empty one.
    if (!create && existsSync(path) && statSync(path).size === 0) refuseEmpty(basename(path));
    // All or nothing: the current document stays open and working until the new one is open
    // completely; a document that fails on the way is closed again.
    const database = openDocument(path, { create });
    let repository: MapRepository;
    try {
      repository = new MapRepository(database);
    } catch (error) {
      database.close();
      throw error;
    }
    const isLibrary = path === this.options.libraryPath;
    const previous = this.current;
    this.leave();
    this.backups.beforeClose(previous.database);
    this.current = { database, repository, isLibrary };
    this.backups.afterOpen(database);
    if (!isLibrary) this.recent.remember(path);
    try {
      previous.repository.close();
    } catch (error) {
      // The document left is closed anyway; what it could not fold back stays in its -wal.
      console.warn(error instanceof Error ? error.message : String(error));
    }
    return this.info();
  }

  openLibrary(): DocumentInfo {
    return this.open(this.options.libraryPath, { create: true });
  }

  /** Opens a path from the recent list; any other path is refused (the renderer names no files). */
  openRecent(path: string): DocumentInfo {
    if (!this.recent.has(path)) throw ApiError.worded('not-found', 'document-not-recent', {});
    if (!existsSync(path))
      throw ApiError.worded('not-found', 'document-moved', { name: basename(path), path });
    return this.open(path);
  }

  /**
   * The browser mode's Open: the bytes from the file picker are checked as a document in a temporary
   * file first, then kept in the state folder's documents/ and opened. A refused file leaves nothing.
   */
  openUploaded(fileName: string, bytes: Buffer): DocumentInfo {
    if (bytes.length === 0) refuseEmpty(fileName);
    const folder = join(this.options.stateDir, 'documents');
    mkdirSync(folder, { recursive: true });
    const temp = join(folder, `.upload-${process.pid}-${Date.now()}.tmp`);
    writeFileSync(temp, bytes);
    try {
      const checked = openDocument(temp, { create: false });
      checked.close();
      // An older upload was upgraded in the temporary file: its copy from before is the upload
      // itself, which the user still has.
      if (checked.backupPath) rmSync(checked.backupPath, { force: true });
    } catch (error) {
      rmSync(temp, { force: true });
      for (const suffix of ['-wal', '-shm']) rmSync(temp + suffix, { force: true });
      throw error instanceof ApiError ? error.replacing(temp, fileName) : error;
    }
    const stem = basename(fileName, extname(fileName));
    const target = uniquePath(folder, safeFileName(stem, 'throughline'));
    renameSync(temp, target);
    return this.open(target);
  }

  /** A consistent copy of the current document (VACUUM INTO), as bytes, for a download. */
  snapshot(): { fileName: string; bytes: Buffer } {
    const folder = join(this.options.stateDir, 'documents');
    mkdirSync(folder, { recursive: true });
    const temp = join(folder, `.snapshot-${process.pid}-${Date.now()}.tmp`);
    try {
      this.current.database.db.prepare('VACUUM INTO ?').run(temp);
      return { fileName: basename(this.current.database.path), bytes: readFileSync(temp) };
    } finally {
      rmSync(temp, { force: true });
    }
  }

  /** Save As: writes a compact copy to `path` (replacing it only once the copy is complete) and opens it. */
  saveAs(path: string): DocumentInfo {
    if (path === this.current.database.path) return this.info();
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.saving-${process.pid}`;
    rmSync(temp, { force: true });
    this.current.database.db.prepare('VACUUM INTO ?').run(temp);
    renameSync(temp, path);
    return this.open(path);
  }

  close(): void {
    this.closeCurrent();
  }

  /** The open document's backups, newest first. */
  listBackups(): Backup[] {
    return this.backups.list(this.current.database);
  }

  /**
   * Replaces the open document with one of its backups without ever losing data: the backup is
   * first checked as a document in a staged copy, the current state is backed up, and only then
   * is the database closed, the staged copy moved over the file (one rename) and reopened.
   * Anything that fails before the rename leaves the document as it was, and open.
   */
  async restoreBackup(id: string): Promise<DocumentInfo> {
    const before = this.current;
    const { path } = before.database;
    const staged = stageRestore(this.backups.find(before.database, id).path, path);
    try {
      await this.backups.beforeRestore(before.database);
      if (this.current !== before) {
        throw ApiError.worded('conflict', 'restore-conflict', {});
      }
      this.leave();
      before.repository.close();
      if (existsSync(`${path}-wal`)) {
        // Another program still has the file open: its WAL would be replayed onto the backup.
        this.current = { ...before, ...reopen(path) };
        throw ApiError.worded('storage-failed', 'restore-busy', { name: basename(path) });
      }
      renameSync(staged, path);
    } catch (error) {
      rmSync(staged, { force: true });
      if (!this.current.database.db.open) this.current = { ...this.current, ...reopen(path) };
      if (this.current.database !== before.database) this.backups.afterOpen(this.current.database);
      throw error;
    }
    this.current = { ...before, ...reopen(path) };
    // The maps are what they were in the backup: a participant still holding a later document
    // must load them again rather than merge it back, so every map's live document starts anew.
    this.current.repository.forgetRooms();
    this.backups.rotate(this.current.database);
    // The hourly check follows the reopened connection (the backup just made keeps it quiet today).
    this.backups.afterOpen(this.current.database);
    return this.info();
  }

  /** A clean close: the day's backup if it is still missing, the WAL folded back. */
  private closeCurrent(): void {
    this.leave();
    this.backups.beforeClose(this.current.database);
    this.current.repository.close();
  }
}

function reopen(path: string): { database: PlanDatabase; repository: MapRepository } {
  const database = openDocument(path, { create: false });
  return { database, repository: new MapRepository(database) };
}

function uniquePath(folder: string, fileName: string): string {
  const ext = extname(fileName);
  const stem = basename(fileName, ext);
  let candidate = join(folder, fileName);
  for (let n = 2; existsSync(candidate) && statSync(candidate).isFile(); n++) {
    candidate = join(folder, `${stem} (${n})${ext}`);
  }
  return candidate;
}

function refuseEmpty(fileName: string): never {
  throw ApiError.worded('invalid-file', 'document-empty', { name: fileName });
}
