import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { readDatabaseMaps } from '../../electron/cli/read-maps';
import { bundleChild } from '../storage/bundle-child';
import { tempDir } from '../storage/helpers';
import { soundDocument } from '../storage/hostile-documents';

const RUNS = Number(process.env.SNAPSHOT_RUNS ?? 20);
let writer: ChildProcess | undefined;
afterEach(() => {
  writer?.kill('SIGKILL');
  writer = undefined;
});

/** Starts busy-writer-child.ts on `file`; resolves once it has committed twice. */
async function busyWriter(file: string): Promise<void> {
  const dir = tempDir();
  const child = bundleChild('busy-writer-child', dir);
  const log = join(dir, 'out.txt');
  const fd = openSync(log, 'w');
  writer = spawn(process.execPath, [child, file], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  const started = Date.now();
  while (!/ack \d+\n.*ack \d+/s.test(readFileSync(log, 'utf8'))) {
    if (Date.now() - started > 15_000) throw new Error('the writer did not start');
    await new Promise((done) => setTimeout(done, 20));
  }
}

describe("the CLI's private copy of a document", () => {
  it('is a snapshot: a document written all the while reads whole every time', async () => {
    const file = join(tempDir(), 'busy.throughline');
    soundDocument(file);
    await busyWriter(file);
    const failures: string[] = [];
    let revisions = 0;
    for (let run = 0; run < RUNS; run++) {
      try {
        const maps = readDatabaseMaps(file);
        expect(maps.map((m) => m.name)).toEqual(['Busier', 'Busy', 'Plan']);
        revisions++;
      } catch (error) {
        failures.push((error as Error).message);
      }
      await new Promise((done) => setTimeout(done, 1));
    }
    expect(failures).toEqual([]);
    expect(revisions).toBe(RUNS);
  }, 60_000);

  it('reads through a symlink with the target’s WAL, so it is never stale', () => {
    const dir = tempDir();
    const file = join(dir, 'real.throughline');
    soundDocument(file);
    const repo = new MapRepository(openDocument(file, { create: false }));
    try {
      repo.document.db.pragma('wal_autocheckpoint = 0');
      repo.createMap('Only in the WAL');
      const links = join(tempDir(), 'elsewhere');
      mkdirSync(links);
      const link = join(links, 'link.throughline');
      symlinkSync(file, link);
      expect(readDatabaseMaps(link).map((m) => m.name)).toEqual(['Only in the WAL', 'Plan']);
    } finally {
      repo.close();
    }
  });
});
