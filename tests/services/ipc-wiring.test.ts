import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MethodRegistry } from '../../electron/backend/services/method-registry';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { registerIpc, rendererSenderCheck } from '../../electron/main/ipc';
import { bridgeApi } from '../../electron/preload/bridge';
import type { ApiResponse } from '../../shared/contract/errors';
import { channelOf, METHOD_NAMES } from '../../shared/contract/methods';

type Handler = (
  event: { senderFrame: { url: string } | null },
  payload: unknown,
) => Promise<ApiResponse<unknown>>;

/** A small fake of Electron's ipcMain: records handlers and refuses a second one per channel, as Electron does. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
  };
}

const RENDERER = 'file:///opt/Throughline/resources/app.asar/out/renderer/index.html';
let dir: string;
let backend: PlanBackend;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-ipc-'));
  backend = openPlanBackend({ libraryPath: join(dir, 'library.throughline'), stateDir: dir });
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('IPC wiring', () => {
  it('registers exactly one channel per contract method', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc as never, backend.registry, rendererSenderCheck(RENDERER));
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  });

  it('answers the app page and refuses any other sender before touching data', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc as never, backend.registry, rendererSenderCheck(RENDERER));
    const create = ipc.handlers.get(channelOf('createMap'));
    if (!create) throw new Error('createMap not wired');
    const ok = await create({ senderFrame: { url: RENDERER } }, { name: 'Plan' });
    expect(ok.ok).toBe(true);
    for (const url of [
      'https://evil.example/index.html',
      'file:///tmp/other/index.html',
      'file:///opt/Throughline/resources/app.asar/out/renderer/index.html.evil',
      'not a url',
      '',
    ]) {
      const refused = await create({ senderFrame: { url } }, { name: 'Injected' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    const none = await create({ senderFrame: null }, { name: 'Injected' });
    expect(none.ok).toBe(false);
    const list = await ipc.handlers.get(channelOf('listMaps'))?.({ senderFrame: { url: RENDERER } }, {});
    expect(list?.ok && (list.value as unknown[]).length).toBe(1);
  });

  it('passes bad payloads to the registry, which answers a typed error', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc as never, backend.registry, rendererSenderCheck(RENDERER));
    const response = await ipc.handlers.get(channelOf('renameMap'))?.(
      { senderFrame: { url: RENDERER } },
      { mapId: 7 },
    );
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});

describe('method registry', () => {
  it('refuses to register a method twice', () => {
    const registry = new MethodRegistry();
    registry.register('listMaps', () => []);
    expect(() => registry.register('listMaps', () => [])).toThrow(/registered twice/);
  });

  it('turns a thrown error into a typed internal error without a stack', async () => {
    const registry = new MethodRegistry();
    registry.register('listMaps', () => {
      throw new Error('boom');
    });
    const response = await registry.dispatch('listMaps', {});
    expect(response).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong: boom',
        wording: { reason: 'internal', params: { detail: 'boom' } },
      },
    });
  });
});

describe('preload bridge', () => {
  it('exposes exactly the contract methods, frozen, each forwarding to its own channel', async () => {
    const calls: [string, unknown][] = [];
    const api = bridgeApi(METHOD_NAMES, async (method, args) => {
      calls.push([method, args]);
      return { ok: true, value: null };
    });
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.loadMap({ mapId: 'm1' });
    expect(calls).toEqual([['loadMap', { mapId: 'm1' }]]);
  });
});
