import { afterEach, describe, expect, it } from 'vitest';
import type { RoomLogEntry, ShareInfo } from '../../shared/contract';
import { nodesOf } from '../../shared/room/map-doc';
import { joinRoom, type Participant, smallMap, until } from '../room/room-harness';
import { call, cookieOf, get, type ShareHarness, startShareHarness } from './share-harness';

const open: { harness: ShareHarness[]; peers: Participant[] } = { harness: [], peers: [] };
afterEach(async () => {
  for (const p of open.peers.splice(0)) p.leave();
  for (const h of open.harness.splice(0)) await h.close();
});

describe('the session log through the contract', () => {
  it('tells the host who changed what, and nobody else', async () => {
    const h = await startShareHarness();
    open.harness.push(h);
    const { id: mapId } = h.backend.documents.repository.createMap('Offsite', smallMap());
    const started = await call(h.server.port, h.hostCookie, 'startSharing', { host: '127.0.0.1' });
    const share = started.body.value as ShareInfo;
    const key = new URL(share.editUrl).searchParams.get('join') as string;
    const p = joinRoom(`ws://127.0.0.1:${share.port}/sync`, mapId, key);
    open.peers.push(p);
    p.provider.awareness.setLocalState({ user: { name: 'Gus', color: '#000' }, selection: [] });
    await p.synced();
    await until(
      () =>
        (h.server.rooms?.room(mapId)?.awareness.getStates().get(p.doc.clientID) as { user?: unknown })
          ?.user !== undefined,
    );
    p.doc.transact(() => nodesOf(p.doc).get('g1')?.set('title', 'Grow faster'));
    await until(() => (h.server.rooms?.log(mapId).length ?? 0) > 0);

    const answer = await call(h.server.port, h.hostCookie, 'roomLog', { mapId });
    const entries = (answer.body.value as { entries: RoomLogEntry[] }).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      who: 'Gus',
      items: [{ kind: 'node', action: 'renamed', title: 'Grow faster', from: 'Grow' }],
    });

    // A participant's session may not read it.
    const res = await get(share.editUrl);
    const cookie = cookieOf(res);
    const refused = await call(share.port, cookie, 'roomLog', { mapId });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });
});
