import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PlanServer, startPlanServer } from '../../electron/backend/server/http-server';
import { sessionCookieName } from '../../electron/backend/server/request-guards';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { createApiClient } from '../../renderer/src/api/client';
import { httpTransport } from '../../renderer/src/api/http-transport';
import { rawRequest } from './http-helpers';

/**
 * A page left open while the server restarted holds a cookie the new server does not know. Its
 * next call is refused, and the refusal is one of the worded sentences, so the page says it in the
 * UI's language like every other error, not in the server's English.
 */

let dir: string;
let backend: PlanBackend;
let server: PlanServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-session-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Throughline</title>');
  backend = openPlanBackend({ libraryPath: join(dir, 'library.throughline'), stateDir: dir });
  server = await startPlanServer({ registry: backend.registry, rendererDir, token: 'b'.repeat(64) });
});

afterEach(async () => {
  await server.close();
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

/** listMaps through the renderer's own client, with a cookie from before a restart (or none). */
async function listMapsWith(cookie: string | null, language: 'en' | 'zh-CN'): Promise<string> {
  const fetchWithCookie: typeof fetch = async (input, init) => {
    const res = await rawRequest({
      port: server.port,
      method: 'POST',
      path: new URL(String(input)).pathname,
      headers: {
        'content-type': 'application/json',
        origin: server.origin,
        ...(cookie === null ? {} : { cookie: `${sessionCookieName(server.port)}=${cookie}` }),
      },
      body: Buffer.from(init?.body as Uint8Array),
    });
    return new Response(res.text, { status: res.status });
  };
  const original = globalThis.fetch;
  globalThis.fetch = fetchWithCookie;
  try {
    await createApiClient(httpTransport(server.origin), () => language).listMaps({});
    return 'answered';
  } catch (error) {
    return (error as Error).message;
  } finally {
    globalThis.fetch = original;
  }
}

describe('a session the server does not know', () => {
  it('is refused in the UI’s language: after a restart, and with no session at all', async () => {
    const stale = 'c'.repeat(64);
    expect(await listMapsWith(stale, 'en')).toBe(
      'This session is not valid for this server (Throughline may have been restarted): open it again with the address it printed when it started.',
    );
    expect(await listMapsWith(stale, 'zh-CN')).toBe(
      '此会话对这个服务器无效（Throughline 可能已重新启动）。请用它启动时打印的地址重新打开。',
    );
    expect(await listMapsWith(null, 'zh-CN')).toBe(
      '请用 Throughline 启动时打印的地址打开它（该地址带有会话令牌）。',
    );
    // The one-time token is not a session: it is traded once for a cookie with a secret of its own.
    expect(await listMapsWith('b'.repeat(64), 'en')).toMatch(/not valid for this server/);
    const url = new URL(server.issueOpenUrl());
    const opened = await rawRequest({ port: server.port, path: url.pathname + url.search });
    const session = (opened.headers['set-cookie']?.[0] ?? '').split(';')[0]?.split('=')[1] ?? '';
    expect(await listMapsWith(session, 'zh-CN')).toBe('answered');
  });
});
