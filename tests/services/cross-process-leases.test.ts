import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEASE_MS } from '../../electron/backend/services/map-leases';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import type { MapDocument, MapSummary } from '../../shared/contract/api';
import { createNode } from '../../shared/model';
import { bundleChild } from '../storage/bundle-child';

const root = new URL('../..', import.meta.url).pathname;
let dir: string;
let library: string;
const backends: PlanBackend[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-leases-'));
  library = join(dir, 'library.throughline');
});
afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A backend of its own on the shared library: what a second process (serve, another app) has. */
function process_(stateName: string): PlanBackend {
  const backend = openPlanBackend({ libraryPath: library, stateDir: join(dir, stateName) });
  backends.push(backend);
  return backend;
}

async function call<T>(backend: PlanBackend, method: string, payload: unknown): Promise<T> {
  const response = await backend.registry.dispatch(method, payload);
  if (!response.ok) throw Object.assign(new Error(response.error.message), { code: response.error.code });
  return response.value as T;
}

function save(mapId: string, sessionId: string, baseRevision: number, title: string) {
  return {
    mapId,
    sessionId,
    baseRevision,
    upsertNodes: [createNode('goal', 'g1', title, { x: 0, y: 0 })],
    deleteNodeIds: [],
    upsertLinks: [],
    deleteLinkIds: [],
  };
}

describe('one writer per map across processes', () => {
  it('hands a map held by another process out read-only, refuses its saves, and lets it take over', async () => {
    const a = process_('a');
    const b = process_('b');
    const map = await call<MapSummary>(a, 'createMap', { name: 'Shared' });

    const inA = await call<{ map: MapDocument; readOnly: boolean }>(a, 'openMapSession', {
      mapId: map.id,
      sessionId: 'window-a',
      takeOver: false,
    });
    expect(inA.readOnly).toBe(false);
    const inB = await call<{ readOnly: boolean }>(b, 'openMapSession', {
      mapId: map.id,
      sessionId: 'window-b',
      takeOver: false,
    });
    expect(inB.readOnly).toBe(true);
    await expect(call(b, 'saveChanges', save(map.id, 'window-b', 0, 'From B'))).rejects.toMatchObject({
      code: 'read-only',
    });
    expect(await call(b, 'keepMapSession', { mapId: map.id, sessionId: 'window-b' })).toEqual({
      held: false,
    });
    expect(await call(a, 'saveChanges', save(map.id, 'window-a', 0, 'From A'))).toEqual({ revision: 1 });

    // B takes over: A is told at its next renewal, and its saves are refused from then on.
    const taken = await call<{ readOnly: boolean }>(b, 'openMapSession', {
      mapId: map.id,
      sessionId: 'window-b',
      takeOver: true,
    });
    expect(taken.readOnly).toBe(false);
    expect(await call(a, 'keepMapSession', { mapId: map.id, sessionId: 'window-a' })).toEqual({
      held: false,
    });
    await expect(call(a, 'saveChanges', save(map.id, 'window-a', 1, 'Late A'))).rejects.toMatchObject({
      code: 'read-only',
    });
    expect(await call(b, 'saveChanges', save(map.id, 'window-b', 1, 'From B'))).toEqual({ revision: 2 });

    // B closing gives the map back at once: A may hold it again.
    b.close();
    const again = await call<{ readOnly: boolean }>(a, 'openMapSession', {
      mapId: map.id,
      sessionId: 'window-a2',
      takeOver: false,
    });
    expect(again.readOnly).toBe(false);
  });

  it('holds across real processes; a killed holder’s map is free once its hold lapses', async () => {
    const a = process_('a');
    const map = await call<MapSummary>(a, 'createMap', { name: 'Shared' });
    const bundleDir = join(dir, 'bundle');
    mkdirSync(bundleDir);
    const childScript = bundleChild('lease-holder-child', bundleDir, 'storage');
    const child = spawn(process.execPath, [childScript, library, join(dir, 'child'), map.id], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((done) => child.on('close', done));
    try {
      const said = await new Promise<string>((done, failed) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) done(out.trim());
        });
        child.on('error', failed);
      });
      expect(said).toBe('opened false');
      const here = await call<{ readOnly: boolean }>(a, 'openMapSession', {
        mapId: map.id,
        sessionId: 'w',
        takeOver: false,
      });
      expect(here.readOnly).toBe(true);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    // Killed, it gives nothing back: its hold lapses LEASE_MS after its last renewal.
    const killedAt = Date.now();
    let held = false;
    while (!held && Date.now() - killedAt < LEASE_MS + 3000) {
      await new Promise((done) => setTimeout(done, 500));
      held = (await call<{ held: boolean }>(a, 'keepMapSession', { mapId: map.id, sessionId: 'w' })).held;
    }
    expect(held).toBe(true);
    expect(Date.now() - killedAt).toBeGreaterThan(LEASE_MS - 2000);
  }, 30_000);

  it('a downloaded copy holds no map, wherever it is opened', async () => {
    const a = process_('a');
    const map = await call<MapSummary>(a, 'createMap', { name: 'Shared' });
    await call(a, 'openMapSession', { mapId: map.id, sessionId: 'w', takeOver: false });
    const held = a.documents.database.db.prepare('SELECT count(*) FROM map_leases').pluck().get();
    expect(held).toBe(1);
    const { base64 } = await call<{ base64: string }>(a, 'downloadDocument', {});
    const copy = join(dir, 'copy.throughline');
    writeFileSync(copy, Buffer.from(base64, 'base64'));
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM map_leases').pluck().get()).toBe(0);
    expect(db.prepare('SELECT name FROM maps').pluck().all()).toEqual(['Shared']);
    db.close();
  });

  it('a save waits for another process’s write instead of failing at once (BEGIN IMMEDIATE)', async () => {
    const a = process_('a');
    const map = await call<MapSummary>(a, 'createMap', { name: 'Mine' });
    const other = await call<MapSummary>(a, 'createMap', { name: 'Theirs' });
    await call(a, 'openMapSession', { mapId: map.id, sessionId: 'w', takeOver: false });

    // Another process takes the write lock, says so, holds it 400 ms while it writes, and commits.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1]);
      db.exec('BEGIN IMMEDIATE');
      db.prepare("UPDATE maps SET name = 'Theirs, renamed' WHERE id = ?").run(process.argv[2]);
      process.stdout.write('locked\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
      db.exec('COMMIT');
      db.close();
    `;
    const child = spawn(process.execPath, ['-e', script, library, other.id], { cwd: root });
    const exited = new Promise((done) => child.on('close', done));
    await new Promise<void>((locked, failed) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && locked());
      child.on('error', failed);
    });
    const started = Date.now();
    expect(await call(a, 'saveChanges', save(map.id, 'w', 0, 'Saved after the wait'))).toEqual({
      revision: 1,
    });
    expect(Date.now() - started).toBeGreaterThan(100);
    await exited;
    const names = (await call<MapSummary[]>(a, 'listMaps', {})).map((m) => m.name).sort();
    expect(names).toEqual(['Mine', 'Theirs, renamed']);
  });
});
