import type Database from 'better-sqlite3';
import type { Checkin } from '../../../shared/model';

/** A check-in row as stored (migration 006), in column order. */
export type CheckinRow = [
  id: string,
  metric: string,
  date: string,
  value: number,
  confidence: string | null,
  note: string,
  enteredBy: string,
];

const COLUMNS = 'id, metric, date, value, confidence, note, entered_by';

/**
 * The check-in rows of a document's maps: read, written, deleted and copied. Every method runs
 * inside the caller's transaction (MapRepository), where it writes together with the map.
 */
export class MapCheckins {
  private readonly sql;

  constructor(db: Database.Database) {
    const raw = (source: string) => db.prepare(source).raw(true);
    this.sql = {
      all: raw(`SELECT ${COLUMNS} FROM checkins WHERE map_id = ? ORDER BY ord, rowid`),
      ofMetric: raw(`SELECT ${COLUMNS} FROM checkins WHERE map_id = ? AND metric = ? ORDER BY ord, rowid`),
      // A correction keeps its place (ord): it stands where the check-in it corrects stood.
      upsert: db.prepare(
        `INSERT INTO checkins (map_id, ${COLUMNS}, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (map_id, id) DO UPDATE SET
           metric = excluded.metric, date = excluded.date, value = excluded.value,
           confidence = excluded.confidence, note = excluded.note, entered_by = excluded.entered_by`,
      ),
      delete: db.prepare('DELETE FROM checkins WHERE map_id = ? AND id = ?'),
      deleteOfMetric: db.prepare('DELETE FROM checkins WHERE map_id = ? AND metric = ?'),
      copy: db.prepare(
        `INSERT INTO checkins (map_id, ${COLUMNS}, ord)
         SELECT ?, ${COLUMNS}, row_number() OVER (ORDER BY ord) - 1 FROM checkins WHERE map_id = ?`,
      ),
    };
  }

  /** A map's check-in rows in the order they were entered. */
  rows(mapId: string): CheckinRow[] {
    return this.sql.all.all(mapId) as CheckinRow[];
  }

  /** One metric's check-in rows in the order they were entered. */
  rowsOfMetric(mapId: string, metric: string): CheckinRow[] {
    return this.sql.ofMetric.all(mapId, metric) as CheckinRow[];
  }

  /** Writes check-ins; new ones get places from `firstOrd` on. */
  write(mapId: string, checkins: readonly Checkin[], firstOrd: number): void {
    checkins.forEach((c, i) => {
      this.sql.upsert.run(mapId, c.id, c.metric, c.date, c.value, c.confidence, c.note, c.by, firstOrd + i);
    });
  }

  writeRows(mapId: string, rows: readonly CheckinRow[]): void {
    rows.forEach((row, ord) => {
      this.sql.upsert.run(mapId, ...row, ord);
    });
  }

  delete(mapId: string, ids: readonly string[]): void {
    for (const id of ids) this.sql.delete.run(mapId, id);
  }

  /** Deletes the check-ins of nodes that are deleted (any kind: only metrics have any). */
  deleteOfNodes(mapId: string, nodeIds: readonly string[]): void {
    for (const id of nodeIds) this.sql.deleteOfMetric.run(mapId, id);
  }

  copy(toMapId: string, fromMapId: string): void {
    this.sql.copy.run(toMapId, fromMapId);
  }
}
