import type { Migration } from './types';

/**
 * Metric check-ins (shared/model/checkins.ts): one row per number reported, in the order they were
 * entered (`ord`, as nodes and links keep theirs). `metric` has no foreign key to nodes, for the
 * same reason links have none: the tables hold what the map holds, and a metric deleted takes its
 * check-ins along in the same change (MapRepository). The index serves a metric's history.
 */
export const checkins: Migration = {
  id: 6,
  name: 'checkins',
  up(db) {
    db.exec(`
      CREATE TABLE checkins (
        map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        metric TEXT NOT NULL,
        date TEXT NOT NULL,
        value REAL NOT NULL,
        confidence TEXT CHECK (confidence IN ('on-track', 'at-risk', 'off-track')),
        note TEXT NOT NULL DEFAULT '',
        entered_by TEXT NOT NULL DEFAULT '',
        ord INTEGER NOT NULL,
        PRIMARY KEY (map_id, id)
      );
      CREATE INDEX checkins_by_metric ON checkins (map_id, metric);
    `);
  },
};
