import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { bundleChild } from './bundle-child';
import { ExpectedMap } from './crash-edits';

/**
 * The durability promise, tested the hard way: a child process edits a real document through
 * writeChange (MapRepository.applyRoomChange) and prints every revision once its transaction has
 * committed; the
 * test kills it with SIGKILL at a random moment, 50 times on the same file (so any damage would
 * pile up), and after each kill the file must open, pass `PRAGMA integrity_check`, and hold every
 * acknowledged edit: exactly the map those edits produce, or that plus the one commit that may
 * have landed between the commit and its acknowledgement.
 */

const RUNS = 50;

let dir: string;
let child: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-crash-'));
  // Bundled once (bundle-child.ts), which keeps 50 kill runs near 25 s.
  child = bundleChild('crash-child', dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small seeded generator, so a failing run can be repeated with CRASH_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

interface RunResult {
  ready: boolean;
  acked: number[];
  walBytesAtKill: number;
}

/**
 * Starts the child on `file` and kills it `delayMs` after it said it was ready, or, with
 * `fromSpawn`, that long after it was started (so some kills land while it opens the file and
 * recovers the WAL the previous victim left).
 */
function runAndKill(file: string, delayMs: number, fromSpawn: boolean): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(process.execPath, [child, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = false;
    let walBytesAtKill = 0;
    const kill = () => {
      walBytesAtKill = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
      proc.kill('SIGKILL');
    };
    let timer: ReturnType<typeof setTimeout> | undefined = fromSpawn ? setTimeout(kill, delayMs) : undefined;
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!ready && out.startsWith('ready ')) {
        ready = true;
        timer ??= setTimeout(kill, delayMs);
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`the child stopped by itself (${signal ?? _code}): ${err}`));
        return;
      }
      // Only complete lines count: a line cut short was never fully acknowledged.
      const lines = out.split('\n').slice(0, -1);
      const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
      resolve({ ready: lines.some((l) => l.startsWith('ready ')), acked, walBytesAtKill });
    });
  });
}

/** The map as stored: its revision and node id → "title|description". */
interface Stored {
  revision: number;
  nodes: Map<string, string>;
}

/** Through the app's own path: openDocument (which checks integrity, then folds the WAL in on close). */
function readThroughApp(file: string): Stored | null {
  const repo = new MapRepository(openDocument(file, { create: false }));
  try {
    expect(repo.document.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const summary = repo.listMaps().find((m) => m.name === 'Crash test');
    if (!summary) return null;
    const map = repo.loadMap(summary.id);
    return {
      revision: map.revision,
      nodes: new Map(map.nodes.map((n) => [n.id, `${n.title}|${n.description}`])),
    };
  } finally {
    repo.close();
  }
}

/** Read-only, so the WAL the victim left stays hot for the next child to recover. */
function readLeavingWal(file: string): Stored | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const map = db.prepare("SELECT id, revision FROM maps WHERE name = 'Crash test'").get() as
      | { id: string; revision: number }
      | undefined;
    if (!map) return null;
    const rows = db.prepare('SELECT id, title, description FROM nodes WHERE map_id = ?').all(map.id) as {
      id: string;
      title: string;
      description: string;
    }[];
    return {
      revision: map.revision,
      nodes: new Map(rows.map((r) => [r.id, `${r.title}|${r.description}`])),
    };
  } finally {
    db.close();
  }
}

describe('crash safety: SIGKILL while editing', () => {
  it(`keeps every acknowledged edit and a sound file through ${RUNS} kills of the same document`, async () => {
    const seed = Number(process.env.CRASH_SEED) || Date.now() % 1_000_000;
    const next = random(seed);
    const file = join(dir, 'crash.throughline');
    const expected = new ExpectedMap();
    let acknowledged = 0;
    let survived = 0;
    let totalAcks = 0;
    let inFlightFound = 0;
    let killedBeforeReady = 0;
    let killedWithHotWal = 0;
    const started = Date.now();

    for (let run = 1; run <= RUNS; run++) {
      const context = `run ${run} of ${RUNS} (CRASH_SEED=${seed})`;
      // Every fifth run (never the first, which creates the map) is killed counting from its start.
      const fromSpawn = run > 1 && run % 5 === 0;
      const delay = fromSpawn ? 150 + next() * 350 : next() * 150;
      const result = await runAndKill(file, delay, fromSpawn);
      if (!result.ready) killedBeforeReady += 1;
      if (result.walBytesAtKill > 0) killedWithHotWal += 1;
      totalAcks += result.acked.length;
      const lastAck = result.acked.at(-1);
      if (lastAck !== undefined) {
        expect(lastAck, context).toBeGreaterThanOrEqual(acknowledged);
        acknowledged = lastAck;
      }

      expect(existsSync(file), context).toBe(true);
      const stored = run % 2 === 0 ? readThroughApp(file) : readLeavingWal(file);
      if (stored === null) {
        expect(acknowledged, context).toBe(0);
        continue;
      }
      // Everything acknowledged is there; at most one more commit (made, then killed before it
      // was printed) may be too. Nothing else, and the content is exactly what those edits wrote.
      expect(stored.revision, context).toBeGreaterThanOrEqual(acknowledged);
      expect(stored.revision, context).toBeLessThanOrEqual(acknowledged + 1);
      if (stored.revision > acknowledged) inFlightFound += 1;
      const want = expected.advanceTo(stored.revision);
      expect(stored.nodes.size, context).toBe(want.size);
      for (const [id, value] of want) expect(stored.nodes.get(id), `${context}: node ${id}`).toBe(value);
      acknowledged = stored.revision;
      survived += 1;
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `crash test: ${survived}/${RUNS} kill runs survived in ${seconds} s (seed ${seed}); ` +
        `${totalAcks} acknowledged edits, final revision ${acknowledged}; ` +
        `${killedBeforeReady} kills while opening, ${killedWithHotWal} with a WAL on disk, ` +
        `${inFlightFound} found one unacknowledged commit`,
    );
    expect(survived).toBe(RUNS);
    expect(totalAcks).toBeGreaterThan(RUNS);
  }, 120_000);
});
