import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlanServer } from '../../electron/backend/server/http-server';
import { stringifyInSlices } from '../../electron/backend/server/json-slices';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import type { MapRepository } from '../../electron/backend/storage/map-repository';
import { createNode } from '../../shared/model/factory';
import { generateLayeredMap } from '../bench/generate-map';
import { writeChange } from '../storage/write-change';

let dir: string;
let backend: PlanBackend;
let repo: MapRepository;
let mapId: string;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-slices-'));
  backend = openPlanBackend({ libraryPath: join(dir, 'library.throughline'), stateDir: dir });
  repo = backend.documents.repository;
  mapId = repo.createMap('Big', generateLayeredMap(3000, 5, 2)).id;
});
afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a large map is loaded in slices', () => {
  it('gives exactly what loadMap gives, pausing many times on the way', async () => {
    let pauses = 0;
    const sliced = await repo.loadMapInSlices(mapId, () => {
      pauses++;
      return nextTurn();
    });
    expect(sliced).toEqual(repo.loadMap(mapId));
    expect(pauses).toBeGreaterThanOrEqual(5);
  });

  it('answers a small request that comes while a large map is being loaded, before the map', async () => {
    const done: string[] = [];
    const load = backend.registry.dispatch('loadMap', { mapId }).then((r) => {
      expect(r.ok).toBe(true);
      done.push('loadMap');
    });
    const list = backend.registry.dispatch('listMapPage', {}).then((r) => {
      expect(r.ok).toBe(true);
      done.push('listMapPage');
    });
    await Promise.all([load, list]);
    expect(done).toEqual(['listMapPage', 'loadMap']);
  });

  it('reads the map again when a save lands between slices, and returns the saved state', async () => {
    const before = repo.loadMap(mapId);
    let saved = false;
    const sliced = await repo.loadMapInSlices(mapId, async () => {
      if (!saved) {
        saved = true;
        writeChange(repo, {
          mapId,
          baseRevision: before.revision,
          upsertNodes: [createNode('goal', 'late', 'Saved meanwhile', { x: 0, y: 0 })],
          upsertLinks: [],
          deleteNodeIds: [],
          deleteLinkIds: [],
        });
      }
      await nextTurn();
    });
    expect(sliced.revision).toBe(before.revision + 1);
    expect(sliced).toEqual(repo.loadMap(mapId));
    expect(sliced.nodes.some((n) => n.id === 'late')).toBe(true);
  });
});

describe('the loopback server', () => {
  it('sends a large map, written in slices, that reads back exactly as the map', async () => {
    const server = await startPlanServer({ registry: backend.registry, rendererDir: dir });
    try {
      const signedIn = await fetch(server.issueOpenUrl());
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const response = await fetch(`${server.origin}/api/loadMap`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ mapId }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, value: repo.loadMap(mapId) });
    } finally {
      await server.close();
    }
  });
});

describe('stringifyInSlices', () => {
  it('writes exactly what JSON.stringify writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(await stringifyInSlices(value)).toBe(JSON.stringify(value));
      }),
    );
    const response = {
      ok: true,
      value: repo.loadMap(mapId),
      extra: undefined,
      list: Array.from({ length: 600 }, (_, i) => (i % 3 ? i : null)),
    };
    expect(await stringifyInSlices(response, 0)).toBe(JSON.stringify(response));
  });
});
