import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { MIGRATIONS } from '../../electron/main/storage/migrations';
import { openDocument } from '../../electron/main/storage/open-document';
import { applyMigrations } from '../../electron/main/storage/schema';
import { sha256, tempDir } from './helpers';

// This build, as far as these tests know, has a third schema step that fails half way.
vi.mock('../../electron/main/storage/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/main/storage/migrations')>();
  return {
    MIGRATIONS: [
      ...real.MIGRATIONS,
      {
        id: real.MIGRATIONS.length + 1,
        name: 'fails-half-way',
        up: (db: Database.Database) => db.exec('CREATE TABLE half (x); SELECT * FROM nowhere'),
      },
    ],
  };
});

describe('a migration that fails', () => {
  it('leaves the document byte for byte as it was, with no backup copy and no -wal beside it', () => {
    const dir = tempDir();
    const file = join(dir, 'older.throughline');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, MIGRATIONS.slice(0, -1));
    db.prepare("INSERT INTO maps (id, name, created_at, updated_at) VALUES ('m1', 'Kept', 'a', 'b')").run();
    db.close();
    const before = sha256(file);
    expect(readdirSync(dir)).toEqual(['older.throughline']);

    expect(() => openDocument(file, { create: false })).toThrow(
      /could not be upgraded to this version's format \(no such table: nowhere\); it was left as it was\.$/,
    );
    expect(readdirSync(dir)).toEqual(['older.throughline']);
    expect(sha256(file)).toBe(before);
  });
});
