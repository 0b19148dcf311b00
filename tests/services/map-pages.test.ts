import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { MAP_PAGE_SIZE, type MapPage, type MapSummary } from '../../shared/contract/api';
import { writeManyMapsLibrary } from '../bench/hostile-library';

const COUNT = 1234;
let dir: string;
let backend: PlanBackend;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-map-pages-'));
  const libraryPath = join(dir, 'library.throughline');
  writeManyMapsLibrary(libraryPath, dir, COUNT);
  backend = openPlanBackend({ libraryPath, stateDir: dir });
});
afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, payload: unknown): Promise<T> {
  const response = await backend.registry.dispatch(method, payload);
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

describe('the map list, a page at a time', () => {
  it('lists the first page only, most recently changed first', async () => {
    const first = await call<MapSummary[]>('listMaps', {});
    expect(first).toHaveLength(MAP_PAGE_SIZE);
    expect(first[0]?.name).toMatch(new RegExp(`^Map ${COUNT - 1} `));
    expect(first[0]?.nodeCount).toBe(1);
  });

  it('gives every map exactly once across its pages, with the total', async () => {
    const all = backend.documents.repository.listMaps();
    const seen: MapSummary[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await call<MapPage>('listMapPage', { offset, limit: 500 });
      expect(page.total).toBe(COUNT);
      if (page.maps.length === 0) break;
      seen.push(...page.maps);
    }
    expect(seen).toEqual(all);
  });

  it('refuses a page larger than the largest, or a negative offset, and changes nothing', async () => {
    for (const payload of [{ limit: 100_000 }, { offset: -1 }, { limit: 0 }, { offset: 1.5 }]) {
      const response = await backend.registry.dispatch('listMapPage', payload);
      expect(response, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
    }
  });

  it('reads a page on the index, without sorting every map of the document', () => {
    const plan = backend.documents.repository.document.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT rowid FROM maps ORDER BY updated_at DESC, rowid DESC LIMIT 200 OFFSET 1000',
      )
      .all() as { detail: string }[];
    const details = plan.map((row) => row.detail).join('; ');
    expect(details).toMatch(/USING (COVERING )?INDEX maps_by_update/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
