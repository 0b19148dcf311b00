import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { lanAddress } from '../../electron/backend/server/sharing';
import type { ShareInfo } from '../../shared/contract';
import { nodesOf } from '../../shared/room/map-doc';
import { ROOM_CLOSE } from '../../shared/room/protocol';
import { joinRoom, type Participant, smallMap, until } from '../room/room-harness';
import { call, cookieOf, get, type ShareHarness, startShareHarness, upgradeStatus } from './share-harness';

const open: { harness: ShareHarness[]; peers: Participant[] } = { harness: [], peers: [] };
afterEach(async () => {
  for (const p of open.peers.splice(0)) p.leave();
  for (const h of open.harness.splice(0)) await h.close();
});

async function sharedMap() {
  const h = await startShareHarness();
  open.harness.push(h);
  const { id: mapId } = h.backend.documents.repository.createMap('Offsite', smallMap());
  const started = await call(h.server.port, h.hostCookie, 'startSharing', { host: '127.0.0.1' });
  expect(started.body.ok).toBe(true);
  const share = started.body.value as ShareInfo;
  return { h, mapId, share };
}

const keyOf = (url: string) => new URL(url).searchParams.get('join') as string;
const roomUrl = (share: ShareInfo) => `${share.secure ? 'wss' : 'ws'}://127.0.0.1:${share.port}/sync`;

function participant(share: ShareInfo, mapId: string, key: string) {
  const p = joinRoom(roomUrl(share), mapId, key);
  open.peers.push(p);
  return p;
}

function addGoal(doc: Y.Doc, id: string, title: string) {
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    const goal = { id, kind: 'goal', title, description: '', owner: '', position: { x: 1, y: 2 } };
    for (const [k, v] of Object.entries({ ...goal, horizon: '', priority: null, status: 'proposed' }))
      fields.set(k, v);
    nodesOf(doc).set(id, fields);
  });
}

/** A participant's session: the join address traded for a cookie, as a browser opening it. */
async function joinAs(url: string): Promise<string> {
  const res = await get(url);
  expect(res.status).toBe(200);
  expect(res.headers.refresh).toBe('0; url=/');
  return cookieOf(res);
}

