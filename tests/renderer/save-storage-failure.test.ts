import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { STORAGE_MESSAGES } from '../../electron/backend/storage/storage-errors';
import { createApiClient } from '../../renderer/src/api/client';
import { startAutosave } from '../../renderer/src/store/autosave';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { ThroughlineApi, TransportApi } from '../../shared/contract/api';
import { wordError } from '../../shared/contract/error-wording';
import { METHOD_NAMES } from '../../shared/contract/methods';
import { createNode } from '../../shared/model';

const FULL_ZH = wordError({ reason: 'storage-full', params: {} }, 'zh-CN');

// The whole path of a refused write, with nothing faked but the transport: the renderer's store and
// autosave, the contract client, the method registry and a real SQLite file whose connection hits
// a real SQLITE_FULL (a page limit, which also works where tests run as root).

let dir: string;
let backend: PlanBackend;
let api: ThroughlineApi;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-save-failure-'));
  backend = openPlanBackend({ libraryPath: join(dir, 'library.throughline'), stateDir: dir });
  const transport = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (args: unknown) => backend.registry.dispatch(method, args)]),
  ) as unknown as TransportApi;
  api = createApiClient(transport);
});
afterEach(() => {
  vi.useRealTimers();
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a save the disk refuses, from the renderer to the file', () => {
  it('shows the plain message, keeps every edit pending, retries, and lands them all once there is space', async () => {
    const created = await api.createMap({ name: 'Plan' });
    const store = createMapStore();
    const session = await api.openMapSession({ mapId: created.id, sessionId: store.getState().sessionId });
    store.getState().load(session.map);
    vi.useFakeTimers();
    const autosave = startAutosave(store, api, { delayMs: 250, retryMs: 2000 });

    const db = backend.documents.database.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    // Twenty long titles: more than the free space left in the file's pages.
    const addMany = (kind: 'goal' | 'mechanism', y: number) => {
      for (let i = 0; i < 20; i++)
        store.getState().addNode(kind, { x: i * 10, y }, `${kind} ${i} `.repeat(20));
    };
    addMany('goal', 0);
    await vi.advanceTimersByTimeAsync(300);
    expect(store.getState()).toMatchObject({ saveState: 'failed', saveError: STORAGE_MESSAGES.full });

    // More edits while the disk is full: kept too, and the retries keep failing without loss.
    addMany('mechanism', 200);
    await vi.advanceTimersByTimeAsync(4_500);
    expect(store.getState().saveState).toBe('failed');
    expect((await api.loadMap({ mapId: created.id })).nodes).toHaveLength(0);

    db.pragma('max_page_count = 1073741823');
    await vi.advanceTimersByTimeAsync(2_100);
    expect(store.getState()).toMatchObject({ saveState: 'saved', saveError: null });
    const stored = await api.loadMap({ mapId: created.id });
    expect(stored.nodes.filter((n) => n.kind === 'goal')).toHaveLength(20);
    expect(stored.nodes.filter((n) => n.kind === 'mechanism')).toHaveLength(20);
    expect(stored.revision).toBe(store.getState().revision);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    autosave.stop();
  });

  it('words the refusal in the language the UI is in, and leaves other messages as they are', async () => {
    const transport = Object.fromEntries(
      METHOD_NAMES.map((method) => [method, (args: unknown) => backend.registry.dispatch(method, args)]),
    ) as unknown as TransportApi;
    let language: 'en' | 'zh-CN' = 'zh-CN';
    const chinese = createApiClient(transport, () => language);
    const created = await chinese.createMap({ name: 'Plan' });
    const db = backend.documents.database.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const save = () =>
      chinese.saveChanges({
        mapId: created.id,
        sessionId: 's1',
        baseRevision: 0,
        upsertNodes: Array.from({ length: 40 }, (_, i) =>
          createNode('goal', `g${i}`, `goal ${i} `.repeat(20), { x: 0, y: i * 100 }),
        ),
        upsertLinks: [],
        deleteNodeIds: [],
        deleteLinkIds: [],
      });
    await expect(save()).rejects.toMatchObject({ code: 'storage-failed', message: FULL_ZH });
    language = 'en';
    await expect(save()).rejects.toMatchObject({ message: STORAGE_MESSAGES.full });
    language = 'zh-CN';
    await expect(chinese.loadMap({ mapId: 'nope' })).rejects.toMatchObject({
      code: 'not-found',
      message: '此文档中没有地图“nope”。',
    });
  });
});
