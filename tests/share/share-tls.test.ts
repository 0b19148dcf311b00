import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareInfo } from '../../shared/contract';
import { smallMap } from '../room/room-harness';
import { call, type ShareHarness, startShareHarness, upgradeStatus } from './share-harness';

/** A self-signed certificate for 127.0.0.1, made by openssl for this run; null without openssl. */
function selfSigned(dir: string): { cert: string; key: string } | null {
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
  } catch {
    return null;
  }
  return {
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'throughline-tls-'));
const pem = selfSigned(dir);
if (!pem)
  console.warn('share-tls: openssl is not installed, so no certificate can be made; the TLS test is skipped');
let h: ShareHarness;

beforeAll(async () => {
  if (!pem) return;
  h = await startShareHarness({ tls: pem });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

function httpsGet(url: string, ca: string): Promise<{ status: number; cookie: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0] ?? '' });
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(!pem)('a share with --tls (skipped: openssl is not installed to make a certificate)', () => {
  it('serves the shared address over https and the rooms over wss, with a Secure cookie', async () => {
    if (!pem) return;
    const { id: mapId } = h.backend.documents.repository.createMap('Offsite', smallMap());
    const started = await call(h.server.port, h.hostCookie, 'startSharing', { host: '127.0.0.1' });
    const share = started.body.value as ShareInfo;
    expect(share.secure).toBe(true);
    expect(share.editUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/\?join=/);

    const joined = await httpsGet(share.editUrl, pem.cert);
    expect(joined.status).toBe(200);
    expect(joined.cookie).toMatch(/; Secure$/);
    const key = new URL(share.editUrl).searchParams.get('join') as string;
    const room = `wss://127.0.0.1:${share.port}/sync/${mapId}`;
    expect(await upgradeStatus(`${room}?key=${key}`, { ca: pem.cert })).toBe(101);
    expect(await upgradeStatus(room, { ca: pem.cert })).toBe(401);
    // Plain ws to the TLS port does not reach a room.
    expect(await upgradeStatus(`ws://127.0.0.1:${share.port}/sync/${mapId}?key=${key}`)).not.toBe(101);
  });
});
