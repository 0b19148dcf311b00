import type { Migration } from './types';

/** Maps, their nodes and links. Links have no foreign key to nodes: dangling links are findings to keep. */
export const initial: Migration = {
  id: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE maps (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE nodes (
        map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('goal', 'mechanism', 'metric')),
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        x REAL NOT NULL DEFAULT 0,
        y REAL NOT NULL DEFAULT 0,
        fields TEXT NOT NULL DEFAULT '{}', -- JSON of the kind-specific fields
        ord INTEGER NOT NULL,              -- order of the node in its map
        PRIMARY KEY (map_id, id)
      );

      CREATE TABLE links (
        map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        ord INTEGER NOT NULL,
        PRIMARY KEY (map_id, id)
      );
      -- Deleting a node deletes the links touching it; without these that is a scan per node.
      CREATE INDEX links_by_source ON links (map_id, source);
      CREATE INDEX links_by_target ON links (map_id, target);
    `);
  },
};
