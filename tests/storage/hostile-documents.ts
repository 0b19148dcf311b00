// Crafted documents for the trust tests, made on the fly (no binary files in the repository).
// Each starts from a sound document written through the real storage, then changes it with a raw
// SQLite connection the way a hostile sender could.
import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { sampleLinks, sampleNodes } from './helpers';

/** A sound document with one map "Plan" (sample nodes and links), closed cleanly; returns the map id. */
export function soundDocument(file: string, maps = 1): string {
  const repo = new MapRepository(openDocument(file, { create: true }));
  let id = '';
  for (let i = 0; i < maps; i++) {
    id = repo.createMap(i === 0 ? 'Plan' : `Plan ${i + 1}`, {
      nodes: sampleNodes(),
      links: sampleLinks(),
    }).id;
  }
  repo.close();
  return id;
}

/**
 * Changes a document with raw SQL, as another program would: foreign keys off (so a table can be
 * swapped), and the file left in rollback-journal mode, so a later switch to WAL would show.
 */
export function tamper(file: string, sql: string, journal: 'delete' | 'wal' = 'delete'): void {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  db.pragma('legacy_alter_table = ON');
  db.exec(sql);
  db.pragma(`journal_mode = ${journal}`);
  db.close();
}

const MAPS_COLUMNS =
  'id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 0, viewport TEXT';

/** The first file: `maps` rebuilt WITHOUT ROWID, so the repository's `rowid` is missing. */
export function rowidlessMaps(file: string): void {
  soundDocument(file);
  tamper(
    file,
    `ALTER TABLE maps RENAME TO old_maps;
     CREATE TABLE maps (${MAPS_COLUMNS}) WITHOUT ROWID;
     INSERT INTO maps SELECT id, name, created_at, updated_at, revision, viewport FROM old_maps;
     DROP TABLE old_maps;`,
  );
}

/** `maps` replaced by a view over an endless recursive query: any read of it never returns. */
export function endlessMapsView(file: string): void {
  soundDocument(file);
  tamper(
    file,
    `DROP TABLE maps;
     CREATE VIEW maps AS
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
       SELECT 'm' || i AS id, 'Map ' || i AS name, '2024-01-01' AS created_at, '2024-01-01' AS updated_at,
              0 AS revision, NULL AS viewport FROM n;`,
  );
}

/** A trigger that rewrites every saved title, and one that deletes every other map on an insert. */
export function triggers(file: string): void {
  soundDocument(file);
  tamper(
    file,
    `CREATE TRIGGER rewrite AFTER UPDATE ON nodes BEGIN UPDATE nodes SET title = 'rewritten'; END;
     CREATE TRIGGER wipe AFTER INSERT ON maps BEGIN DELETE FROM maps WHERE id <> NEW.id; END;`,
  );
}

/** One map row whose name is a BLOB. */
export function blobMapName(file: string): void {
  soundDocument(file);
  tamper(file, `UPDATE maps SET name = X'00FF10'`);
}

/** One map row whose id holds a line break (no request may name it). */
export function controlCharacterMapId(file: string): void {
  soundDocument(file);
  tamper(
    file,
    `UPDATE maps SET id = 'evil' || char(10) || 'id'; UPDATE nodes SET map_id = 'evil' || char(10) || 'id'; UPDATE links SET map_id = 'evil' || char(10) || 'id';`,
  );
}

/** One link whose id is a BLOB and one whose target holds an escape character. */
export function badLinks(file: string): string {
  const id = soundDocument(file);
  tamper(
    file,
    `UPDATE links SET id = X'0102' WHERE id = 'l1'; UPDATE links SET target = 'k1' || char(27) WHERE id = 'l2';`,
  );
  return id;
}

/**
 * A valid WAL written by another database, left at `wal`: `setup` makes that database (in WAL
 * mode) and the `-wal` is copied while its connection still holds it, as a crash would leave it.
 */
export function foreignWal(
  wal: string,
  otherFile: string,
  setup: (db: Database.Database) => void,
  pageSize = 4096,
): void {
  const db = new Database(otherFile);
  db.pragma(`page_size = ${pageSize}`);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  setup(db);
  copyFileSync(`${otherFile}-wal`, wal);
  db.close();
}
