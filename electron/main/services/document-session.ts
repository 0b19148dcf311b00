import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { DocumentInfo } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import { safeFileName } from '../../../shared/interchange/file-name';
import { MapRepository } from '../storage/map-repository';
import { openDocument, type PlanDatabase } from '../storage/open-document';
import { MapLeases } from './map-leases';
import { RecentDocuments } from './recent-documents';

export interface DocumentSessionOptions {
  /** The default library, opened at start so a first run needs no dialog. */
  libraryPath: string;
  /** Where the recent-documents list and documents opened through the browser's file picker live. */
  stateDir: string;
  /** Whether Open and Save As use the system's dialogs (the desktop app). */
  nativeDialogs: boolean;
}

/**
 * The document the app is working on, and switching to another one. Opening a document that is
 * refused (not a Throughline file, newer, damaged) leaves the current one open and untouched.
 */
export class DocumentSession {
  readonly recent: RecentDocuments;
  readonly leases = new MapLeases();
  private current: { database: PlanDatabase; repository: MapRepository; isLibrary: boolean };

  constructor(private readonly options: DocumentSessionOptions) {
    this.recent = new RecentDocuments(options.stateDir);
    const database = openDocument(options.libraryPath, { create: true });
    this.current = { database, repository: new MapRepository(database), isLibrary: true };
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
    const database = openDocument(path, { create });
    const isLibrary = path === this.options.libraryPath;
    this.current.repository.close();
    this.current = { database, repository: new MapRepository(database), isLibrary };
    this.leases.clear();
    if (!isLibrary) this.recent.remember(path);
    return this.info();
  }

  openLibrary(): DocumentInfo {
    return this.open(this.options.libraryPath, { create: true });
  }

  /** Opens a path from the recent list; any other path is refused (the renderer names no files). */
  openRecent(path: string): DocumentInfo {
    if (!this.recent.has(path))
      throw new ApiError('not-found', 'That document is not in the list of recent documents.');
    if (!existsSync(path))
      throw new ApiError('not-found', `"${basename(path)}" is no longer where it was (${path}).`);
    return this.open(path);
  }

  /**
   * The browser mode's Open: the bytes from the file picker are checked as a document in a temporary
   * file first, then kept in the state folder's documents/ and opened. A refused file leaves nothing.
   */
  openUploaded(fileName: string, bytes: Buffer): DocumentInfo {
    const folder = join(this.options.stateDir, 'documents');
    mkdirSync(folder, { recursive: true });
    const temp = join(folder, `.upload-${process.pid}-${Date.now()}.tmp`);
    writeFileSync(temp, bytes);
    try {
      openDocument(temp, { create: false }).close();
    } catch (error) {
      rmSync(temp, { force: true });
      for (const suffix of ['-wal', '-shm']) rmSync(temp + suffix, { force: true });
      throw error instanceof ApiError
        ? new ApiError(error.code, error.message.replaceAll(temp, fileName))
        : error;
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
    this.current.repository.close();
  }
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
