// A busy writer for the snapshot tests (tests/cli/cli-snapshot.test.ts): rewrites 300 nodes of one
// of two maps in every commit, taking turns, and folds the WAL back after each
// (wal_autocheckpoint = 1), so the document file itself changes all the time and the WAL starts
// over after every commit.
// Usage: node busy-writer-child.mjs FILE
import { writeSync } from 'node:fs';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import type { MapNode } from '../../shared/model';
import { writeChange } from './write-change';

const file = process.argv[2];
if (!file) throw new Error('usage: busy-writer-child.ts FILE');

const repo = new MapRepository(openDocument(file, { create: true }));
repo.document.db.pragma('wal_autocheckpoint = 1');
const maps = [repo.createMap('Busy').id, repo.createMap('Busier').id];
const revisions = [0, 0];
for (let round = 0; ; round++) {
  const which = round % 2;
  const nodes = Array.from(
    { length: 300 },
    (_, i): MapNode => ({
      id: `n${i}`,
      kind: 'goal',
      title: `Goal ${i} in round ${round}`,
      description: `${round} `.repeat(40),
      owner: '',
      position: { x: i, y: round % 1000 },
      horizon: '',
      priority: null,
      status: 'active',
    }),
  );
  const revision = writeChange(repo, {
    mapId: maps[which] as string,
    baseRevision: revisions[which] as number,
    upsertNodes: nodes,
    deleteNodeIds: [],
    upsertLinks: [],
    deleteLinkIds: [],
  }).revision;
  revisions[which] = revision;
  writeSync(1, `ack ${revision}\n`);
}
