import { describe, expect, it } from 'vitest';
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
});
