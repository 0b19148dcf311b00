import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { MIGRATIONS } from '../../electron/backend/storage/migrations';
import { openDocument } from '../../electron/backend/storage/open-document';
import { applyMigrations } from '../../electron/backend/storage/schema';
import { messageIn } from '../../shared/contract/error-wording';
import { ApiError } from '../../shared/contract/errors';
import { sha256, tempDir } from './helpers';

/** How the extra step fails: a bad statement, or SQLite's own write failures. */
const failure = vi.hoisted(() => ({ as: 'sql' as 'sql' | 'SQLITE_READONLY' | 'SQLITE_FULL' }));

// This build, as far as these tests know, has one more schema step, which fails half way.
vi.mock('../../electron/backend/storage/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/backend/storage/migrations')>();
  return {
    MIGRATIONS: [
      ...real.MIGRATIONS,
      {
        id: (real.MIGRATIONS.at(-1)?.id ?? 0) + 1,
        name: 'fails-half-way',
        up: (db: Database.Database) => {
          db.exec('CREATE TABLE half (x)');
          const code = failure.as;
          if (code === 'sql') return void db.exec('SELECT * FROM nowhere');
          const words = {
            SQLITE_READONLY: 'attempt to write a readonly database',
            SQLITE_FULL: 'database or disk is full',
          };
          throw new Database.SqliteError(words[code], code);
        },
      },
    ],
  };
});

/** A document one step behind this build, with a map in it, closed; its folder holds only it. */
function olderDocument(dir: string): string {
  const file = join(dir, 'older.throughline');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  applyMigrations(db, MIGRATIONS.slice(0, -1));
  db.prepare("INSERT INTO maps (id, name, created_at, updated_at) VALUES ('m1', 'Kept', 'a', 'b')").run();
  db.close();
  return file;
}

describe('a migration that fails', () => {
  it('leaves the document byte for byte as it was, with no backup copy and no -wal beside it', () => {
    const dir = tempDir();
    const file = olderDocument(dir);
    const before = sha256(file);
    expect(readdirSync(dir)).toEqual(['older.throughline']);
    failure.as = 'sql';
    expect(() => openDocument(file, { create: false })).toThrow(
      /could not be upgraded to this version's format \(no such table: nowhere\); it was left as it was\.$/,
    );
    expect(readdirSync(dir)).toEqual(['older.throughline']);
    expect(sha256(file)).toBe(before);
  });

  it.each([
    ['SQLITE_READONLY', /cannot be opened for editing: the file, its folder or the "-wal" and "-shm" files/],
    ['SQLITE_FULL', /Cannot open ".*": the disk is full/],
  ] as const)('says %s in words, in both languages, and leaves nothing behind', (code, words) => {
    const dir = tempDir();
    const file = olderDocument(dir);
    const before = sha256(file);
    failure.as = code;
    let error: unknown;
    try {
      openDocument(file, { create: false });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    const { message, wording } = error as ApiError;
    expect(message).toMatch(words);
    expect(message).not.toMatch(/SQLITE_|readonly database|database or disk is full/);
    expect(messageIn(message, wording, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    expect(readdirSync(dir)).toEqual(['older.throughline']);
    expect(sha256(file)).toBe(before);
  });
});
