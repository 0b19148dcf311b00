import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FOLDER,
  type BackupPolicy,
  backUpIfDue,
  backUpIfDueSync,
  backupFolderOf,
  createBackup,
  createBackupSync,
  listBackups,
  mapCountOf,
  rotateBackups,
  stageRestore,
} from '../../electron/backend/storage/backups';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { ApiError } from '../../shared/contract/errors';
import { createNode, type MapNode } from '../../shared/model';
import { changes, sampleLinks, sampleNodes, tempDir } from './helpers';
import { endlessMapsView } from './hostile-documents';
import { writeChange } from './write-change';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-03-01T09:00:00.000Z');

function policyAt(clock: { now: number }, keep = 7): BackupPolicy {
  return { keep, intervalMs: DAY, checkEveryMs: DAY / 24, now: () => new Date(clock.now) };
}

/** A document with two maps, left open (its last writes still in the WAL). */
function openWithMaps(dir: string, name = 'plan.throughline') {
  const file = join(dir, name);
  const repo = new MapRepository(openDocument(file, { create: true }));
  const a = repo.createMap('Growth', { nodes: sampleNodes(), links: sampleLinks() });
  const b = repo.createMap('增长计划');
  writeChange(repo, changes(b.id, 0, { upsertNodes: [createNode('goal', 'g', 'Grow', { x: 0, y: 0 })] }));
  return { file, repo, ids: [a.id, b.id] };
}

/** Opens a copy of a backup as the app would and returns its maps, so the backup itself is not touched. */
function mapsIn(backupPath: string, dir: string) {
  const copy = join(dir, `check-${Math.random().toString(36).slice(2)}.throughline`);
  copyFileSync(backupPath, copy);
  const repo = new MapRepository(openDocument(copy, { create: false }));
  try {
    return repo.listMaps().map((m) => ({ name: m.name, map: stripTimes(repo.loadMap(m.id)) }));
  } finally {
    repo.close();
  }
}

function stripTimes<T extends { updatedAt: string; createdAt: string }>(map: T) {
  const { updatedAt: _u, createdAt: _c, ...rest } = map;
  return rest;
}

function bigNodes(count: number): MapNode[] {
  return Array.from({ length: count }, (_, i) => ({
    ...createNode('mechanism', `n${i}`, `Mechanism ${i}`, { x: i, y: 0 }),
    description: `Detail ${i} `.repeat(200),
  }));
}

function journalMode(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('journal_mode', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('backups of an open document', () => {
  it('is a valid Throughline document with the same maps, one file in rollback mode, beside the document', async () => {
    const dir = tempDir();
    const { file, repo } = openWithMaps(dir);
    try {
      const entry = await createBackup(repo.document.db, file, new Date(T0));
      expect(entry.id).toBe('plan-2026-03-01T09-00-00.000Z.throughline');
      expect(entry.path).toBe(join(dir, BACKUP_FOLDER, entry.id));
      expect(entry.createdAt).toBe('2026-03-01T09:00:00.000Z');
      expect(entry.sizeBytes).toBeGreaterThan(0);
      expect(journalMode(entry.path)).toBe('delete');

      const original = repo.listMaps().map((m) => ({ name: m.name, map: stripTimes(repo.loadMap(m.id)) }));
      expect(mapsIn(entry.path, dir)).toEqual(original);
      expect(mapCountOf(entry.path)).toBe(2);
      // Reading a backup adds nothing beside it; the temporary name is gone.
      expect(readdirSync(backupFolderOf(file))).toEqual([entry.id]);

      const sync = createBackupSync(repo.document.db, file, new Date(T0 + 1000));
      expect(mapsIn(sync.path, dir)).toEqual(original);
      expect(journalMode(sync.path)).toBe('delete');
      expect(listBackups(file).map((b) => b.id)).toEqual([sync.id, entry.id]);
    } finally {
      repo.close();
    }
  });

  it('is consistent while the app keeps writing during the copy, and includes those writes', async () => {
    const dir = tempDir();
    const { file, repo, ids } = openWithMaps(dir);
    try {
      const [mapId] = ids as [string];
      let revision = writeChange(repo, changes(mapId, 0, { upsertNodes: bigNodes(1500) })).revision;
      const pages = repo.document.db.pragma('page_count', { simple: true }) as number;
      expect(pages).toBeGreaterThan(500); // several steps of the online backup (100 pages each)

      const backup = createBackup(repo.document.db, file, new Date(T0));
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        revision = writeChange(
          repo,
          changes(mapId, revision, {
            upsertNodes: [createNode('goal', `during${i}`, `Written during the backup ${i}`, { x: 0, y: 0 })],
          }),
        ).revision;
      }
      const entry = await backup;
      const db = new Database(entry.path, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.prepare('SELECT revision FROM maps WHERE id = ?').pluck().get(mapId)).toBe(revision);
        expect(db.prepare("SELECT count(*) FROM nodes WHERE id LIKE 'during%'").pluck().get()).toBe(3);
      } finally {
        db.close();
      }
    } finally {
      repo.close();
    }
  });

  it('leaves no partial file when the copy cannot finish', async () => {
    const dir = tempDir();
    const { file, repo, ids } = openWithMaps(dir);
    writeChange(repo, changes(ids[0] as string, 0, { upsertNodes: bigNodes(1500) }));
    const backup = createBackup(repo.document.db, file, new Date(T0));
    await new Promise((resolve) => setImmediate(resolve));
    repo.close(); // the document switched or the app quit mid-copy
    await expect(backup).rejects.toThrow();
    expect(readdirSync(backupFolderOf(file))).toEqual([]);
  });
});

