import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import type { MapContent, MapNode } from '../../shared/model/types';
import { applyDocChanges, type DocChanges, nodesOf, readContent } from '../../shared/room/map-doc';
import { bundleChild } from '../storage/bundle-child';
import { EDIT_KEY, joinRoom, type Participant, smallMap, until } from './room-harness';

/**
 * Issue 16, "SIGKILL of the server loses no edit it had acknowledged; on restart the participants
 * reconnect by themselves". The room server runs in a child process (room-server-child.ts) on a
 * real document file. One participant adds nodes as fast as a timer fires while another watches;
 * the server is killed with SIGKILL mid-burst. An edit the watcher has seen was acknowledged: the
 * room applies and shares a change only after its transaction committed, so the file must already
 * hold it, read before any restart. Then both participants edit offline, the server starts again
 * on the same port and file, the participants reconnect by themselves, and the map ends with every
 * edit once, the node deleted offline still gone, and the tables equal to the documents.
 */

let dir: string;
let child: string;
const running: ChildProcess[] = [];
const peers: Participant[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-room-kill-'));
  child = bundleChild('room-server-child', dir, 'room');
});

afterEach(() => {
  for (const p of peers.splice(0)) p.leave();
  for (const proc of running.splice(0)) proc.kill('SIGKILL');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the room server child on `port` (0: any); resolves with the port once it listens. */
function startServer(docDir: string, port: number): Promise<{ proc: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, docDir, String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.push(proc);
    let out = '';
    let err = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /^ready (\d+)\n/.exec(out);
      if (ready) resolve({ proc, port: Number(ready[1]) });
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) =>
      reject(new Error(`the room server stopped (${signal ?? code}): ${err}`)),
    );
  });
}

function killServer(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

/** Node ids and titles as the file holds them, read beside the running (or dead) server. */
function storedNodes(file: string, mapId: string): Map<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, title FROM nodes WHERE map_id = ?').all(mapId) as {
      id: string;
      title: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.title]));
  } finally {
    db.close();
  }
}

/** The generation of the map's live document as the file holds it. */
function storedGeneration(file: string, mapId: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT generation FROM map_rooms WHERE map_id = ?').get(mapId) as
      | { generation: string }
      | undefined;
    if (!row) throw new Error('the room has no stored document');
    return row.generation;
  } finally {
    db.close();
  }
}

const edit = (doc: Y.Doc, changes: Partial<DocChanges>) =>
  applyDocChanges(
    doc,
    { upsertNodes: [], upsertLinks: [], deleteNodeIds: [], deleteLinkIds: [], ...changes },
    'local',
  );

const goal = (id: string, title: string): MapNode => ({
  id,
  kind: 'goal',
  title,
  description: '',
  owner: '',
  position: { x: 0, y: 0 },
  horizon: '',
  priority: null,
  status: 'proposed',
});

const titleOf = (doc: Y.Doc, id: string) => nodesOf(doc).get(id)?.get('title');

function sorted(content: Pick<MapContent, 'nodes' | 'links'>): MapContent {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return { nodes: [...content.nodes].sort(byId), links: [...content.links].sort(byId) };
}

