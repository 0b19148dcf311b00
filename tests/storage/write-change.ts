import * as Y from 'yjs';
import type { MapRepository } from '../../electron/backend/storage/map-repository';
import type { MapLink, MapNode } from '../../shared/model';
import { applyDocChanges, newMapDoc, writeContent } from '../../shared/room/map-doc';

/** One change to a map's content, and the revision of the map it is based on. */
export interface MapChange {
  mapId: string;
  baseRevision: number;
  upsertNodes: MapNode[];
  deleteNodeIds: string[];
  upsertLinks: MapLink[];
  deleteLinkIds: string[];
}

/** Each repository's documents of the maps written through it, with the revision they match. */
const documents = new WeakMap<MapRepository, Map<string, { doc: Y.Doc; revision: number }>>();

/**
 * Writes a change the one way a map's content is written: into its live document, stored with
 * the tables in one transaction (MapRepository.applyRoomChange), refused as a conflict when the
 * map is no longer at `baseRevision`. The storage tests' way to give a map content; the room's
 * own checks (schema, link rules, view-only keys) are the room tests' business.
 */
export function writeChange(repo: MapRepository, change: MapChange): { revision: number } {
  const rooms = documents.get(repo) ?? new Map<string, { doc: Y.Doc; revision: number }>();
  documents.set(repo, rooms);
  let room = rooms.get(change.mapId);
  if (!room || repo.revisionOf(change.mapId) !== room.revision) {
    room?.doc.destroy();
    const map = repo.loadMap(change.mapId);
    const doc = newMapDoc();
    writeContent(doc, map);
    repo.startRoom(change.mapId, map.revision, Y.encodeStateAsUpdate(doc));
    room = { doc, revision: map.revision };
    rooms.set(change.mapId, room);
  }
  const before = Y.encodeStateVector(room.doc);
  applyDocChanges(room.doc, change, 'test');
  try {
    const written = repo.applyRoomChange(
      change.mapId,
      change,
      Y.encodeStateAsUpdate(room.doc, before),
      change.baseRevision,
    );
    room.revision = written.revision;
    return written;
  } catch (error) {
    // The document took a change the file refused: it is read from the file again next time.
    rooms.delete(change.mapId);
    room.doc.destroy();
    throw error;
  }
}
