import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { STORAGE_MESSAGES } from '../../electron/backend/storage/storage-errors';
import { createApiClient } from '../../renderer/src/api/client';
import type { TransportApi } from '../../shared/contract/api';
import { wordError } from '../../shared/contract/error-wording';
import { METHOD_NAMES } from '../../shared/contract/methods';
import { serializeInterchange } from '../../shared/interchange';
import { createNode } from '../../shared/model';

const FULL_ZH = wordError({ reason: 'storage-full', params: {} }, 'zh-CN');

// A write the disk refuses (an import), through the contract client, the method registry and a
// real SQLite file whose connection hits a real SQLITE_FULL (a page limit, which also works where
// tests run as root). A map's edits go through its room: tests/room/store-in-room.test.ts.

let dir: string;
let backend: PlanBackend;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-save-failure-'));
  backend = openPlanBackend({ libraryPath: join(dir, 'library.throughline'), stateDir: dir });
});
afterEach(() => {
  vi.useRealTimers();
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a write the disk refuses, through the contract', () => {
  it('words the refusal in the language the UI is in, and leaves other messages as they are', async () => {
    const transport = Object.fromEntries(
      METHOD_NAMES.map((method) => [method, (args: unknown) => backend.registry.dispatch(method, args)]),
    ) as unknown as TransportApi;
    let language: 'en' | 'zh-CN' = 'zh-CN';
    const chinese = createApiClient(transport, () => language);
    await chinese.createMap({ name: 'Plan' });
    const db = backend.documents.database.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const nodes = Array.from({ length: 40 }, (_, i) =>
      createNode('goal', `g${i}`, `goal ${i} `.repeat(20), { x: 0, y: i * 100 }),
    );
    const save = () => chinese.importMapJson({ text: serializeInterchange('Plan', { nodes, links: [] }) });
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
