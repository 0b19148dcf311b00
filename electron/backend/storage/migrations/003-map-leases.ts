import type { Migration } from './types';

/**
 * Which process edits which map, so that two processes on one document (the desktop app and
 * `throughline serve`, two app instances) never both hand out write sessions for it: a row per held
 * map, its owner (one id per open document in a process) and when the hold lapses unless renewed.
 * No foreign key: a lease outliving its map is harmless and is dropped with the map.
 */
export const mapLeases: Migration = {
  id: 3,
  name: 'map-leases',
  up(db) {
    db.exec(`
      CREATE TABLE map_leases (
        map_id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at INTEGER NOT NULL -- milliseconds since 1970, this machine's clock
      );
    `);
  },
};
