import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type * as Y from 'yjs';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { nodesOf } from '../../shared/room/map-doc';
import { EDIT_KEY, joinRoom, type Participant } from '../room/room-harness';
import { bundleChild } from '../storage/bundle-child';
import { generateLayeredMap, seededRandom } from './generate-map';
import { median, type Print } from './measure';

/**
 * The live room (issue 16) on loopback, its server in a child process of its own (the test
 * harness's RoomServer over a real document file, tests/room/room-server-child.ts) so that its
 * event loop is not the participants':
 *
 * - `room.join.1k`: ms from a new participant's connect until its document holds a 1,000-node map
 *   (generate-map.ts), median of 3, the room opened from the file for it (nobody else on the map,
 *   the worst case: the first one in, or one after everyone left); `room.join.1k.warm` the same
 *   with the room already open.
 * - `room.propagate.p95`: 20 participants on that map; 300 edits, each from one of them chosen at
 *   random, a few ms apart; ms from the edit to its arrival in each of the other 19 documents,
 *   the 95th percentile over all arrivals (and the median).
 * - `room.persist.p95`: ms from an edit to its row in the file, polled every ms through a second,
 *   read-only connection (the 20 participants still on), 100 edits.
 * - `room.memory.1k`: MB of server heap per room of a 1,000-node map with one participant who
 *   sent 100 edits, measured in a child run with `node --expose-gc` (room-memory-child.ts): heap
 *   after full collections with 5 such rooms open minus before, divided by 5. `.external` is
 *   the same for memory outside the JS heap (Yjs' encoded buffers).
 */

const NODES = 1000;
const CLIENTS = 20;

/** Resolves when `check` holds after one of `doc`'s updates (or at once). */
function whenDoc(doc: Y.Doc, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      doc.off('update', on);
      reject(new Error('timed out waiting for the room'));
    }, timeoutMs);
    const on = () => {
      if (!check()) return;
      clearTimeout(timer);
      doc.off('update', on);
      resolve();
    };
    doc.on('update', on);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function startServer(script: string, docDir: string): Promise<{ proc: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, docDir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /^ready (\d+)\n/.exec(out);
      if (ready) resolve({ proc, port: Number(ready[1]) });
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => reject(new Error(`the room server stopped (${signal ?? code})`)));
  });
}

function memoryPerRoom(
  script: string,
  dir: string,
  rooms: number,
): Promise<{ heapMB: number; externalMB: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', script, dir, String(rooms)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the memory probe exited ${code}`)),
    );
  });
}

export async function benchRoom(print: Print): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-room-'));
  // Each y-websocket provider in Node listens for the process's exit; 21 at once are expected here.
  process.setMaxListeners(CLIENTS + 10);
  const peers: Participant[] = [];
  let server: ChildProcess | undefined;
  try {
    const serverScript = bundleChild('room-server-child', dir, 'room');
    const memoryScript = bundleChild('room-memory-child', dir, 'bench');
    const docDir = join(dir, 'doc');
    mkdirSync(docDir);
    const file = join(docDir, 'room.throughline');
    const setup = new MapRepository(openDocument(file, { create: true }));
    const content = generateLayeredMap(NODES, 11);
    const mapId = setup.createMap('Room bench', content).id;
    setup.close();
    const started = await startServer(serverScript, docDir);
    server = started.proc;
    const url = `ws://127.0.0.1:${started.port}/sync`;
    const join1k = async () => {
      const start = performance.now();
      const p = joinRoom(url, mapId, EDIT_KEY);
      await whenDoc(p.doc, () => nodesOf(p.doc).size === NODES);
      return { p, ms: performance.now() - start };
    };

    // Cold: the room closes 200 ms after its last participant left (the harness's idle time).
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { p, ms } = await join1k();
      cold.push(ms);
      p.leave();
      await sleep(600);
    }
    print('room.join.1k', median(cold), 'ms');
    for (let i = 0; i < CLIENTS; i++) {
      const { p } = await join1k();
      peers.push(p);
    }
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { p, ms } = await join1k();
      warm.push(ms);
      p.leave();
    }
    print('room.join.1k.warm', median(warm), 'ms');

    // Propagation: one edit at a time, each awaited in the 19 other documents.
    const random = seededRandom(5);
    const arrivals: number[] = [];
    for (let k = 0; k < 300; k++) {
      const sender = peers[Math.floor(random() * CLIENTS)] as Participant;
      const id = content.nodes[Math.floor(random() * NODES)]?.id as string;
      const title = `Edit ${k}`;
      const others = peers.filter((p) => p !== sender);
      const start = performance.now();
      const waits = others.map((p) =>
        whenDoc(p.doc, () => nodesOf(p.doc).get(id)?.get('title') === title).then(() =>
          arrivals.push(performance.now() - start),
        ),
      );
      sender.doc.transact(() => nodesOf(sender.doc).get(id)?.set('title', title));
      await Promise.all(waits);
      await sleep(2 + random() * 10);
    }
    print('room.propagate.p95', percentile(arrivals, 95), 'ms');
    print('room.propagate.median', median(arrivals), 'ms');

    // Persistence: the edit's row in the file, read beside the server.
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const titleOf = reader.prepare('SELECT title FROM nodes WHERE map_id = ? AND id = ?').pluck();
      const persisted: number[] = [];
      const writer = peers[0] as Participant;
      for (let k = 0; k < 100; k++) {
        const id = content.nodes[Math.floor(random() * NODES)]?.id as string;
        const title = `Stored ${k}`;
        const start = performance.now();
        writer.doc.transact(() => nodesOf(writer.doc).get(id)?.set('title', title));
        while (titleOf.get(mapId, id) !== title) {
          if (performance.now() - start > 10_000) throw new Error('an edit never reached the file');
          await sleep(1);
        }
        persisted.push(performance.now() - start);
        await sleep(random() * 10);
      }
      print('room.persist.p95', percentile(persisted, 95), 'ms');
    } finally {
      reader.close();
    }

    for (const p of peers.splice(0)) p.leave();
    const memory = await memoryPerRoom(memoryScript, dir, 5);
    print('room.memory.1k', memory.heapMB, 'MB');
    print('room.memory.1k.external', memory.externalMB, 'MB');
  } finally {
    for (const p of peers) p.leave();
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
