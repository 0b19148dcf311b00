import type { Migration } from './types';

/** A revision per map for conflict checks on save, and the last canvas viewport (JSON, or null). */
export const mapRevisionAndViewport: Migration = {
  id: 2,
  name: 'map-revision-and-viewport',
  up(db) {
    db.exec(`
      ALTER TABLE maps ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE maps ADD COLUMN viewport TEXT;
    `);
  },
};
