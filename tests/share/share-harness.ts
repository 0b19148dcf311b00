import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WebSocket } from 'ws';
import {
  type PlanServer,
  type PlanServerOptions,
  startPlanServer,
} from '../../electron/backend/server/http-server';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { type RawRequest, type RawResponse, rawRequest } from '../server/http-helpers';

export interface ShareHarness {
  dir: string;
  backend: PlanBackend;
  server: PlanServer;
  /** The host's own session cookie (`name=value`), signed in on loopback. */
  hostCookie: string;
  close(): Promise<void>;
}

/** A plan server with rooms over a fresh library, its renderer a stub page; the host signed in. */
export async function startShareHarness(extra: Partial<PlanServerOptions> = {}): Promise<ShareHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-share-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Throughline</title>');
  const libraryPath = join(dir, 'library.throughline');
  const backend = openPlanBackend({ libraryPath, stateDir: dirname(libraryPath) });
  const server = await startPlanServer({
    registry: backend.registry,
    rendererDir,
    repository: () => backend.documents.repository,
    ...extra,
  });
  const opened = await get(server.issueOpenUrl());
  const hostCookie = cookieOf(opened);
  return {
    dir,
    backend,
    server,
    hostCookie,
    close: async () => {
      await server.close();
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` of a response's Set-Cookie. */
export const cookieOf = (res: RawResponse) => (res.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;

/** GET of a whole address on 127.0.0.1 (its port and path), with the Host it names. */
export function get(address: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(address);
  return rawRequest({ port: Number(url.port), path: url.pathname + url.search, headers });
}

/** A contract call as a page of that origin makes it. */
export async function call(
  port: number,
  cookie: string | null,
  method: string,
  payload: unknown = {},
  headers: RawRequest['headers'] = {},
): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  const res = await rawRequest({
    port,
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify(payload),
  });
  return {
    status: res.status,
    body: res.json() as { ok: boolean; value?: unknown; error?: { code: string } },
  };
}

/** The HTTP status a WebSocket upgrade is answered with when it is refused, or 101 when it opens. */
export function upgradeStatus(
  url: string,
  options: ConstructorParameters<typeof WebSocket>[2] = {},
): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, options);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('open', () => {
      resolve(101);
      ws.terminate();
    });
    ws.on('error', () => resolve(-1));
  });
}
