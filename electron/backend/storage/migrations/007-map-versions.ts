import type { Migration } from './types';

/**
 * A map's saved versions, inside the document: a row per version with its label, when and by whom
 * it was saved, and the map as it was then, as the JSON interchange text (serializeInterchange), so
 * a version reads back exactly as an exported map and outlives changes to the node tables. A map's
 * versions go with it (ON DELETE CASCADE). `map_versions_by_time` lists a map's versions in the
 * order they were saved. (Step 6 is the metric check-ins'.)
 */
export const mapVersions: Migration = {
  id: 7,
  name: 'map-versions',
  up(db) {
    db.exec(`
      CREATE TABLE map_versions (
        map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        author TEXT NOT NULL,
        node_count INTEGER NOT NULL,
        content TEXT NOT NULL,
        PRIMARY KEY (map_id, id)
      );
      CREATE INDEX map_versions_by_time ON map_versions (map_id, created_at);
    `);
  },
};
