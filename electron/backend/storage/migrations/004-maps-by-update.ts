import type { Migration } from './types';

/**
 * The map list's order (most recently changed first) as an index, so a page of a document with
 * 100,000 maps is read without sorting them all. Every index ends with the rowid, so read backwards
 * it gives exactly the list's order: updated_at, then rowid, both descending. Nodes and links by
 * their order in the map, so a large map is read a slice at a time (MapRepository.loadMapInSlices).
 */
export const mapsByUpdate: Migration = {
  id: 4,
  name: 'maps-by-update',
  up(db) {
    db.exec(`
      CREATE INDEX maps_by_update ON maps (updated_at);
      CREATE INDEX nodes_by_ord ON nodes (map_id, ord);
      CREATE INDEX links_by_ord ON links (map_id, ord);
    `);
  },
};
