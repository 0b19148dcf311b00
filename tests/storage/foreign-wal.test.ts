import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { ApiError } from '../../shared/contract/errors';
import { sha256, tempDir } from './helpers';
import { foreignWal, soundDocument } from './hostile-documents';

function folderState(dir: string): [string, string][] {
  return readdirSync(dir).map((name) => [name, sha256(join(dir, name))]);
}

function expectWalRefused(file: string, reason: RegExp): void {
  const dir = join(file, '..');
  const before = folderState(dir);
  let error: unknown;
  try {
    openDocument(file, { create: false }).close();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).message).toMatch(reason);
  expect((error as ApiError).message).toMatch(/Move that "-wal" file away .*The file was not changed\.$/);
  expect(folderState(dir)).toEqual(before);
}

describe('a -wal beside a document', () => {
  it('is refused when it was written by a database with another page size', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.throughline');
    soundDocument(file);
    foreignWal(
      `${file}-wal`,
      join(tempDir(), 'other.db'),
      (db) => db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')"),
      8192,
    );
    expectWalRefused(file, /belongs to another database \(its page size is 8192, the document's is 4096\)/);
  });

  it('is refused when its page 1 is another program’s database', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.throughline');
    soundDocument(file);
    foreignWal(`${file}-wal`, join(tempDir(), 'other.db'), (db) => {
      db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
    });
    expectWalRefused(file, /belongs to another database \(its application id differs\)/);
  });

  it('is refused when it is another Throughline document’s, older than this one', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.throughline');
    soundDocument(file, 5); // five commits: its change counter is past a new document's
    foreignWal(`${file}-wal`, join(tempDir(), 'other.throughline'), (db) => {
      db.pragma('application_id = 0x54484c4e');
      db.exec('CREATE TABLE t (x)');
    });
    expectWalRefused(file, /is older than the document/);
  });

  it('is folded in when it is the document’s own (left by a crash)', () => {
    const dir = tempDir();
    const live = join(tempDir(), 'live.throughline');
    soundDocument(live);
    const repo = new MapRepository(openDocument(live, { create: false }));
    repo.document.db.pragma('wal_autocheckpoint = 0');
    repo.createMap('Only in the WAL');
    const file = join(dir, 'plan.throughline');
    copyFileSync(live, file);
    copyFileSync(`${live}-wal`, `${file}-wal`);
    repo.close();

    const reopened = new MapRepository(openDocument(file, { create: false }));
    expect(reopened.listMaps().map((m) => m.name)).toEqual(['Only in the WAL', 'Plan']);
    reopened.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
