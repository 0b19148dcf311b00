import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { ApiError } from '../../shared/contract/errors';
import type { MapNode } from '../../shared/model';
import { changes, sampleLinks, sampleNodes, tempDir } from './helpers';
import { writeChange } from './write-change';

function openRepo(file: string): MapRepository {
  return new MapRepository(openDocument(file, { create: true }));
}

function apiError(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

/** Records every row the connection writes to nodes and links, through temporary triggers. */
function recordWrites(repo: MapRepository): () => string[] {
  const db = repo.document.db;
  db.exec('CREATE TEMP TABLE touched (what TEXT)');
  for (const table of ['nodes', 'links']) {
    for (const [op, row] of [
      ['INSERT', 'new'],
      ['UPDATE', 'new'],
      ['DELETE', 'old'],
    ] as const) {
      db.exec(`CREATE TEMP TRIGGER touched_${table}_${op} AFTER ${op} ON main.${table}
               BEGIN INSERT INTO touched VALUES ('${op.toLowerCase()} ${table} ' || ${row}.id); END`);
    }
  }
  return () => {
    const rows = db.prepare('SELECT what FROM touched ORDER BY rowid').pluck().all() as string[];
    db.exec('DELETE FROM touched');
    return rows;
  };
}

describe('MapRepository', () => {
  it('round-trips a map of goals, mechanisms, metrics and links through close and reopen', () => {
    const file = join(tempDir(), 'plan.throughline');
    const repo = openRepo(file);
    const map = repo.createMap('Strategy 2026');
    const nodes = sampleNodes();
    const links = sampleLinks();
    expect(writeChange(repo, changes(map.id, 0, { upsertNodes: nodes, upsertLinks: links }))).toEqual({
      revision: 1,
    });
    repo.close();

    const reopened = openRepo(file);
    const doc = reopened.loadMap(map.id);
    expect(doc).toEqual({
      id: map.id,
      name: 'Strategy 2026',
      revision: 1,
      createdAt: map.createdAt,
      updatedAt: expect.any(String),
      nodes,
      links,
      checkins: [],
    });
    expect(doc.updatedAt > map.updatedAt).toBe(true);
    expect(reopened.listMaps()).toEqual([expect.objectContaining({ id: map.id, nodeCount: 5 })]);
    reopened.close();
  });

  it('keeps nodes and links in their stored order, new ones after older ones', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    const [a, b, c] = sampleNodes() as [MapNode, MapNode, MapNode];
    const map = repo.createMap('Order', { nodes: [c, a], links: [] });
    writeChange(repo, changes(map.id, 0, { upsertNodes: [b, { ...c, title: 'edited' }] }));
    expect(repo.loadMap(map.id).nodes.map((n) => n.id)).toEqual([c.id, a.id, b.id]);
    repo.close();
  });

  it('writes only the rows a save names, and nothing for an upsert that changes nothing', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    const nodes = sampleNodes();
    const map = repo.createMap('Incremental', { nodes, links: sampleLinks() });
    const writes = recordWrites(repo);

    const [g1, , m1] = nodes as [MapNode, MapNode, MapNode];
    const unchanged = nodes[4] as MapNode;
    writeChange(
      repo,
      changes(map.id, 0, {
        upsertNodes: [{ ...g1, title: 'Grow ARR' }, { ...m1, position: { x: 5, y: 205 } }, unchanged],
        upsertLinks: [{ id: 'l5', source: 'g1', target: 'm1' }],
        deleteLinkIds: ['l1'],
      }),
    );
    expect(writes().sort()).toEqual([
      'delete links l1',
      'insert links l5',
      'update nodes g1',
      'update nodes m1',
    ]);

    writeChange(repo, changes(map.id, 1, { upsertNodes: [{ ...g1, title: 'Grow ARR' }] }));
    expect(writes()).toEqual([]);
    expect(repo.loadMap(map.id).revision).toBe(2);
    repo.close();
  });

  it('refuses a save based on an old revision and writes nothing', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    const map = repo.createMap('Conflict', { nodes: sampleNodes(), links: sampleLinks() });
    writeChange(repo, changes(map.id, 0, { deleteLinkIds: ['l4'] }));
    const before = repo.loadMap(map.id);

    const stale = changes(map.id, 0, {
      upsertNodes: [{ ...(sampleNodes()[0] as MapNode), title: 'stale edit' }],
      deleteNodeIds: ['k1'],
      deleteLinkIds: ['l1'],
    });
    const error = apiError(() => writeChange(repo, stale));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/revision 1/);
    expect(repo.loadMap(map.id)).toEqual(before);
    repo.close();
  });

  it('deletes the links touching a deleted node, and only those', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    const map = repo.createMap('Delete', { nodes: sampleNodes(), links: sampleLinks() });
    writeChange(repo, changes(map.id, 0, { deleteNodeIds: ['g2'] }));
    const doc = repo.loadMap(map.id);
    expect(doc.nodes.map((n) => n.id)).toEqual(['g1', 'm1', 'k1', 'k2']);
    expect(doc.links.map((l) => l.id)).toEqual(['l3', 'l4']);
    expect(repo.document.db.prepare('SELECT count(*) FROM links').pluck().get()).toBe(2);
    repo.close();
  });

  it('keeps dangling links through a round trip', () => {
    const file = join(tempDir(), 'plan.throughline');
    const repo = openRepo(file);
    const dangling = [
      { id: 'd1', source: 'g1', target: 'nowhere' },
      { id: 'd2', source: 'ghost', target: 'k1' },
    ];
    const map = repo.createMap('Imported', { nodes: sampleNodes(), links: [...sampleLinks(), ...dangling] });
    writeChange(repo, changes(map.id, 0, { upsertLinks: [{ id: 'd3', source: 'x', target: 'y' }] }));
    repo.close();
    const reopened = openRepo(file);
    expect(reopened.loadMap(map.id).links).toEqual([
      ...sampleLinks(),
      ...dangling,
      { id: 'd3', source: 'x', target: 'y' },
    ]);
    reopened.close();
  });

  it('duplicates, renames and deletes maps, listing the most recently changed first', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    const first = repo.createMap('  First  ');
    expect(first.name).toBe('First');
    const source = repo.createMap('Source', { nodes: sampleNodes(), links: sampleLinks() });
    writeChange(
      repo,
      changes(source.id, 0, { upsertNodes: [{ ...(sampleNodes()[1] as MapNode), title: 'x' }] }),
    );
    repo.saveViewport(source.id, { x: 1, y: 2, zoom: 0.5 });

    const copy = repo.duplicateMap(source.id, 'Copy');
    expect(copy).toMatchObject({ name: 'Copy', nodeCount: 5 });
    expect(copy.id).not.toBe(source.id);
    const original = repo.loadMap(source.id);
    const copied = repo.loadMap(copy.id);
    expect(copied.nodes).toEqual(original.nodes);
    expect(copied.links).toEqual(original.links);
    expect(copied.revision).toBe(0);
    expect(repo.loadViewport(copy.id)).toEqual({ x: 1, y: 2, zoom: 0.5 });
    // the copy is independent of its source
    writeChange(repo, changes(copy.id, 0, { deleteNodeIds: ['g1'] }));
    expect(repo.loadMap(source.id).nodes).toHaveLength(5);
    expect(repo.listMaps().map((m) => m.name)).toEqual(['Copy', 'Source', 'First']);

    const renamed = repo.renameMap(first.id, 'Renamed');
    expect(renamed).toMatchObject({ id: first.id, name: 'Renamed', createdAt: first.createdAt });
    expect(repo.listMaps().map((m) => [m.name, m.nodeCount])).toEqual([
      ['Renamed', 0],
      ['Copy', 4],
      ['Source', 5],
    ]);

    expect(repo.deleteMap(source.id)).toEqual({ deleted: true });
    expect(repo.listMaps().map((m) => m.name)).toEqual(['Renamed', 'Copy']);
    const db = repo.document.db;
    expect(db.prepare('SELECT count(*) FROM nodes WHERE map_id = ?').pluck().get(source.id)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM links WHERE map_id = ?').pluck().get(source.id)).toBe(0);
    expect(repo.loadMap(copy.id).nodes).toHaveLength(4);
    repo.close();
  });

  it('restores a deleted map with its id, name, nodes, positions, links, order and viewport', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    const kept = repo.createMap('Kept', { nodes: sampleNodes(), links: sampleLinks() });
    const gone = repo.createMap('Gone', { nodes: sampleNodes(), links: sampleLinks() });
    writeChange(repo, {
      ...changes(gone.id, 0),
      upsertNodes: [{ ...(sampleNodes()[1] as MapNode), position: { x: 777, y: -55 } }],
    });
    repo.saveViewport(gone.id, { x: 10, y: 20, zoom: 0.5 });
    const before = repo.loadMap(gone.id);

    repo.deleteMap(gone.id);
    expect(repo.listMaps().map((m) => m.id)).toEqual([kept.id]);
    const restored = repo.restoreMap(gone.id);
    expect(restored).toMatchObject({ id: gone.id, name: 'Gone', nodeCount: before.nodes.length });
    const after = repo.loadMap(gone.id);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.links).toEqual(before.links);
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(repo.loadViewport(gone.id)).toEqual({ x: 10, y: 20, zoom: 0.5 });
    expect(
      repo
        .listMaps()
        .map((m) => m.id)
        .sort(),
    ).toEqual([kept.id, gone.id].sort());
    // The edits go on from the restored revision; the other map was never touched.
    expect(writeChange(repo, changes(gone.id, after.revision)).revision).toBe(after.revision + 1);
    expect(repo.loadMap(kept.id).nodes).toEqual(sampleNodes());
    repo.close();
  });

  it('puts a restored map back where it was in the list, not at the top', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    const oldest = repo.createMap('Oldest');
    const middle = repo.createMap('Middle', { nodes: sampleNodes(), links: sampleLinks() });
    const newest = repo.createMap('Newest');
    const order = repo.listMaps().map((m) => m.id);
    expect(order).toEqual([newest.id, middle.id, oldest.id]);
    repo.deleteMap(middle.id);
    repo.restoreMap(middle.id);
    expect(repo.listMaps().map((m) => m.id)).toEqual(order);
    repo.close();
  });

  it('refuses to restore a map that was not deleted, or was restored already, and changes nothing', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    const map = repo.createMap('Map', { nodes: sampleNodes(), links: sampleLinks() });
    expect(apiError(() => repo.restoreMap(map.id)).code).toBe('not-found');
    expect(apiError(() => repo.restoreMap('never-existed')).code).toBe('not-found');
    repo.deleteMap(map.id);
    repo.restoreMap(map.id);
    expect(apiError(() => repo.restoreMap(map.id)).code).toBe('not-found');
    expect(repo.listMaps()).toHaveLength(1);
    expect(repo.loadMap(map.id).nodes).toEqual(sampleNodes());
    repo.close();
  });

  it('answers not-found for an unknown map and invalid-payload for an empty name', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    for (const run of [
      () => repo.loadMap('missing'),
      () => writeChange(repo, changes('missing', 0)),
      () => repo.renameMap('missing', 'x'),
      () => repo.duplicateMap('missing', 'x'),
      () => repo.deleteMap('missing'),
      () => repo.saveViewport('missing', null),
    ]) {
      expect(apiError(run).code).toBe('not-found');
    }
    expect(apiError(() => repo.createMap('   ')).code).toBe('invalid-payload');
    expect(repo.listMaps()).toEqual([]);
    repo.close();
  });

  it('saves the viewport without changing the revision', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    const map = repo.createMap('View');
    expect(repo.loadViewport(map.id)).toBeNull();
    repo.saveViewport(map.id, { x: -100, y: 40, zoom: 1.25 });
    expect(repo.loadViewport(map.id)).toEqual({ x: -100, y: 40, zoom: 1.25 });
    expect(repo.loadMap(map.id).revision).toBe(0);
    repo.close();
  });

  it('refuses to load a node the model does not accept, naming map and node', () => {
    const repo = openRepo(join(tempDir(), 'plan.throughline'));
    const map = repo.createMap('Damaged', { nodes: sampleNodes(), links: [] });
    repo.document.db
      .prepare("UPDATE nodes SET fields = json_set(fields, '$.status', 'imaginary') WHERE id = 'g1'")
      .run();
    const error = apiError(() => repo.loadMap(map.id));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toMatch(/"Damaged".*"g1".*status/);
    repo.close();
  });

  it('folds the WAL back into the file on close', () => {
    const file = join(tempDir(), 'plan.throughline');
    const repo = openRepo(file);
    const map = repo.createMap('WAL', { nodes: sampleNodes(), links: sampleLinks() });
    writeChange(repo, changes(map.id, 0, { deleteNodeIds: ['k2'] }));
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    repo.close();
    expect(!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0).toBe(true);
    repo.close(); // closing twice is harmless
  });
});
