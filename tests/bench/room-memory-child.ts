// The room benchmark's memory probe (room.bench.ts), run as `node --expose-gc` on its bundle:
// opens ROOMS rooms of a 1,000-node map each on a real document file in DIR, a participant on
// each sending 100 edits through the room's own message path (checked, stored, applied), and
// prints the heap they hold, per room, in MB, measured after full collections.
// Usage: node --expose-gc room-memory-child.mjs DIR ROOMS
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MapRoom, type RoomPeer } from '../../electron/backend/room/map-room';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { newMapDoc, nodesOf } from '../../shared/room/map-doc';
import { MESSAGE_SYNC } from '../../shared/room/protocol';
import { generateLayeredMap } from './generate-map';

const [dir, roomsArg] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!dir || !roomsArg || !gc) throw new Error('usage: node --expose-gc room-memory-child.mjs DIR ROOMS');
const collect = gc;

const repo = new MapRepository(openDocument(join(dir, 'memory.throughline'), { create: true }));
const { nodes, links } = generateLayeredMap(1000, 5);
const mapIds = Array.from(
  { length: Number(roomsArg) },
  (_, i) => repo.createMap(`Memory ${i}`, { nodes, links }).id,
);

const heap = () => {
  for (let i = 0; i < 3; i++) collect();
  const { heapUsed, external } = process.memoryUsage();
  return { heapUsed, external };
};

const before = heap();
const rooms: MapRoom[] = [];
for (const mapId of mapIds) {
  const room = MapRoom.open(repo, mapId, () => {});
  rooms.push(room);
  const peer: RoomPeer = { access: 'edit', host: false, send: () => {}, close: () => {} };
  room.join(peer);
  const client = newMapDoc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
  client.on('update', (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    room.receive(peer, encoding.toUint8Array(encoder));
  });
  for (let i = 0; i < 100; i++) {
    const fields = nodesOf(client).get(nodes[(i * 37) % nodes.length]?.id as string);
    client.transact(() => {
      fields?.set('title', `Edited ${i}`);
      fields?.set('position', { x: i, y: i * 2 });
    });
  }
  client.destroy();
}
const after = heap();
const sizes = rooms.map((r) => nodesOf(r.doc).size);
if (sizes.some((s) => s !== nodes.length)) throw new Error(`a room lost nodes: ${sizes.join(', ')}`);
const perRoomMB = (bytes: number) => bytes / rooms.length / 2 ** 20;
process.stdout.write(
  `${JSON.stringify({
    heapMB: perRoomMB(after.heapUsed - before.heapUsed),
    externalMB: perRoomMB(after.external - before.external),
  })}\n`,
);
for (const room of rooms) room.close();
repo.close();
