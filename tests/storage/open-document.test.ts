import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { MIGRATIONS } from '../../electron/backend/storage/migrations';
import { openDocument } from '../../electron/backend/storage/open-document';
import {
  applyMigrations,
  LATEST_SCHEMA_VERSION,
  THROUGHLINE_APPLICATION_ID,
} from '../../electron/backend/storage/schema';
import { ApiError } from '../../shared/contract/errors';
import type { MapNode } from '../../shared/model';
import { changes, sampleLinks, sampleNodes, sha256, tempDir } from './helpers';
import { writeChange } from './write-change';

/** A Throughline document at the latest version with one map in it, closed cleanly. */
function makeDocument(file: string, nodes: MapNode[] = sampleNodes()): string {
  const repo = new MapRepository(openDocument(file, { create: true }));
  const map = repo.createMap('Plan', { nodes, links: sampleLinks() });
  repo.close();
  return map.id;
}

/** Opening must fail with 'invalid-file', name the file, and leave every byte as it was. */
function expectRefused(file: string, reason: RegExp): ApiError {
  const before = sha256(file);
  let error: unknown;
  try {
    openDocument(file, { create: true }).close();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ApiError);
  const apiError = error as ApiError;
  expect(apiError.code).toBe('invalid-file');
  expect(apiError.message).toContain(file);
  expect(apiError.message).toMatch(reason);
  expect(sha256(file)).toBe(before);
  return apiError;
}

function pragmas(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      applicationId: db.pragma('application_id', { simple: true }),
      userVersion: db.pragma('user_version', { simple: true }),
      integrity: db.pragma('integrity_check', { simple: true }),
      tables: db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all(),
      mapColumns: db.prepare("SELECT name FROM pragma_table_info('maps')").pluck().all(),
    };
  } finally {
    db.close();
  }
}

