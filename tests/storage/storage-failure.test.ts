import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import {
  STORAGE_MESSAGES,
  storageFailure,
  storageProblemOf,
} from '../../electron/backend/storage/storage-errors';
import type { ApiResponse, MapDocument, MapSummary } from '../../shared/contract';
import { serializeInterchange } from '../../shared/interchange';
import { createNode, type MapNode } from '../../shared/model';
import { changes, tempDir } from './helpers';
import { writeChange } from './write-change';

// Tests may run as root (CI containers), where chmod does not stop a write. So the failures are
// made inside SQLite instead, on the very connection the app writes through: a page limit gives
// a real SQLITE_FULL, `query_only` a real SQLITE_READONLY. Both are lifted again the same way.

let backend: PlanBackend | undefined;
afterEach(() => {
  backend?.close();
  backend = undefined;
});

async function call<T>(method: string, payload: unknown): Promise<ApiResponse<T>> {
  return (await (backend as PlanBackend).registry.dispatch(method, payload)) as ApiResponse<T>;
}

async function value<T>(method: string, payload: unknown): Promise<T> {
  const response = await call<T>(method, payload);
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value;
}

/** A few nodes with long descriptions: far more pages than a page limit at the current size allows. */
function bigNodes(prefix: string, count: number): MapNode[] {
  return Array.from({ length: count }, (_, i) => ({
    ...createNode('goal', `${prefix}${i}`, `Goal ${prefix}${i}`, { x: i * 10, y: 0 }),
    description: `${prefix}${i} `.repeat(1_000).slice(0, 4_000),
  }));
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

async function seededBackend() {
  const dir = tempDir();
  const file = join(dir, 'library.throughline');
  backend = openPlanBackend({ libraryPath: file, stateDir: dir });
  const map = await value<MapSummary>('createMap', { name: 'Plan' });
  writeChange(backend.documents.repository, {
    ...changes(map.id, 0),
    upsertNodes: [createNode('goal', 'g', 'Grow', { x: 0, y: 0 })],
  });
  return { file, map, db: backend.documents.database.db };
}

describe('a write the disk refuses', () => {
  it('disk full (SQLITE_FULL): a plain typed error, nothing written, the file intact, and the retried save lands', async () => {
    const { file, map, db } = await seededBackend();
    // A map's content changes in its room (tests/room/store-in-room.test.ts has that path of
    // disk full); an import is the contract's write that carries the most.
    const nodes = bigNodes('n', 20);
    const save = { text: serializeInterchange('Imported', { nodes, links: [] }) };

    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const refused = await call('importMapJson', save);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'storage-failed',
        message: STORAGE_MESSAGES.full,
        wording: { reason: 'storage-full', params: {} },
      },
    });
    expect(db.inTransaction).toBe(false);
    expect(integrity(file)).toBe('ok');
    const before = await value<MapDocument>('loadMap', { mapId: map.id });
    expect(before.revision).toBe(1);
    expect(before.nodes.map((n) => n.id)).toEqual(['g']);

    expect(await value<MapSummary[]>('listMaps', {})).toHaveLength(1);

    // Space again: the same import goes through.
    db.pragma('max_page_count = 1073741823');
    const imported = await value<MapSummary>('importMapJson', save);
    backend?.close();
    backend = undefined;

    expect(integrity(file)).toBe('ok');
    const repo = new MapRepository(openDocument(file, { create: false }));
    try {
      const after = repo.loadMap(imported.id);
      expect(after.nodes.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
      expect(repo.loadMap(map.id).revision).toBe(1);
    } finally {
      repo.close();
    }
  });

  it('read-only (SQLITE_READONLY): a plain typed error for every kind of write, and writes resume once it is writable', async () => {
    const { file, map, db } = await seededBackend();
    db.pragma('query_only = ON');
    const attempts: [string, unknown][] = [
      ['importMapJson', { text: serializeInterchange('Imported', { nodes: bigNodes('r', 2), links: [] }) }],
      ['createMap', { name: 'Another' }],
      ['renameMap', { mapId: map.id, name: 'Renamed' }],
      ['deleteMap', { mapId: map.id }],
    ];
    for (const [method, payload] of attempts) {
      expect(await call(method, payload)).toEqual({
        ok: false,
        error: {
          code: 'storage-failed',
          message: STORAGE_MESSAGES.readOnly,
          wording: { reason: 'storage-read-only', params: {} },
        },
      });
    }
    expect(integrity(file)).toBe('ok');
    expect((await value<MapSummary[]>('listMaps', {})).map((m) => m.name)).toEqual(['Plan']);

    db.pragma('query_only = OFF');
    expect((await value<MapSummary>('importMapJson', attempts[0]?.[1])).nodeCount).toBe(2);
    expect(integrity(file)).toBe('ok');
  });
});

describe('storageFailure', () => {
  it('names SQLite and file-system codes in plain words, and leaves other errors alone', () => {
    const withCode = (code: string) => Object.assign(new Error('x'), { code });
    expect(storageProblemOf(withCode('SQLITE_FULL'))).toBe('full');
    expect(storageProblemOf(withCode('SQLITE_IOERR_NOSPC'))).toBe('full');
    expect(storageProblemOf(withCode('ENOSPC'))).toBe('full');
    expect(storageProblemOf(withCode('SQLITE_READONLY_DBMOVED'))).toBe('readOnly');
    expect(storageProblemOf(withCode('EROFS'))).toBe('readOnly');
    expect(storageProblemOf(withCode('EACCES'))).toBe('readOnly');
    expect(storageProblemOf(withCode('SQLITE_BUSY'))).toBe('busy');
    expect(storageProblemOf(withCode('SQLITE_IOERR_WRITE'))).toBe('io');
    expect(storageProblemOf(withCode('SQLITE_CONSTRAINT_PRIMARYKEY'))).toBeNull();
    expect(storageProblemOf(new Error('no code'))).toBeNull();
    expect(storageProblemOf(null)).toBeNull();
    expect(storageFailure(withCode('SQLITE_FULL'))?.toShape()).toEqual({
      code: 'storage-failed',
      message: STORAGE_MESSAGES.full,
      wording: { reason: 'storage-full', params: {} },
    });
  });
});
