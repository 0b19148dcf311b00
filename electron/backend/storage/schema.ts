import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

/** `PRAGMA application_id` of every Throughline document: "THLN" in ASCII. */
export const THROUGHLINE_APPLICATION_ID = 0x54484c4e;

/** The schema version this build writes: the id of the last known migration. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.id ?? 0;

/** A migration recorded in a document's `schema_migrations` table. */
export interface AppliedMigration {
  id: number;
  name: string;
}

/** The migrations recorded in a document, in id order; empty when it has no `schema_migrations` table. */
export function readAppliedMigrations(db: Database.Database): AppliedMigration[] {
  const table = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return [];
  return db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as AppliedMigration[];
}

/**
 * Why a document's migration history cannot be continued by this build, or null when it is a
 * prefix of the known list and agrees with `user_version`.
 */
export function migrationHistoryProblem(
  applied: readonly AppliedMigration[],
  userVersion: number,
  known: readonly Migration[] = MIGRATIONS,
): string | null {
  for (const [i, step] of applied.entries()) {
    const expected = known[i];
    if (!expected || expected.id !== step.id || expected.name !== step.name) {
      return `its recorded schema step ${step.id} "${step.name}" is not one this version of Throughline knows at that place`;
    }
  }
  const last = applied[applied.length - 1]?.id ?? 0;
  if (last !== userVersion) {
    return `its schema version ${userVersion} does not match its recorded schema steps (last: ${last})`;
  }
  return null;
}

/**
 * Applies the migrations after the document's current `user_version`, all in one transaction:
 * either the document reaches the last of `migrations` or it is left as it was.
 * Marks the file as a Throughline document on its first step.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  // An up-to-date document takes no write lock: opening one that another program is writing
  // must not wait on its lock and then fail as an "upgrade" that was never needed.
  const current = db.pragma('user_version', { simple: true }) as number;
  if (!migrations.some((m) => m.id > current)) return current;
  const run = db.transaction(() => {
    const from = db.pragma('user_version', { simple: true }) as number;
    const pending = migrations.filter((m) => m.id > from);
    if (pending.length === 0) return from;
    if (from === 0) {
      db.pragma(`application_id = ${THROUGHLINE_APPLICATION_ID}`);
      db.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
    }
    const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
    let version = from;
    for (const migration of pending) {
      migration.up(db);
      record.run(migration.id, migration.name, new Date().toISOString());
      version = migration.id;
    }
    // PRAGMA values cannot be bound; version is an integer id from our own list.
    db.pragma(`user_version = ${Math.trunc(version)}`);
    return version;
  });
  return run.immediate();
}