describe('openDocument', () => {
  it('creates a new document and its folder, marked as Throughline at the latest schema', () => {
    const file = join(tempDir(), 'nested', 'deeper', 'new.throughline');
    const doc = openDocument(file, { create: true });
    expect(doc.openedAtVersion).toBe(0);
    expect(doc.backupPath).toBeNull();
    expect(doc.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(doc.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(doc.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(doc.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    doc.close();
    expect(pragmas(file)).toMatchObject({
      applicationId: THROUGHLINE_APPLICATION_ID,
      userVersion: LATEST_SCHEMA_VERSION,
      integrity: 'ok',
      tables: [
        'checkins',
        'links',
        'map_leases',
        'map_room_updates',
        'map_rooms',
        'map_versions',
        'maps',
        'nodes',
        'schema_migrations',
      ],
    });
  });

  it('reopens a current document without a backup, and answers not-found for a missing file', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.throughline');
    makeDocument(file);
    const doc = openDocument(file, { create: false });
    expect(doc.openedAtVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(doc.backupPath).toBeNull();
    doc.close();
    expect(readdirSync(dir).filter((f) => f.includes('.backup-'))).toEqual([]);

    const missing = join(dir, 'missing.throughline');
    expect(() => openDocument(missing, { create: false })).toThrowError(
      expect.objectContaining({ code: 'not-found' }),
    );
    expect(existsSync(missing)).toBe(false);
  });

  it('opens an up-to-date document that another program is writing, without waiting on its lock', () => {
    const dir = tempDir();
    const file = join(dir, 'busy.throughline');
    makeDocument(file);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let repo: MapRepository | undefined;
    try {
      const started = Date.now();
      repo = new MapRepository(openDocument(file, { create: false }));
      expect(repo.listMaps().map((m) => m.name)).toEqual(['Plan']);
      // It used to take the write lock for a no-op "upgrade", wait out the 5 s busy timeout and fail.
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      repo?.close();
    }
  });

  it('takes an empty file (as a Save As dialog leaves) as a new document', () => {
    const file = join(tempDir(), 'empty.throughline');
    writeFileSync(file, '');
    const doc = openDocument(file, { create: false });
    expect(doc.backupPath).toBeNull();
    expect(doc.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    doc.close();
  });

  it('migrates a version-1 document after backing it up, keeping its data', () => {
    const dir = tempDir();
    const file = join(dir, 'old.throughline');
    const v1 = new Database(file);
    v1.pragma('journal_mode = WAL');
    expect(applyMigrations(v1, MIGRATIONS.slice(0, 1))).toBe(1);
    v1.prepare(
      "INSERT INTO maps VALUES ('map1', 'Old plan', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z')",
    ).run();
    const insertNode = v1.prepare('INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const [i, n] of sampleNodes().entries()) {
      const { id, kind, title, description, owner, position, ...fields } = n;
      insertNode.run(
        'map1',
        id,
        kind,
        title,
        description,
        owner,
        position.x,
        position.y,
        JSON.stringify(fields),
        i,
      );
    }
    const insertLink = v1.prepare('INSERT INTO links VALUES (?, ?, ?, ?, ?)');
    for (const [i, l] of sampleLinks().entries()) insertLink.run('map1', l.id, l.source, l.target, i);
    v1.close();
    const v1Hash = sha256(file);
    expect(pragmas(file)).toMatchObject({
      userVersion: 1,
      mapColumns: ['id', 'name', 'created_at', 'updated_at'],
    });

    const doc = openDocument(file, { create: false });
    expect(doc.openedAtVersion).toBe(1);
    expect(doc.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(doc.backupPath).toMatch(/old\.throughline\.backup-v1-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    const repo = new MapRepository(doc);
    expect(repo.loadMap('map1')).toEqual({
      id: 'map1',
      name: 'Old plan',
      revision: 0,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-02-01T00:00:00.000Z',
      nodes: sampleNodes(),
      links: sampleLinks(),
      checkins: [],
    });
    expect(writeChange(repo, changes('map1', 0, { deleteNodeIds: ['k1'] }))).toEqual({ revision: 1 });
    expect(doc.db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all()).toEqual([
      { id: 1, name: 'initial' },
      { id: 2, name: 'map-revision-and-viewport' },
      { id: 3, name: 'map-leases' },
      { id: 4, name: 'maps-by-update' },
      { id: 5, name: 'map-rooms' },
      { id: 6, name: 'checkins' },
      { id: 7, name: 'map-versions' },
    ]);
    repo.close();

    const backup = doc.backupPath as string;
    expect(sha256(backup)).toBe(v1Hash);
    expect(pragmas(backup)).toMatchObject({
      applicationId: THROUGHLINE_APPLICATION_ID,
      userVersion: 1,
      integrity: 'ok',
      mapColumns: ['id', 'name', 'created_at', 'updated_at'],
    });
    expect(pragmas(file)).toMatchObject({ userVersion: LATEST_SCHEMA_VERSION, integrity: 'ok' });
  });

  it('runs pending migrations all or nothing', () => {
    const db = new Database(join(tempDir(), 'half.throughline'));
    const failing = {
      id: 2,
      name: 'broken',
      up: () => db.exec('CREATE TABLE oops (x); SELECT * FROM nowhere'),
    };
    expect(() => applyMigrations(db, [MIGRATIONS[0] as (typeof MIGRATIONS)[number], failing])).toThrow(
      /nowhere/,
    );
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    expect(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()).toBe(0);
    db.close();
  });

  describe('refuses without changing a byte', () => {
    it('a file that is not a database', () => {
      const file = join(tempDir(), 'noise.throughline');
      writeFileSync(file, randomBytes(64 * 1024));
      expectRefused(file, /not a Throughline document.*not a database file/);
    });

    it('a text file shorter than a database header', () => {
      const file = join(tempDir(), 'notes.throughline');
      writeFileSync(file, 'hello');
      expectRefused(file, /not a Throughline document/);
    });

    it('the SQLite database of another program', () => {
      const file = join(tempDir(), 'other.db');
      const db = new Database(file);
      db.exec(
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('Ada')",
      );
      db.close();
      expectRefused(file, /not a Throughline document \(it is a database of another program\)/);
      expect(pragmas(file).tables).toEqual(['contacts']);
    });

    it('a document made by a newer version', () => {
      const file = join(tempDir(), 'future.throughline');
      makeDocument(file);
      const db = new Database(file);
      db.pragma('user_version = 99');
      db.close();
      expectRefused(
        file,
        new RegExp(
          `made by a newer version of Throughline \\(schema version 99; this version reads up to ${LATEST_SCHEMA_VERSION}\\)`,
        ),
      );
    });

    it('a damaged document that fails the integrity check', () => {
      const file = join(tempDir(), 'damaged.throughline');
      const nodes = Array.from(
        { length: 3000 },
        (_, i): MapNode => ({
          ...(sampleNodes()[2] as MapNode),
          id: `node-${i}`,
          description: `mechanism number ${i} `.repeat(5),
        }),
      );
      makeDocument(file, nodes);
      // Scramble one leaf page in the middle of the node index: the header and schema stay readable,
      // so this is damage only the integrity check finds, not "file is not a database".
      const db = new Database(file, { readonly: true });
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      const pages = db
        .prepare(
          "SELECT pageno FROM dbstat WHERE name = 'sqlite_autoindex_nodes_1' AND pagetype = 'leaf' ORDER BY pageno",
        )
        .pluck()
        .all() as number[];
      db.close();
      expect(pages.length).toBeGreaterThan(3);
      const page = pages[Math.floor(pages.length / 2)] as number;
      const fd = openSync(file, 'r+');
      writeSync(fd, randomBytes(pageSize - 200), 0, pageSize - 200, (page - 1) * pageSize + 100);
      closeSync(fd);

      const check = new Database(file, { readonly: true });
      expect(check.pragma('application_id', { simple: true })).toBe(THROUGHLINE_APPLICATION_ID);
      expect(check.pragma('integrity_check', { simple: true })).not.toBe('ok');
      check.close();
      expectRefused(file, /damaged: SQLite's integrity check failed/);
    });

    it('a document whose migration history is not a prefix of the known one', () => {
      const file = join(tempDir(), 'forked.throughline');
      makeDocument(file);
      const db = new Database(file);
      db.prepare("UPDATE schema_migrations SET name = 'someone-elses-step' WHERE id = 2").run();
      db.close();
      expectRefused(file, /schema step 2 "someone-elses-step" is not one this version of Throughline knows/);
    });

    it('a document whose schema version disagrees with its migration history', () => {
      const file = join(tempDir(), 'skewed.throughline');
      makeDocument(file);
      const db = new Database(file);
      db.prepare('DELETE FROM schema_migrations WHERE id = ?').run(LATEST_SCHEMA_VERSION);
      db.close();
      expectRefused(
        file,
        new RegExp(`schema version ${LATEST_SCHEMA_VERSION} does not match its recorded schema steps`),
      );
    });
  });
});
