import { describe, expect, it } from 'vitest';
import { readCheckins } from '../../shared/room/checkin-doc';
import { readContent } from '../../shared/room/map-doc';
import { ROOM_CLOSE } from '../../shared/room/protocol';
import { tempDir } from '../storage/helpers';
import { EDIT_KEY, endedAfterEach, joinRoom, smallMap, startRoomHarness, until } from './room-harness';

const open = endedAfterEach();

describe('a room that closed and opens again', () => {
  // The tables keep a link whose node is missing (an imported map's, shown as a finding); the
  // document hides it. Comparing the two as they are made every reopening look like a write from
  // elsewhere: a new generation, and every returning participant told to load the map again.
  it('keeps its document and generation when the map holds a link to a missing node', async () => {
    const harness = await startRoomHarness(tempDir());
    open.harness.push(harness);
    const map = smallMap();
    map.links.push({ id: 'lost', source: 'g1', target: 'gone' });
    const { id: mapId } = harness.repository.createMap('Imported', map);
    expect(harness.repository.loadMap(mapId).links.map((l) => l.id)).toContain('lost');

    const a = joinRoom(harness.url, mapId, EDIT_KEY);
    open.peers.push(a);
    await until(() => a.provider.synced);
    const generation = harness.rooms.room(mapId)?.generation as string;
    a.leave();
    open.peers.splice(open.peers.indexOf(a), 1);
    await until(() => harness.rooms.room(mapId) === undefined);

    // The participant comes back with the document it had: the room must be the same one.
    const back = joinRoom(harness.url, mapId, EDIT_KEY, { gen: generation });
    open.peers.push(back);
    const outcome = await Promise.race([
      until(() => back.provider.synced).then(() => 'synced'),
      back.closed.then((code) => (code === ROOM_CLOSE.replaced ? 'replaced' : `closed ${code}`)),
    ]);
    expect(outcome).toBe('synced');
    expect(harness.rooms.room(mapId)?.generation).toBe(generation);
    expect(readContent(back.doc).nodes).toHaveLength(4);
  });

  // With a stored document the room takes the check-ins from it, not from the tables (reading a
  // long history twice slowed every opening); a participant still gets every one.
  it('gives a returning participant every check-in from its stored document', async () => {
    const harness = await startRoomHarness(tempDir());
    open.harness.push(harness);
    const map = smallMap();
    const metric = map.nodes.find((n) => n.kind === 'metric')?.id as string;
    const checkins = ['2026-01-05', '2026-01-12', '2026-01-19'].map((date, i) => ({
      id: `c${i}`,
      metric,
      date,
      value: i,
      confidence: null,
      note: '',
      by: '',
    }));
    const { id: mapId } = harness.repository.createMap('With numbers', { ...map, checkins });

    for (let visit = 0; visit < 2; visit++) {
      const peer = joinRoom(harness.url, mapId, EDIT_KEY);
      open.peers.push(peer);
      await until(() => peer.provider.synced);
      expect(readCheckins(peer.doc).map((c) => c.id)).toEqual(['c0', 'c1', 'c2']);
      peer.leave();
      open.peers.splice(open.peers.indexOf(peer), 1);
      await until(() => harness.rooms.room(mapId) === undefined);
      expect(harness.repository.openRoom(mapId).stored).not.toBeNull();
    }
  });
});
