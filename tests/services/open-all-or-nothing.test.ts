import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/backend/storage/migrations';
import { applyMigrations } from '../../electron/backend/storage/schema';
import type { DocumentInfo, MapDocument, MapSummary } from '../../shared/contract/api';
import { createNode } from '../../shared/model';
import { sha256, tempDir } from '../storage/helpers';
import { rowidlessMaps, triggers } from '../storage/hostile-documents';
import { writeChange } from '../storage/write-change';
import { temporaryBackend } from './temporary-backend';

const library = temporaryBackend('throughline-open-');
const { call, failure } = library;

/** Every file of a folder with its hash: equal means byte for byte as it was, nothing added. */
function folderState(dir: string): [string, string][] {
  return readdirSync(dir).map((name) => [name, sha256(join(dir, name))]);
}

describe('opening a document is all or nothing', () => {
  it('keeps the current document open and saving after a crafted file is refused', async () => {
    const kept = await call<MapSummary>('createMap', { name: 'Still here' });
    const dir = tempDir();
    for (const [name, craft] of [
      ['rowidless.throughline', rowidlessMaps],
      ['triggers.throughline', triggers],
    ] as const) {
      const file = join(dir, name);
      craft(file);
      const before = folderState(dir);
      expect(() => library.backend.documents.open(file)).toThrow(
        /Nothing in it was run\. The file was not changed\./,
      );
      expect(folderState(dir)).toEqual(before);
    }

    // The library is still the document, open, and takes saves.
    expect((await call<DocumentInfo>('documentInfo')).isLibrary).toBe(true);
    const map = await call<MapDocument>('loadMap', { mapId: kept.id });
    const saved = writeChange(library.backend.documents.repository, {
      mapId: kept.id,
      baseRevision: map.revision,
      upsertNodes: [createNode('goal', 'g1', 'Grow', { x: 0, y: 0 })],
      deleteNodeIds: [],
      upsertLinks: [],
      deleteLinkIds: [],
    });
    expect(saved.revision).toBe(map.revision + 1);
    expect((await call<MapSummary[]>('listMaps')).map((m) => m.name)).toEqual(['Still here']);
    expect((await failure('loadMap', { mapId: 'nope' })).code).toBe('not-found');
  });

  it('an older document uploaded is upgraded and opened, leaving no copy behind in documents/', async () => {
    const file = join(tempDir(), 'older.throughline');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, MIGRATIONS.slice(0, 2));
    db.prepare("INSERT INTO maps (id, name, created_at, updated_at) VALUES ('m1', 'Older', 'a', 'b')").run();
    db.close();
    const opened = await call<DocumentInfo>('uploadDocument', {
      fileName: 'older.throughline',
      base64: readFileSync(file).toString('base64'),
    });
    expect((await call<MapSummary[]>('listMaps')).map((m) => m.name)).toEqual(['Older']);
    // Beside it only what an open document has: its -wal and -shm, and its daily backups' folder.
    const name = basename(opened.path);
    expect(readdirSync(join(library.dir, 'documents')).sort()).toEqual(
      ['backups', name, `${name}-shm`, `${name}-wal`].sort(),
    );
  });
});
