import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PlanServer, startPlanServer } from '../../electron/backend/server/http-server';
import { MAX_BODY_BYTES, sessionCookieName } from '../../electron/backend/server/request-guards';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { type RawRequest, rawRequest } from './http-helpers';

const TOKEN = 'a'.repeat(64);
const INDEX_HTML = '<!doctype html><title>Throughline</title><div id="root"></div>';

let dir: string;
let rendererDir: string;
let dbPath: string;
let backend: PlanBackend;
let server: PlanServer;
let cookie: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-server-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets', 'nested'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(rendererDir, 'assets', 'print-Bt53q8ao.js'), 'console.log("print");');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(rendererDir, 'assets', 'nested', 'data.json'), '{}');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  dbPath = join(dir, 'library.throughline');
  backend = openPlanBackend({ libraryPath: dbPath, stateDir: dirname(dbPath) });
  server = await startPlanServer({ registry: backend.registry, rendererDir, token: TOKEN });
  // Signed in with another one-time address, so openUrl's token is still unused for the tests.
  cookie = await signIn(server.issueOpenUrl());
});

/** Opens a one-time address as the browser would; the session cookie it sets, as `name=value`. */
async function signIn(openUrl: string): Promise<string> {
  const url = new URL(openUrl);
  const opened = await rawRequest({ port: Number(url.port), path: url.pathname + url.search });
  expect(opened.status).toBe(200);
  return (opened.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
}

afterEach(async () => {
  await server.close();
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A request with the session cookie, as the app in the browser makes it. */
const authed = (req: Omit<RawRequest, 'port'>) =>
  rawRequest({ ...req, port: server.port, headers: { cookie, ...req.headers } });

const api = (method: string, payload: unknown, headers: Record<string, string> = {}) =>
  authed({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', origin: server.origin, ...headers },
    body: JSON.stringify(payload),
  });

const errorCode = (res: { json(): unknown }) =>
  (res.json() as { ok: false; error: { code: string } }).error.code;

describe('startPlanServer: the happy path', () => {
  it('binds 127.0.0.1 on a free port and prints an address carrying the token', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.openUrl).toBe(`${server.origin}/?token=${TOKEN}`);
  });

  it('generates a fresh 32-byte token when none is given', async () => {
    const other = await startPlanServer({ registry: backend.registry, rendererDir });
    try {
      expect(other.openUrl).toMatch(/\/\?token=[0-9a-f]{64}$/);
      expect(other.openUrl).not.toContain(TOKEN);
    } finally {
      await other.close();
    }
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie, serves the app and answers the API', async () => {
    const opened = await rawRequest({ port: server.port, path: `/?token=${TOKEN}` });
    // Not a redirect: a same-origin refresh, so the Strict cookie goes along even when a launch
    // page on file:// started the navigation.
    expect(opened.status).toBe(200);
    expect(opened.headers.refresh).toBe('0; url=/');
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(opened.text).toContain('<meta http-equiv="refresh" content="0; url=/">');
    const setCookie = opened.headers['set-cookie']?.[0] ?? '';
    // A fresh secret, not the token: the address seen somewhere later opens nothing.
    expect(setCookie).toMatch(
      new RegExp(`^${sessionCookieName(server.port)}=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    expect(setCookie).not.toContain(TOKEN);
    const sessionCookie = setCookie.split(';')[0] as string;

    const index = await rawRequest({ port: server.port, path: '/', headers: { cookie: sessionCookie } });
    expect(index.status).toBe(200);
    expect(index.text).toBe(INDEX_HTML);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');

    const created = await api('createMap', { name: 'Growth 2026' });
    expect(created.status).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const map = created.json() as { ok: true; value: { id: string; name: string } };
    expect(map.ok).toBe(true);
    expect(map.value.name).toBe('Growth 2026');

    const listed = (await api('listMaps', {})).json() as { ok: true; value: { id: string }[] };
    expect(listed.value.map((m) => m.id)).toEqual([map.value.id]);
  });

  it('serves assets with their content types, and index.html for client routes', async () => {
    const types: Record<string, string> = {
      '/assets/app.js': 'text/javascript; charset=utf-8',
      '/assets/app.css': 'text/css; charset=utf-8',
      '/assets/font.woff2': 'font/woff2',
      '/assets/logo.svg': 'image/svg+xml',
      '/assets/nested/data.json': 'application/json; charset=utf-8',
    };
    for (const [path, type] of Object.entries(types)) {
      const res = await authed({ path });
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe(type);
      expect(res.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
    }
    const route = await authed({ path: '/maps/abc' });
    expect(route.status).toBe(200);
    expect(route.text).toBe(INDEX_HTML);
    expect((await authed({ path: '/assets/missing.js' })).status).toBe(404);
    const head = await authed({ method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('lets the browser keep the hashed assets of the build for good, and nothing else', async () => {
    const hashed = await authed({ path: '/assets/print-Bt53q8ao.js' });
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Without a content hash in the name a file may change under the same address: revalidated.
    expect((await authed({ path: '/assets/app.js' })).headers['cache-control']).toBe('no-cache');
    expect((await authed({ path: '/' })).headers['cache-control']).toBe('no-store');
    expect((await authed({ path: '/maps/abc' })).headers['cache-control']).toBe('no-store');
  });

  it('answers an API call with no body as an empty payload', async () => {
    const res = await authed({
      method: 'POST',
      path: '/api/listMaps',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true, value: [] });
  });
});

describe('startPlanServer: refusals', () => {
  it('refuses a request with no token and no cookie (401)', async () => {
    for (const path of ['/', '/assets/app.js']) {
      const res = await rawRequest({ port: server.port, path });
      expect(res.status, path).toBe(401);
      expect(errorCode(res)).toBe('forbidden-sender');
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.text).not.toContain(INDEX_HTML);
    }
    const call = await rawRequest({
      port: server.port,
      method: 'POST',
      path: '/api/listMaps',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(call.status).toBe(401);
  });

  it('takes each token once: a second use, or the token as a cookie, is refused', async () => {
    const first = await signIn(server.openUrl);
    const again = await rawRequest({ port: server.port, path: `/?token=${TOKEN}` });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.text).toMatch(/used already or has expired/);
    // Two addresses, two sessions with secrets of their own; both stay valid.
    const second = await signIn(server.issueOpenUrl());
    expect(second).not.toBe(first);
    for (const c of [first, second, cookie]) {
      expect((await rawRequest({ port: server.port, path: '/', headers: { cookie: c } })).status).toBe(200);
    }
    const tokenAsCookie = `${sessionCookieName(server.port)}=${TOKEN}`;
    expect(
      (await rawRequest({ port: server.port, path: '/', headers: { cookie: tokenAsCookie } })).status,
    ).toBe(403);
  });

  it('refuses a token once its lifetime is over', async () => {
    const brief = await startPlanServer({ registry: backend.registry, rendererDir, tokenLifetimeMs: 100 });
    try {
      const url = new URL(brief.issueOpenUrl());
      await new Promise((resolve) => setTimeout(resolve, 200));
      const late = await rawRequest({ port: brief.port, path: url.pathname + url.search });
      expect(late.status).toBe(403);
      expect(late.headers['set-cookie']).toBeUndefined();
      const fresh = new URL(brief.issueOpenUrl());
      expect((await rawRequest({ port: brief.port, path: fresh.pathname + fresh.search })).status).toBe(200);
    } finally {
      await brief.close();
    }
  });

  it('refuses a wrong token (403) and sets no cookie', async () => {
    const res = await rawRequest({ port: server.port, path: `/?token=${'b'.repeat(64)}` });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await rawRequest({ port: server.port, path: '/?token=' })).status).toBe(403);
  });

  it('refuses a wrong cookie (403), also on the API', async () => {
    const wrong = `${sessionCookieName(server.port)}=${'b'.repeat(64)}`;
    expect((await rawRequest({ port: server.port, path: '/', headers: { cookie: wrong } })).status).toBe(403);
    const call = await rawRequest({
      port: server.port,
      method: 'POST',
      path: '/api/createMap',
      headers: { cookie: wrong, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(call.status).toBe(403);
    // The token under another cookie name (another server's port) does not count either.
    const otherName = `${sessionCookieName(server.port + 1)}=${cookie.split('=')[1]}`;
    expect((await rawRequest({ port: server.port, path: '/', headers: { cookie: otherName } })).status).toBe(
      401,
    );
    expect(((await api('listMaps', {})).json() as { value: unknown[] }).value).toEqual([]);
  });

  it('refuses a foreign Host header (403), even with the right token and cookie (DNS rebinding)', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      'evil.example',
      '127.0.0.1',
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const res = await authed({ path: '/', headers: { host } });
      expect(res.status, host).toBe(403);
      expect(errorCode(res)).toBe('forbidden-sender');
      const opened = await rawRequest({ port: server.port, path: `/?token=${TOKEN}`, headers: { host } });
      expect(opened.status, host).toBe(403);
      expect(opened.headers['set-cookie']).toBeUndefined();
    }
    const rebound = await api('createMap', { name: 'x' }, { host: `evil.example:${server.port}` });
    expect(rebound.status).toBe(403);
    expect(((await api('listMaps', {})).json() as { value: unknown[] }).value).toEqual([]);
    // localhost with the right port is the same server.
    const local = await authed({ path: '/', headers: { host: `localhost:${server.port}` } });
    expect(local.status).toBe(200);
  });

  it('refuses a foreign Origin (403), on the API and on pages', async () => {
    for (const origin of [
      'http://evil.example',
      'null',
      `http://localhost:${server.port}`,
      `https://127.0.0.1:${server.port}`,
    ]) {
      const res = await api('createMap', { name: 'From elsewhere' }, { origin });
      expect(res.status, origin).toBe(403);
      expect(errorCode(res)).toBe('forbidden-sender');
    }
    expect((await authed({ path: '/', headers: { origin: 'http://evil.example' } })).status).toBe(403);
    const crossSite = await api('createMap', { name: 'x' }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(((await api('listMaps', {})).json() as { value: unknown[] }).value).toEqual([]);
  });

  it('refuses path traversal, plain and encoded', async () => {
    for (const path of [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/..%2f..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5c..%5csecret.txt',
      '/%2fetc%2fpasswd',
      '/C:%5cWindows%5cwin.ini',
      '/.env',
    ]) {
      const res = await authed({ path });
      expect(res.status, path).toBe(403);
      expect(res.text, path).not.toContain('outside the renderer');
    }
    for (const path of ['/index.html%00.js', '/%E0%A4%A', '//etc/passwd', 'http://evil.example/x']) {
      const res = await authed({ path });
      expect([400, 403], path).toContain(res.status);
      expect(res.text, path).not.toContain('outside the renderer');
    }
  });

  it('lists no directory', async () => {
    for (const path of ['/assets', '/assets/', '/assets/nested/']) {
      const res = await authed({ path });
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('app.js');
    }
  });

  it('refuses GET (and other verbs) on the API with 405', async () => {
    const get = await authed({ path: '/api/listMaps' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(errorCode(get)).toBe('invalid-payload');
    const put = await authed({
      method: 'PUT',
      path: '/api/listMaps',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(put.status).toBe(405);
    const postPage = await authed({
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(postPage.status).toBe(405);
  });

  it('refuses a non-JSON content type with 415 (a cross-site form cannot send JSON)', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await authed({
        method: 'POST',
        path: '/api/createMap',
        headers: { 'content-type': type },
        body: JSON.stringify({ name: 'x' }),
      });
      expect(res.status, type).toBe(415);
    }
    const none = await authed({
      method: 'POST',
      path: '/api/createMap',
      body: JSON.stringify({ name: 'x' }),
    });
    expect(none.status).toBe(415);
    expect(((await api('listMaps', {})).json() as { value: unknown[] }).value).toEqual([]);
  });

  it('refuses an oversized body with 413, by declared length and by streamed size', async () => {
    const declared = await authed({
      method: 'POST',
      path: '/api/importMapJson',
      headers: { 'content-type': 'application/json', 'content-length': MAX_BODY_BYTES + 1 },
      body: '{}'.padEnd(16, ' '),
    }).catch((error: NodeJS.ErrnoException) => ({ status: error.code, text: '' }));
    expect(declared.status).toBe(413);

    const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);
    const streamed = await authed({
      method: 'POST',
      path: '/api/importMapJson',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: big,
    }).catch((error: NodeJS.ErrnoException) => ({ status: error.code, text: '' }));
    // The server answers 413 and drops the rest; a client still writing may see the reset instead.
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(streamed.status);
    expect(((await api('listMaps', {})).json() as { value: unknown[] }).value).toEqual([]);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await authed({
      method: 'POST',
      path: '/api/createMap',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid-payload');
  });

  it('answers a bad payload with the typed invalid-payload error and leaves the database unchanged', async () => {
    const created = (await api('createMap', { name: 'Kept' })).json() as { value: { id: string } };
    const before = (await api('listMaps', {})).json();
    const loadBefore = (await api('loadMap', { mapId: created.value.id })).json();

    const bad: [string, unknown][] = [
      ['createMap', { name: '' }],
      ['createMap', { name: 42 }],
      ['createMap', []],
      ['renameMap', { mapId: created.value.id, name: 'x'.repeat(5000) }],
      ['renameMap', { mapId: '../../etc', name: 'x' }],
      ['deleteMap', { mapId: 'has spaces' }],
      ['importMapJson', { text: 7 }],
    ];
    for (const [method, payload] of bad) {
      const res = await api(method, payload);
      expect(res.status, method).toBe(200);
      const body = res.json() as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok, method).toBe(false);
      expect(body.error.code, method).toBe('invalid-payload');
      expect(body.error.message).not.toMatch(/\n\s+at /);
    }
    expect((await api('listMaps', {})).json()).toEqual(before);
    expect((await api('loadMap', { mapId: created.value.id })).json()).toEqual(loadBefore);

    // And byte for byte, once the WAL is folded back: a further bad payload writes nothing.
    await server.close();
    backend.close();
    const hash = () => createHash('sha256').update(readFileSync(dbPath)).digest('hex');
    const sealed = hash();
    backend = openPlanBackend({ libraryPath: dbPath, stateDir: dirname(dbPath) });
    server = await startPlanServer({ registry: backend.registry, rendererDir, token: TOKEN });
    cookie = await signIn(server.issueOpenUrl());
    expect((await api('createMap', { name: '' })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    await server.close();
    backend.close();
    expect(hash()).toBe(sealed);
    backend = openPlanBackend({ libraryPath: dbPath, stateDir: dirname(dbPath) });
    server = await startPlanServer({ registry: backend.registry, rendererDir, token: TOKEN });
  });

  it('answers an unknown method with the typed unknown-method error', async () => {
    for (const method of ['dropDatabase', 'constructor', 'hasOwnProperty', 'toString']) {
      const res = await api(method, {});
      expect(res.status, method).toBe(200);
      expect(res.json(), method).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
    const nested = await api('listMaps/extra', {});
    expect(nested.status).toBe(404);
    expect(errorCode(nested)).toBe('unknown-method');
  });

  it('has no way to write a map around its room: the old save and map-session methods are unknown', async () => {
    const removed = [
      'saveChanges',
      'openMapSession',
      'keepMapSession',
      'releaseMapSession',
      'endMapSessions',
    ];
    for (const method of removed) {
      const res = await api(method, { mapId: 'any', sessionId: 's1', baseRevision: 0 });
      expect(res.json(), method).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });
});
