import type { Migration } from './types';

/**
 * A map's live document (Yjs) beside its tables, so a participant who comes back to a room merges
 * into the same document instead of a rebuilt one (which would bring deleted nodes back). A row of
 * `map_rooms` per map that has been edited live: the revision of `maps` its document matches (a
 * write that went around the room, from the command line or an older app, leaves them apart, and
 * the document is rebuilt from the tables) and the generation, new at each rebuild, which tells a
 * participant still holding an older document to load the map again. `map_room_updates` is the
 * document as a log: each accepted change appended, folded into one row from time to time.
 */
export const mapRooms: Migration = {
  id: 5,
  name: 'map-rooms',
  up(db) {
    db.exec(`
      CREATE TABLE map_rooms (
        map_id TEXT PRIMARY KEY REFERENCES maps(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        generation TEXT NOT NULL
      );
      CREATE TABLE map_room_updates (
        map_id TEXT NOT NULL REFERENCES map_rooms(map_id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (map_id, seq)
      );
    `);
  },
};
