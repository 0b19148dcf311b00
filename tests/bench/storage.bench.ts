import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import type { MapLink, MapNode } from '../../shared/model/types';
import { newMapDoc, writeContent } from '../../shared/room/map-doc';
import { writeChange } from '../storage/write-change';
import { generateLayeredMap } from './generate-map';
import { medianMs, type Print } from './measure';

/**
 * The same rows written the plainest way better-sqlite3 allows: prepared INSERTs in one
 * transaction, the node turned into columns and its kind fields into JSON just as the repository
 * does. The yardstick for the repository's save.
 */
function rawInserter(db: Database.Database, nodes: readonly MapNode[], links: readonly MapLink[]) {
  const node = db.prepare('INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const link = db.prepare('INSERT INTO links VALUES (?, ?, ?, ?, ?)');
  return (mapId: string) =>
    db.transaction(() => {
      for (let i = 0; i < nodes.length; i++) {
        const { id, kind, title, description, owner, position, ...fields } = nodes[i] as MapNode;
        node.run(
          mapId,
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
      for (let i = 0; i < links.length; i++) {
        const { id, source, target } = links[i] as MapLink;
        link.run(mapId, id, source, target, i);
      }
    })();
}

/**
 * Storage on a temporary file on disk: storing a 5k-node, 6.5k-link map into an empty map as a
 * room stores a change, the same rows inserted raw (for the ratio), loading it, and a one-node
 * edit written through the map's live document (writeChange).
 */
export async function benchStorage(print: Print): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
  const repo = new MapRepository(openDocument(join(dir, 'bench.throughline'), { create: true }));
  try {
    const { nodes, links } = generateLayeredMap(5000, 7);
    const changes = (
      mapId: string,
      baseRevision: number,
      upsertNodes: MapNode[],
      upsertLinks: MapLink[],
    ) => ({
      mapId,
      baseRevision,
      upsertNodes,
      upsertLinks,
      deleteNodeIds: [],
      deleteLinkIds: [],
    });

    // The map's live document with the same content: the update a room stores beside the rows.
    const doc = newMapDoc();
    const empty = Y.encodeStateAsUpdate(doc);
    writeContent(doc, { nodes, links });
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    let target = '';
    const freshMap = () => {
      if (target) repo.deleteMap(target);
      target = repo.createMap('Bench').id;
      repo.startRoom(target, 0, empty);
    };
    // The repository's part of a room's change (the rows and the update, one transaction).
    const save = medianMs(() => repo.applyRoomChange(target, changes(target, 0, nodes, links), update, 0), {
      runs: 9,
      warmup: 3,
      setUp: freshMap,
    });

    const rawInsert = rawInserter(repo.document.db, nodes, links);
    let rawMap = '';
    const freshRawMap = () => {
      if (rawMap) repo.deleteMap(rawMap);
      rawMap = repo.createMap('Raw').id;
    };
    const rawMs = medianMs(() => rawInsert(rawMap), { runs: 9, warmup: 3, setUp: freshRawMap });

    const load = medianMs(() => repo.loadMap(target), { runs: 15, warmup: 3 });

    let revision = 1;
    let n = 0;
    const first = nodes[0] as MapNode;
    const edit = medianMs(
      () => {
        revision = writeChange(
          repo,
          changes(target, revision, [{ ...first, title: `Edited ${n++}` }], []),
        ).revision;
      },
      { runs: 301, warmup: 20 },
    );

    print('storage.save.5k', save, 'ms');
    print('storage.rawinsert.5k', rawMs, 'ms');
    print('storage.save.ratio', save / rawMs, 'x');
    print('storage.load.5k', load, 'ms');
    print('storage.edit1', edit, 'ms');
  } finally {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
