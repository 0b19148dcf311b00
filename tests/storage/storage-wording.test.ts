import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openPlanBackend } from '../../electron/backend/services/plan-backend';
import { openDocument } from '../../electron/backend/storage/open-document';
import { describeError } from '../../electron/cli/cli-error';
import { messageIn } from '../../shared/contract/error-wording';
import { ApiError } from '../../shared/contract/errors';
import { tempDir } from './helpers';
import { soundDocument } from './hostile-documents';

const RAW = /SQLITE_|database or disk is full|attempt to write a readonly database/;
const CJK = /[\u4e00-\u9fff]/;

/** better-sqlite3's own error, as SQLite reports it. */
function sqliteError(code: string, message: string): Error {
  return new Database.SqliteError(message, code);
}

/** The checkpoint of a clean close fails as SQLite reports `code`. */
function failingCheckpoint(db: Database.Database, error: Error): void {
  const pragma = db.pragma.bind(db);
  vi.spyOn(db, 'pragma').mockImplementation(((source: string, options?: Database.PragmaOptions) => {
    if (source.startsWith('wal_checkpoint')) throw error;
    return pragma(source, options);
  }) as typeof db.pragma);
}

describe('storage failures are said in words, never in SQLite’s', () => {
  it('a close whose checkpoint finds the disk full says where the edits are, in both languages', () => {
    const file = join(tempDir(), 'full.throughline');
    soundDocument(file);
    const doc = openDocument(file, { create: false });
    failingCheckpoint(doc.db, sqliteError('SQLITE_FULL', 'database or disk is full'));
    let error: unknown;
    try {
      doc.close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    const { message, wording } = error as ApiError;
    expect(message).toMatch(/is saved, but the disk is full, so its last changes stay in the "-wal" file/);
    expect(message).not.toMatch(RAW);
    const zh = messageIn(message, wording, 'zh-CN');
    expect(zh).toMatch(CJK);
    expect(zh).not.toMatch(RAW);
    expect(doc.db.open).toBe(false);
  });

  it('a backend that cannot fold its WAL back at shutdown says so, read-only too', () => {
    const dir = tempDir();
    const backend = openPlanBackend({ libraryPath: join(dir, 'library.throughline'), stateDir: dir });
    failingCheckpoint(
      backend.documents.database.db,
      sqliteError('SQLITE_READONLY', 'attempt to write a readonly database'),
    );
    expect(() => backend.close()).toThrow(/is saved, but it can no longer be written/);
    expect(() => backend.close()).not.toThrow(); // closed all the same
  });

  it('the command line words SQLite’s write failures, and leaves other errors as they are', () => {
    expect(describeError(sqliteError('SQLITE_READONLY', 'attempt to write a readonly database'))).toBe(
      'the file, its folder or the "-wal" and "-shm" files beside it cannot be written; nothing was written',
    );
    expect(describeError(sqliteError('SQLITE_FULL', 'database or disk is full'))).toBe(
      'the disk is full; nothing was written. Free some space and try again',
    );
    expect(describeError(sqliteError('SQLITE_IOERR_NOSPC', 'disk I/O error'))).toMatch(/^the disk is full/);
    const notFound = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    expect(describeError(notFound)).toBe('ENOENT: no such file');
  });
});
