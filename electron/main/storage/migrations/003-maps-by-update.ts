import type { Migration } from './types';

/**
 * The map list's order (most recently changed first) as an index, so a page of a document with
 * 100,000 maps is read without sorting them all. Every index ends with the rowid, so read backwards
 * it gives exactly the list's order: updated_at, then rowid, both descending.
 */
export const mapsByUpdate: Migration = {
  id: 3,
  name: 'maps-by-update',
  up(db) {
    db.exec('CREATE INDEX maps_by_update ON maps (updated_at)');
  },
};
