// The crash test's victim (crash.test.ts): applies edits through the real storage as fast as it
// can, and prints each revision only once its transaction has committed, until it is killed.
// Usage: node --import tsx tests/storage/crash-child.ts FILE
import { writeSync } from 'node:fs';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { editFor } from './crash-edits';
import { writeChange } from './write-change';

const MAP_NAME = 'Crash test';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-child.ts FILE');

// Lines go out with writeSync: on a pipe it returns once the parent can read the line, so
// nothing acknowledged is still in this process's buffers when SIGKILL arrives.
const say = (line: string) => writeSync(1, `${line}\n`);

const repo = new MapRepository(openDocument(file, { create: true }));
const mapId = repo.listMaps().find((m) => m.name === MAP_NAME)?.id ?? repo.createMap(MAP_NAME).id;
let revision = repo.loadMap(mapId).revision;
say(`ready ${mapId} ${revision}`);

for (;;) {
  revision = writeChange(repo, editFor(mapId, revision + 1)).revision;
  say(`ack ${revision}`);
}
