import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A map's live document as stored: its generation and its updates in order (folded or not). */
export interface StoredRoom {
  generation: string;
  updates: Uint8Array[];
}

/**
 * The rows that keep a map's live document beside its tables (migration 005): read, started
 * afresh, appended to and folded. Every method runs inside the caller's transaction where it
 * writes together with the tables (MapRepository.applyRoomChange); on its own it is one statement.
 */
export class MapRoomLog {
  private readonly sql;

  constructor(db: Database.Database) {
    this.sql = {
      head: db.prepare('SELECT revision, generation FROM map_rooms WHERE map_id = ?'),
      updates: db.prepare('SELECT data FROM map_room_updates WHERE map_id = ? ORDER BY seq').pluck(),
      lastSeq: db.prepare('SELECT max(seq) FROM map_room_updates WHERE map_id = ?').pluck(),
      drop: db.prepare('DELETE FROM map_rooms WHERE map_id = ?'),
      dropAll: db.prepare('DELETE FROM map_rooms'),
      dropUpdates: db.prepare('DELETE FROM map_room_updates WHERE map_id = ?'),
      insert: db.prepare('INSERT INTO map_rooms (map_id, revision, generation) VALUES (?, ?, ?)'),
      setRevision: db.prepare('UPDATE map_rooms SET revision = ? WHERE map_id = ?'),
      append: db.prepare('INSERT INTO map_room_updates (map_id, seq, data) VALUES (?, ?, ?)'),
    };
  }

  /**
   * The stored document of a map whose tables it still matches (`revision` is the map's now), or
   * null: none stored, or the tables were written around the room since.
   */
  read(mapId: string, revision: number): StoredRoom | null {
    const head = this.sql.head.get(mapId) as { revision: number; generation: string } | undefined;
    if (!head || head.revision !== revision) return null;
    const updates = (this.sql.updates.all(mapId) as Buffer[]).map((b) => new Uint8Array(b));
    return { generation: head.generation, updates };
  }

  /** Starts a map's stored document over from `state` (a rebuild): a new generation, returned. */
  start(mapId: string, revision: number, state: Uint8Array): string {
    const generation = randomBytes(9).toString('base64url');
    this.sql.drop.run(mapId);
    this.sql.insert.run(mapId, revision, generation);
    this.sql.append.run(mapId, 0, state);
    return generation;
  }

  /** Appends one accepted update; the stored document now matches the tables at `revision`. */
  append(mapId: string, revision: number, update: Uint8Array): void {
    const last = (this.sql.lastSeq.get(mapId) as number | null) ?? -1;
    this.sql.append.run(mapId, last + 1, update);
    this.sql.setRevision.run(revision, mapId);
  }

  /** Drops every map's stored document (their updates go with them: ON DELETE CASCADE). */
  forgetAll(): void {
    this.sql.dropAll.run();
  }

  /** Replaces the stored updates by one `state` that holds them all. */
  fold(mapId: string, state: Uint8Array): void {
    this.sql.dropUpdates.run(mapId);
    this.sql.append.run(mapId, 0, state);
  }
}
