import { describe, expect, it } from 'vitest';
import { nodesOf } from '../../shared/room/map-doc';
import { tempDir } from '../storage/helpers';
import { EDIT_KEY, endedAfterEach, joinRoom, smallMap, startRoomHarness, until } from './room-harness';

const open = endedAfterEach();

describe('a participant coming back with offline edits', () => {
  // Between the connection opening and the server's sync request, the provider sends a new edit
  // at once, while the offline edits it builds on go only in the answer to that request: the
  // room receives a change that depends on changes it has not seen yet. That is the order of an
  // honest participant, not an attack: it must not be refused for good.
  it('is not turned away for an edit made as its connection opens, and both edits are stored', async () => {
    const harness = await startRoomHarness(tempDir());
    open.harness.push(harness);
    const { id: mapId } = harness.repository.createMap('Offsite', smallMap());
    const a = joinRoom(harness.url, mapId, EDIT_KEY);
    open.peers.push(a);
    await until(() => a.provider.synced);
    a.provider.disconnect();
    nodesOf(a.doc).get('g1')?.set('title', 'Edited offline');
    let edited = false;
    a.provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected' || edited) return;
      edited = true;
      nodesOf(a.doc).get('g2')?.set('title', 'Edited as the connection opened');
    });
    a.provider.connect();
    await until(() => {
      const titles = harness.repository.loadMap(mapId).nodes.map((n) => n.title);
      return titles.includes('Edited offline') && titles.includes('Edited as the connection opened');
    }, 5000).catch(() => {});
    expect(edited).toBe(true);
    expect(harness.events.filter((e) => e.kind === 'refused')).toEqual([]);
    const titles = harness.repository.loadMap(mapId).nodes.map((n) => n.title);
    expect(titles).toContain('Edited offline');
    expect(titles).toContain('Edited as the connection opened');
    await until(() => a.provider.wsconnected && a.provider.synced);
  });
});
