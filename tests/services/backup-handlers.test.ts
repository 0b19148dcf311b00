import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { backupFolderOf } from '../../electron/backend/storage/backups';
import type { Backup, DocumentInfo, MapDocument, MapSummary } from '../../shared/contract/api';
import { createNode } from '../../shared/model';
import { changes } from '../storage/helpers';
import { writeChange } from '../storage/write-change';

const DAY = 24 * 60 * 60 * 1000;

let dir: string;
let library: string;
let backend: PlanBackend;
const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const clock = { now: T0 };

function start(): PlanBackend {
  return openPlanBackend({
    libraryPath: library,
    stateDir: dir,
    backups: { now: () => new Date(clock.now) },
  });
}

beforeEach(() => {
  clock.now = T0;
  dir = mkdtempSync(join(tmpdir(), 'throughline-backup-handlers-'));
  library = join(dir, 'library.throughline');
  backend = start();
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, payload: unknown = {}): Promise<T> {
  const response = await backend.registry.dispatch(method, payload);
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

async function failure(method: string, payload: unknown = {}) {
  const response = await backend.registry.dispatch(method, payload);
  if (response.ok) throw new Error(`${method} should have failed`);
  return response.error;
}

/** A map with one goal, saved; then the app restarts, which makes the day's backup. */
async function backedUpMap(): Promise<string> {
  const map = await call<MapSummary>('createMap', { name: 'Growth' });
  writeChange(backend.documents.repository, {
    ...changes(map.id, 0),
    upsertNodes: [createNode('goal', 'g', 'Before', { x: 0, y: 0 })],
  });
  backend.close();
  backend = start();
  await backend.documents.backups.settled();
  return map.id;
}

async function titles(mapId: string): Promise<string[]> {
  return (await call<MapDocument>('loadMap', { mapId })).nodes.map((n) => n.title);
}

/** Everything a bad restore must leave as it was. */
async function snapshot(mapId: string) {
  return {
    maps: await call<MapSummary[]>('listMaps'),
    map: await call<MapDocument>('loadMap', { mapId }),
    backups: await call<Backup[]>('listBackups'),
    files: readdirSync(dir).sort(),
    info: await call<DocumentInfo>('documentInfo'),
  };
}

describe('listBackups and restoreBackup', () => {
  it('lists nothing for a new library, and the day’s backup, with its maps, once there is work in it', async () => {
    expect(await call('listBackups')).toEqual([]);
    await backedUpMap();
    const backups = await call<Backup[]>('listBackups');
    expect(backups).toEqual([
      {
        id: 'library-2026-03-02T08-00-00.000Z.throughline',
        fileName: 'library-2026-03-02T08-00-00.000Z.throughline',
        createdAt: '2026-03-02T08:00:00.000Z',
        sizeBytes: expect.any(Number),
        mapCount: 1,
      },
    ]);
  });

  it('restores a backup after backing up the current state, and the restored document takes edits', async () => {
    const mapId = await backedUpMap();
    const [backup] = await call<Backup[]>('listBackups');
    writeChange(backend.documents.repository, {
      ...changes(mapId, 1),
      upsertNodes: [createNode('goal', 'g', 'After', { x: 0, y: 0 })],
    });
    await call('createMap', { name: 'Made after the backup' });

    clock.now += 60_000;
    const info = await call<DocumentInfo>('restoreBackup', { id: backup?.id });
    expect(info).toMatchObject({ path: library, isLibrary: true });
    expect((await call<MapSummary[]>('listMaps')).map((m) => m.name)).toEqual(['Growth']);
    expect(await titles(mapId)).toEqual(['Before']);

    // The state it replaced is a backup of its own, newest first, so the restore can be undone.
    const after = await call<Backup[]>('listBackups');
    expect(after.map((b) => b.mapCount)).toEqual([2, 1]);
    const undo = await call<DocumentInfo>('restoreBackup', { id: after[0]?.id });
    expect(undo.path).toBe(library);
    expect(await titles(mapId)).toEqual(['After']);

    const map = await call<MapDocument>('loadMap', { mapId });
    writeChange(backend.documents.repository, {
      ...changes(mapId, map.revision),
      upsertNodes: [createNode('goal', 'g', 'Edited after restoring', { x: 0, y: 0 })],
    });
    expect(await titles(mapId)).toEqual(['Edited after restoring']);
    expect(readdirSync(dir).filter((f) => f.includes('.restoring-'))).toEqual([]);
  });

  it('refuses ids that are not among the backups (paths included) and changes nothing', async () => {
    const mapId = await backedUpMap();
    // Another document's backup sits in the same folder.
    writeFileSync(join(backupFolderOf(library), 'other-2026-01-01T00-00-00.000Z.throughline'), 'x');
    const before = await snapshot(mapId);
    for (const id of [
      'library-2020-01-01T00-00-00.000Z.throughline',
      'other-2026-01-01T00-00-00.000Z.throughline',
      '../library.throughline',
      library,
      join(backupFolderOf(library), before.backups[0]?.id ?? ''),
      'library.throughline',
    ]) {
      expect((await failure('restoreBackup', { id })).code, id).toBe('not-found');
    }
    for (const payload of [{ id: '' }, {}, { id: 7 }, { id: 'x'.repeat(256) }]) {
      expect((await failure('restoreBackup', payload)).code).toBe('invalid-payload');
    }
    expect(await snapshot(mapId)).toEqual(before);
  });

  it('refuses a damaged backup and a file another program holds open, leaving the document open and as it was', async () => {
    const mapId = await backedUpMap();
    const [good] = await call<Backup[]>('listBackups');
    const damaged = 'library-2026-03-01T08-00-00.000Z.throughline';
    writeFileSync(join(backupFolderOf(library), damaged), 'SQLite format 3\0'.padEnd(4096, 'x'));
    const before = await snapshot(mapId);
    expect(before.backups.map((b) => b.id)).toEqual([good?.id]); // a damaged file is not listed
    expect((await failure('restoreBackup', { id: damaged })).code).toBe('invalid-file');
    expect(await snapshot(mapId)).toEqual(before);

    const other = new Database(library);
    try {
      other.prepare('SELECT count(*) FROM maps').get();
      clock.now += 1_000;
      const busy = await failure('restoreBackup', { id: good?.id });
      expect(busy.code).toBe('storage-failed');
      expect(busy.message).toContain('in use by another program');
    } finally {
      other.close();
    }
    expect(await titles(mapId)).toEqual(['Before']);
    expect(existsSync(`${library}.restoring-${process.pid}`)).toBe(false);
    writeChange(backend.documents.repository, {
      ...changes(mapId, 1),
      upsertNodes: [createNode('goal', 'g', 'Still writable', { x: 0, y: 0 })],
    });
    expect(await titles(mapId)).toEqual(['Still writable']);
  });

  it('backs up a document left open for days, checking every hour', async () => {
    await backedUpMap();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      backend.close();
      backend = start(); // its hourly check runs on the fake clock
      await backend.documents.backups.settled();
      expect(await call<Backup[]>('listBackups')).toHaveLength(1);
      clock.now += DAY - 1;
      vi.advanceTimersByTime(60 * 60 * 1000);
      await backend.documents.backups.settled();
      expect(await call<Backup[]>('listBackups')).toHaveLength(1);
      clock.now += 1;
      vi.advanceTimersByTime(60 * 60 * 1000);
      await backend.documents.backups.settled();
      const backups = await call<Backup[]>('listBackups');
      expect(backups.map((b) => b.createdAt)).toEqual([
        new Date(clock.now).toISOString(),
        new Date(T0).toISOString(),
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('backs up on a clean close when the day’s backup is missing, and keeps the last seven', async () => {
    await backedUpMap();
    for (let day = 1; day <= 9; day++) {
      clock.now += DAY;
      backend.close(); // the close makes the day's backup
      backend = start(); // so the open finds one less than a day old and makes none
      await backend.documents.backups.settled();
    }
    const backups = await call<Backup[]>('listBackups');
    expect(backups).toHaveLength(7);
    expect(backups[0]?.createdAt).toBe(new Date(clock.now).toISOString());
  });
});
