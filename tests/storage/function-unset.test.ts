import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/storage/schema';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapNode } from '../../shared/model/types';
import { changes, tempDir } from './helpers';
import { writeChange } from './write-change';

// Issue 13, point 4: a mechanism's function may be unset (null). Storage keeps the kind-specific
// fields as JSON in nodes.fields (no column per field, no NOT NULL), so no migration is needed:
// an unset function is stored as null, and rows written by older builds open as they were.

const openRepo = (file: string) => new MapRepository(openDocument(file, { create: true }));

const mechanism = (id: string, extra: Record<string, unknown> = {}): MapNode =>
  MapNodeSchema.parse({ id, kind: 'mechanism', title: `Mechanism ${id}`, ...extra });

describe('a mechanism function in the document', () => {
  it('keeps an unset function unset through save, close and reopen', () => {
    const file = join(tempDir(), 'unset.throughline');
    const repo = openRepo(file);
    const map = repo.createMap('Offsite');
    const nodes = [mechanism('m1'), mechanism('m2', { function: 'marketing' })];
    writeChange(repo, changes(map.id, 0, { upsertNodes: nodes }));
    repo.close();
    const reopened = openRepo(file);
    const loaded = reopened.loadMap(map.id).nodes;
    expect(loaded.map((n) => (n.kind === 'mechanism' ? n.function : 'n/a'))).toEqual([null, 'marketing']);
    reopened.close();
  });

  it('opens rows written by an older build: an explicit function stays, a missing one reads as unset', () => {
    const file = join(tempDir(), 'old.throughline');
    const repo = openRepo(file);
    const map = repo.createMap('Before issue 13');
    writeChange(repo, changes(map.id, 0, { upsertNodes: [mechanism('old'), mechanism('bare')] }));
    const db = repo.document.db;
    // What earlier builds wrote: every mechanism with its function spelt out ("operations" was the
    // default); and a row whose fields JSON lacks the key altogether.
    db.prepare("UPDATE nodes SET fields = ? WHERE id = 'old'").run(
      JSON.stringify({ function: 'operations', startDate: null, dueDate: null, status: 'planned' }),
    );
    db.prepare("UPDATE nodes SET fields = '{}' WHERE id = 'bare'").run();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    repo.close();
    const reopened = openRepo(file);
    const loaded = reopened.loadMap(map.id).nodes;
    expect(loaded.map((n) => (n.kind === 'mechanism' ? n.function : 'n/a'))).toEqual(['operations', null]);
    reopened.close();
  });
});