describe('sharing the rooms on the LAN', () => {
  it('starts a share with two fresh keys on the chosen address, and reports it to the host only', async () => {
    const { h, share } = await sharedMap();
    expect(share).toMatchObject({ host: '127.0.0.1', secure: false });
    expect(share.port).not.toBe(h.server.port);
    expect(share.editUrl).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${share.port}/\\?join=[A-Za-z0-9_-]{24}$`),
    );
    expect(keyOf(share.editUrl)).not.toBe(keyOf(share.viewUrl));
    expect((await call(h.server.port, h.hostCookie, 'sharingStatus')).body.value).toEqual(share);
    expect((await call(h.server.port, h.hostCookie, 'roomAccess')).body.value).toEqual({
      access: 'edit',
      key: null,
      host: true,
      url: null,
    });
    // A second start while sharing is refused: stop first (a new share makes new keys).
    const again = await call(h.server.port, h.hostCookie, 'startSharing', { host: '127.0.0.1' });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('lets an editor join with the editor key, edit over the room and call write methods', async () => {
    const { h, mapId, share } = await sharedMap();
    const cookie = await joinAs(share.editUrl);
    const access = await call(share.port, cookie, 'roomAccess');
    expect(access.body.value).toEqual({ access: 'edit', key: keyOf(share.editUrl), host: false, url: null });
    const created = await call(share.port, cookie, 'createMap', { name: 'From the room' });
    expect(created.body).toMatchObject({ ok: true, value: { name: 'From the room' } });

    const editor = participant(share, mapId, keyOf(share.editUrl));
    await editor.synced();
    addGoal(editor.doc, 'g7', 'Enter Japan');
    await until(() => h.backend.documents.repository.loadMap(mapId).nodes.some((n) => n.id === 'g7'));
    // The host's documents, backups and sharing stay the host's.
    for (const method of [
      'listRecentDocuments',
      'downloadDocument',
      'listBackups',
      'stopSharing',
      'sharingStatus',
    ]) {
      const refused = await call(share.port, cookie, method);
      expect(refused.body, method).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(h.server.sharing.status()).toEqual(share);
  });

  it('lets an observer read, and refuses its room updates and its write calls', async () => {
    const { h, mapId, share } = await sharedMap();
    const viewKey = keyOf(share.viewUrl);
    const cookie = await joinAs(share.viewUrl);
    expect((await call(share.port, cookie, 'roomAccess')).body.value).toEqual({
      access: 'view',
      key: viewKey,
      host: false,
      url: null,
    });
    const listed = await call(share.port, cookie, 'listMaps');
    expect(listed.body.ok).toBe(true);
    expect((await call(share.port, cookie, 'loadMap', { mapId })).body.ok).toBe(true);
    expect((await call(share.port, cookie, 'exportMapJson', { mapId })).body.ok).toBe(true);
    // The document's name, not where it lives on the host's disk.
    const info = (await call(share.port, cookie, 'documentInfo')).body.value as {
      path: string;
      fileName: string;
    };
    expect(info).toMatchObject({ path: 'library.throughline', fileName: 'library.throughline' });
    const hostInfo = (await call(h.server.port, h.hostCookie, 'documentInfo')).body.value as { path: string };
    expect(hostInfo.path).toContain(h.dir);
    const revision = h.backend.documents.repository.loadMap(mapId).revision;
    for (const [method, payload] of [
      ['createMap', { name: 'Sneaky' }],
      ['renameMap', { mapId, name: 'Sneaky' }],
      ['deleteMap', { mapId }],
      ['importMapJson', { text: '{}' }],
      ['readCheckinTable', { fileName: 'numbers.csv', base64: 'bWV0cmljLGRhdGUsdmFsdWUK' }],
    ] as const) {
      const refused = await call(share.port, cookie, method, payload);
      expect(refused.body, method).toMatchObject({
        ok: false,
        error: { code: 'read-only', wording: { reason: 'session-view-only' } },
      });
    }
    expect(h.backend.documents.repository.listMapPage(0, 10).total).toBe(1);

    const viewer = participant(share, mapId, viewKey);
    await viewer.synced();
    expect(nodesOf(viewer.doc).size).toBe(4);
    addGoal(viewer.doc, 'g9', 'Sneaky');
    expect(await viewer.closed).toBe(ROOM_CLOSE.viewOnly);
    expect(h.backend.documents.repository.loadMap(mapId).revision).toBe(revision);
  });

  it('refuses a missing or wrong key with 401, on the join address, the API and the room', async () => {
    const { mapId, share } = await sharedMap();
    const base = `http://127.0.0.1:${share.port}`;
    expect((await get(`${base}/?join=not-a-key`)).status).toBe(401);
    expect((await call(share.port, null, 'listMaps')).status).toBe(401);
    expect((await get(`${base}/`)).status).toBe(401);
    expect(await upgradeStatus(`${roomUrl(share)}/${mapId}`)).toBe(401);
    expect(await upgradeStatus(`${roomUrl(share)}/${mapId}?key=not-a-key`)).toBe(401);
    // A shared key signs no one in on the loopback address (that is the host's), and only /sync/ upgrades.
    const { h, share: second } = await sharedMap();
    const edit = keyOf(second.editUrl);
    expect((await get(`http://127.0.0.1:${h.server.port}/?join=${edit}`)).status).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${second.port}/elsewhere?key=${edit}`)).toBe(404);
    // The loopback address admits the host's cookie, and no one without it or a key.
    expect(await upgradeStatus(`ws://127.0.0.1:${h.server.port}/sync/${mapId}`)).toBe(401);
    expect(
      await upgradeStatus(`ws://127.0.0.1:${h.server.port}/sync/${mapId}`, {
        headers: { cookie: h.hostCookie },
      }),
    ).not.toBe(401);
  });

  it('refuses a foreign Host or Origin on the shared address, for pages, the API and the room', async () => {
    const { mapId, share } = await sharedMap();
    const key = keyOf(share.editUrl);
    const cookie = await joinAs(share.editUrl);
    const foreignHost = { host: `evil.example:${share.port}` };
    expect((await get(share.editUrl, foreignHost)).status).toBe(403);
    expect((await call(share.port, cookie, 'listMaps', {}, foreignHost)).status).toBe(403);
    // The loopback name of the host is not the shared listener's either.
    expect((await call(share.port, cookie, 'listMaps', {}, { host: `localhost:${share.port}` })).status).toBe(
      403,
    );
    expect((await call(share.port, cookie, 'listMaps', {}, { origin: 'http://evil.example' })).status).toBe(
      403,
    );
    const room = `${roomUrl(share)}/${mapId}?key=${key}`;
    expect(await upgradeStatus(room, { headers: foreignHost })).toBe(403);
    expect(await upgradeStatus(room, { origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(room, { origin: `http://127.0.0.1:${share.port}` })).toBe(101);
  });

  it('stops sharing: connected participants closed with 4410, sessions and keys dead, a new share new keys', async () => {
    const { h, mapId, share } = await sharedMap();
    const cookie = await joinAs(share.editUrl);
    const editor = participant(share, mapId, keyOf(share.editUrl));
    const viewer = participant(share, mapId, keyOf(share.viewUrl));
    // A participant's key works on the loopback address's room too, and is closed as well.
    const throughLoopback = joinRoom(`ws://127.0.0.1:${h.server.port}/sync`, mapId, keyOf(share.editUrl));
    open.peers.push(throughLoopback);
    // The host's own connection stays.
    const host = joinRoom(`ws://127.0.0.1:${h.server.port}/sync`, mapId, null);
    open.peers.push(host);
    await Promise.all([editor.synced(), viewer.synced(), throughLoopback.synced()]);

    const stopped = await call(h.server.port, h.hostCookie, 'stopSharing');
    expect(stopped.body.value).toEqual({ stopped: true });
    expect(await editor.closed).toBe(ROOM_CLOSE.ended);
    expect(await viewer.closed).toBe(ROOM_CLOSE.ended);
    expect(await throughLoopback.closed).toBe(ROOM_CLOSE.ended);
    expect((await call(h.server.port, h.hostCookie, 'sharingStatus')).body.value).toBeNull();
    expect(
      await upgradeStatus(`ws://127.0.0.1:${h.server.port}/sync/${mapId}?key=${keyOf(share.editUrl)}`),
    ).toBe(401);

    const again = (await call(h.server.port, h.hostCookie, 'startSharing', { host: '127.0.0.1' })).body
      .value as ShareInfo;
    expect(keyOf(again.editUrl)).not.toBe(keyOf(share.editUrl));
    expect(keyOf(again.viewUrl)).not.toBe(keyOf(share.viewUrl));
    const base = `http://127.0.0.1:${again.port}`;
    expect((await get(`${base}/?join=${keyOf(share.editUrl)}`)).status).toBe(401);
    expect(
      await upgradeStatus(`ws://127.0.0.1:${again.port}/sync/${mapId}?key=${keyOf(share.viewUrl)}`),
    ).toBe(401);
    // The old session's cookie opens nothing on the new address.
    expect(
      (await call(again.port, cookie.replace(String(share.port), String(again.port)), 'listMaps')).status,
    ).toBe(403);
    expect(
      await upgradeStatus(`ws://127.0.0.1:${again.port}/sync/${mapId}?key=${keyOf(again.editUrl)}`),
    ).toBe(101);
  });

  it('picks the first non-internal IPv4 address of the machine', () => {
    const entry = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({
      address,
      family,
      internal,
      netmask: '',
      mac: '',
      cidr: null,
      ...(family === 'IPv6' ? { scopeid: 0 } : {}),
    });
    expect(
      lanAddress({
        lo: [entry('127.0.0.1', 'IPv4', true)],
        eth0: [entry('fe80::1', 'IPv6', false), entry('192.168.1.20', 'IPv4', false)],
        wlan0: [entry('10.0.0.5', 'IPv4', false)],
      } as never),
    ).toBe('192.168.1.20');
    expect(lanAddress({ lo: [entry('127.0.0.1', 'IPv4', true)] } as never)).toBeNull();
  });

  it('refuses to share without a LAN address, saying so', async () => {
    const h = await startShareHarness({ interfaces: () => ({}) });
    open.harness.push(h);
    const refused = await call(h.server.port, h.hostCookie, 'startSharing');
    expect(refused.body).toMatchObject({
      ok: false,
      error: { code: 'unsupported', wording: { reason: 'sharing-no-address' } },
    });
    expect(h.server.sharing.status()).toBeNull();
  });
});
