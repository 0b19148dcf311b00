import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startPlanServer } from '../../electron/backend/server/http-server';
import { openPlanBackend } from '../../electron/backend/services/plan-backend';
import { LIMITS } from '../../shared/model/limits';
import type { MapContent } from '../../shared/model/types';
import { generateLayeredMap } from './generate-map';
import { writeManyMapsLibrary } from './hostile-library';
import type { Print } from './measure';

/**
 * The largest map a document may hold, with long texts: 20,000 nodes, 60,000 links, titles of 300
 * characters and descriptions of 400. Made here, never checked in.
 */
export function maximumMap(): MapContent {
  const { nodes, links } = generateLayeredMap(LIMITS.nodesPerMap, 3, 3);
  const long = (text: string, length: number) => text.padEnd(length, ' 目标与指标');
  return {
    nodes: nodes.map((n) => ({
      ...n,
      title: long(n.title, LIMITS.title),
      description: long('', 400),
      position: { x: n.position.x % LIMITS.position, y: n.position.y % LIMITS.position },
    })),
    links: links.slice(0, LIMITS.linksPerMap),
  };
}

/** One POST from another process (its parsing must not count against this event loop). */
function postFromChild(url: string, cookie: string, body: unknown): Promise<number> {
  const script = `
    const started = performance.now();
    fetch(process.argv[1], { method: 'POST', headers: { 'content-type': 'application/json', cookie: process.argv[2] }, body: process.argv[3] })
      .then((r) => r.json().then((b) => { if (!r.ok || !b.ok) process.exit(3); process.stdout.write(String(performance.now() - started)); }))
      .catch(() => process.exit(4));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, url, cookie, JSON.stringify(body)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(Number(out)) : reject(new Error(`client exited ${code}`)),
    );
  });
}

/**
 * How long the event loop was held while `run` was under way, two ways: `block`, the most CPU time
 * this process spent between two turns of a 2 ms timer (the work that held the loop, what other
 * requests wait for, whatever else runs on the machine), and `delay`, the longest a timer waited by
 * the wall clock (that plus the time the OS gave to other processes: noisy on a busy machine).
 */
export async function eventLoopHold(run: () => Promise<unknown>): Promise<{ block: number; delay: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let block = 0;
  let last = process.cpuUsage();
  const sample = () => {
    const now = process.cpuUsage();
    block = Math.max(block, (now.user - last.user + now.system - last.system) / 1000);
    last = now;
  };
  const probe = setInterval(sample, 2);
  try {
    await run();
  } finally {
    sample();
    clearInterval(probe);
    histogram.disable();
  }
  return { block, delay: histogram.max / 1e6 };
}

/**
 * The loopback server under hostile-but-valid input: how long a maximum-size loadMap blocks the
 * event loop (every other request waits that long), and how long the first page of a document
 * with 100,000 maps takes to list.
 */
export async function benchServer(print: Print): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-server-'));
  try {
    const libraryPath = join(dir, 'library.throughline');
    writeManyMapsLibrary(libraryPath, dir, 100_000);
    const backend = openPlanBackend({ libraryPath, stateDir: dir });
    const { id } = backend.documents.repository.createMap('Largest', maximumMap());
    const server = await startPlanServer({ registry: backend.registry, rendererDir: dir });
    try {
      const openUrl = new URL(server.issueOpenUrl());
      const signedIn = await fetch(openUrl);
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const api = (method: string) => `${server.origin}/api/${method}`;

      const holds: { block: number; delay: number }[] = [];
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        let took = 0;
        holds.push(
          await eventLoopHold(async () => {
            took = await postFromChild(api('loadMap'), cookie, { mapId: id });
          }),
        );
        times.push(took);
      }
      // The best of three runs: the least disturbed by other processes.
      print('server.eventloop.maxblock.loadMap', Math.min(...holds.map((h) => h.block)), 'ms');
      print('server.eventloop.maxdelay.loadMap', Math.min(...holds.map((h) => h.delay)), 'ms');
      print('server.loadMap.max-size', Math.min(...times), 'ms');

      let listed = 0;
      const listHold = await eventLoopHold(async () => {
        listed = await postFromChild(api('listMapPage'), cookie, { offset: 50_000 });
      });
      print('server.listMapPage.100k-maps', listed, 'ms');
      print('server.eventloop.maxblock.listMapPage', listHold.block, 'ms');
    } finally {
      await server.close();
      backend.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