describe('automatic backups: once a day, the last N kept', () => {
  it('backs up at most once per day, and never a document without maps', async () => {
    const dir = tempDir();
    const empty = new MapRepository(openDocument(join(dir, 'empty.throughline'), { create: true }));
    const clock = { now: T0 };
    expect(await backUpIfDue(empty.document.db, empty.document.path, policyAt(clock))).toBeNull();
    expect(backUpIfDueSync(empty.document.db, empty.document.path, policyAt(clock))).toBeNull();
    empty.close();

    const { file, repo } = openWithMaps(dir);
    try {
      const first = await backUpIfDue(repo.document.db, file, policyAt(clock));
      expect(first?.createdAt).toBe(new Date(T0).toISOString());
      clock.now = T0 + DAY - 1;
      expect(await backUpIfDue(repo.document.db, file, policyAt(clock))).toBeNull();
      expect(backUpIfDueSync(repo.document.db, file, policyAt(clock))).toBeNull();
      clock.now = T0 + DAY;
      expect(backUpIfDueSync(repo.document.db, file, policyAt(clock))?.createdAt).toBe(
        new Date(T0 + DAY).toISOString(),
      );
      expect(listBackups(file)).toHaveLength(2);
      expect(readdirSync(dir).filter((f) => f.startsWith('empty'))).toEqual(['empty.throughline']);
    } finally {
      repo.close();
    }
  });

  it('keeps only the newest N backups of the document and leaves other files alone', async () => {
    const dir = tempDir();
    const { file, repo } = openWithMaps(dir);
    const folder = backupFolderOf(file);
    try {
      const clock = { now: T0 };
      for (let day = 0; day < 10; day++) {
        clock.now = T0 + day * DAY;
        expect(await backUpIfDue(repo.document.db, file, policyAt(clock, 7))).not.toBeNull();
      }
      // Another document's backup and a stray file share the folder.
      writeFileSync(join(folder, 'plan-2-2026-01-01T00-00-00.000Z.throughline'), 'other document');
      writeFileSync(join(folder, 'notes.txt'), 'mine');
      const kept = listBackups(file);
      expect(kept).toHaveLength(7);
      expect(kept[0]?.createdAt).toBe(new Date(T0 + 9 * DAY).toISOString());
      expect(kept[6]?.createdAt).toBe(new Date(T0 + 3 * DAY).toISOString());

      expect(rotateBackups(file, 2)).toHaveLength(5);
      expect(readdirSync(folder).sort()).toEqual(
        [
          ...kept.slice(0, 2).map((b) => b.id),
          'notes.txt',
          'plan-2-2026-01-01T00-00-00.000Z.throughline',
        ].sort(),
      );
    } finally {
      repo.close();
    }
  });
});

describe('preparing a restore', () => {
  it('stages a backup as an openable document and refuses a damaged one, leaving nothing behind', async () => {
    const dir = tempDir();
    const { file, repo } = openWithMaps(dir);
    try {
      const entry = await createBackup(repo.document.db, file, new Date(T0));
      const staged = stageRestore(entry.path, file);
      expect(
        mapsIn(staged, dir)
          .map((m) => m.name)
          .sort(),
      ).toEqual(['Growth', '增长计划']);

      const junk = join(backupFolderOf(file), 'plan-2026-01-01T00-00-00.000Z.throughline');
      writeFileSync(junk, 'not a database at all, but long enough to look like a header'.repeat(4));
      expect(mapCountOf(junk)).toBeNull();
      let error: unknown;
      try {
        stageRestore(junk, file);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('invalid-file');
      expect((error as ApiError).message).toContain('plan-2026-01-01T00-00-00.000Z.throughline');
      expect(existsSync(`${file}.restoring-${process.pid}`)).toBe(false);

      const other = new Database(join(dir, 'other.db'));
      other.exec('CREATE TABLE maps (id TEXT)');
      other.close();
      expect(mapCountOf(join(dir, 'other.db'))).toBeNull();

      // A Throughline-looking file among the backups whose maps are an endless view is passed over
      // at once, not counted (counting it would never return).
      const endless = join(backupFolderOf(file), 'plan-2026-01-02T00-00-00.000Z.throughline');
      endlessMapsView(endless);
      expect(mapCountOf(endless)).toBeNull();
      expect(mapCountOf(entry.path)).toBe(2);
    } finally {
      repo.close();
    }
  });
});