describe('the room server killed with SIGKILL', () => {
  it('has every acknowledged edit in the file, and the participants reconnect and merge after a restart', async () => {
    const docDir = mkdtempSync(join(dir, 'doc-'));
    const file = join(docDir, 'room.throughline');
    const setup = new MapRepository(openDocument(file, { create: true }));
    const mapId = setup.createMap('Kill', smallMap()).id;
    setup.close();

    const first = await startServer(docDir, 0);
    const url = `ws://127.0.0.1:${first.port}/sync`;
    // The room starts on the first join; participants then carry its generation, as the app does,
    // so a restarted server that rebuilt the document (bringing deleted nodes back) would turn
    // them away instead of merging.
    const probe = joinRoom(url, mapId, EDIT_KEY);
    peers.push(probe);
    await until(() => probe.provider.synced, 5000);
    const generation = storedGeneration(file, mapId);
    const a = joinRoom(url, mapId, EDIT_KEY, { gen: generation });
    const b = joinRoom(url, mapId, EDIT_KEY, { gen: generation });
    peers.push(a, b);
    await until(() => a.provider.synced && b.provider.synced, 5000);

    // b's rename, acknowledged once a sees it; a's burst, each acknowledged once b sees it.
    edit(b.doc, {
      upsertNodes: [
        { ...(readContent(b.doc).nodes.find((n) => n.id === 'g1') as MapNode), title: 'Renamed by b' },
      ],
    });
    await until(() => titleOf(a.doc, 'g1') === 'Renamed by b', 5000);
    const made: string[] = [];
    const burst = setInterval(() => {
      const id = `burst${made.length}`;
      made.push(id);
      edit(a.doc, { upsertNodes: [goal(id, `Burst ${made.length}`)] });
    }, 2);
    const seenByB = () => made.filter((id) => nodesOf(b.doc).has(id));
    await until(() => seenByB().length >= 20, 10_000);
    // In the same turn: what b has seen is what the server had acknowledged when it died.
    const acknowledged = seenByB();
    const killed = killServer(first.proc);
    clearInterval(burst);
    await killed;
    running.splice(running.indexOf(first.proc), 1);

    const afterKill = storedNodes(file, mapId);
    for (const id of acknowledged) expect(afterKill.has(id), `acknowledged ${id} is stored`).toBe(true);
    expect(afterKill.get('g1')).toBe('Renamed by b');

    // Offline: both keep editing; a deletes a goal, which must not come back.
    await until(() => !a.provider.wsconnected && !b.provider.wsconnected, 5000);
    edit(a.doc, { upsertNodes: [goal('offlineA', 'Added by a offline')], deleteNodeIds: ['g2'] });
    edit(b.doc, {
      upsertNodes: [goal('offlineB', 'Added by b offline')],
      upsertLinks: [{ id: 'offlineLink', source: 'g1', target: 'offlineB' }],
    });

    // The same port and file: the participants come back by themselves (no connect() here).
    await startServer(docDir, first.port);
    const expectedIds = [...made, 'offlineA', 'offlineB', 'g1', 'm1', 'k1'].sort();
    const ids = (doc: Y.Doc) =>
      readContent(doc)
        .nodes.map((n) => n.id)
        .sort();
    await until(
      () =>
        a.provider.wsconnected &&
        b.provider.wsconnected &&
        JSON.stringify(ids(a.doc)) === JSON.stringify(expectedIds) &&
        JSON.stringify(ids(b.doc)) === JSON.stringify(expectedIds) &&
        [...storedNodes(file, mapId).keys()].length === expectedIds.length,
      10_000,
    ).catch(() => {});
    expect(ids(a.doc)).toEqual(expectedIds);
    expect(ids(b.doc)).toEqual(expectedIds);
    expect([...storedNodes(file, mapId).keys()].sort()).toEqual(expectedIds);
    expect(storedGeneration(file, mapId)).toBe(generation);

    // A newcomer sees exactly that map: nothing doubled, the deleted goal still gone.
    const c = joinRoom(url, mapId, EDIT_KEY);
    peers.push(c);
    await until(() => c.provider.synced, 5000);
    const content = sorted(readContent(a.doc));
    expect(sorted(readContent(c.doc))).toEqual(content);
    expect(sorted(readContent(b.doc))).toEqual(content);
    expect(content.links.map((l) => `${l.source}→${l.target}`).sort()).toEqual([
      'g1→m1',
      'g1→offlineB',
      'm1→k1',
    ]);

    // And the file, opened through the app after one more kill, holds that map too.
    for (const proc of running.splice(0)) await killServer(proc);
    const repo = new MapRepository(openDocument(file, { create: false }));
    try {
      const map = repo.loadMap(mapId);
      expect(sorted({ nodes: map.nodes, links: map.links })).toEqual(content);
    } finally {
      repo.close();
    }
  }, 40_000);
});
