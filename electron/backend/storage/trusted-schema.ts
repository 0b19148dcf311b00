import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { databaseOptions } from './native-binding';
import { applyMigrations } from './schema';

/** One row of `sqlite_schema`, as SQLite keeps it. */
interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const expectedByVersion = new Map<number, Map<string, SchemaObject>>();

/**
 * Settings every connection to a document gets before it reads anything but the header:
 * - `trusted_schema = OFF`: SQL functions with side effects, and virtual tables, may not be used
 *   from views, triggers, defaults or CHECK constraints stored in the file;
 * - `cell_size_check = ON`: a crafted b-tree cell is reported as damage instead of being read
 *   out of bounds.
 */
export function hardenConnection(db: Database.Database): void {
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
}

/**
 * The schema objects (tables, indexes, views, triggers) a document at `version` has when this build
 * made it: the migrations up to `version` applied to an empty in-memory database.
 */
function expectedSchema(version: number): Map<string, SchemaObject> {
  const cached = expectedByVersion.get(version);
  if (cached) return cached;
  const db = new Database(':memory:', databaseOptions());
  try {
    applyMigrations(
      db,
      MIGRATIONS.filter((m) => m.id <= version),
    );
    const objects = new Map(readSchema(db).map((o) => [`${o.type} ${o.name}`, o]));
    expectedByVersion.set(version, objects);
    return objects;
  } finally {
    db.close();
  }
}

/** `sqlite_schema` as it is: only that table is read, and nothing in it is run. */
function readSchema(db: Database.Database): SchemaObject[] {
  return db
    .prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name')
    .all() as SchemaObject[];
}

/**
 * Why a document's schema is not exactly the one this build makes at its version, or null when it
 * is. Anything else (a table, view, trigger or index this build does not know, or a known one
 * defined differently) is refused before any query reads a table: a view can hide an endless
 * query, a trigger would run on every save, and an index on an expression runs on every write.
 * Only `sqlite_schema` is read, so a hostile object is never evaluated to find it.
 */
export function schemaProblem(db: Database.Database, version: number): string | null {
  const expected = expectedSchema(version);
  const found = readSchema(db);
  for (const object of found) {
    const known = expected.get(`${object.type} ${object.name}`);
    if (!known) return `it holds ${withArticle(object)} that Throughline does not make`;
    if (known.tbl_name !== object.tbl_name || known.sql !== object.sql) {
      return `its ${describe(object)} is not defined as Throughline defines it`;
    }
  }
  const names = new Set(found.map((o) => `${o.type} ${o.name}`));
  for (const [key, object] of expected) {
    if (!names.has(key)) return `it lacks the ${describe(object)} Throughline makes`;
  }
  return null;
}

function describe(object: SchemaObject): string {
  // A name from the file is shown quoted, with control characters made visible.
  const name = JSON.stringify(String(object.name).slice(0, 80));
  const kind = ['table', 'index', 'view', 'trigger'].includes(object.type) ? object.type : 'object';
  return `${kind} ${name}`;
}

function withArticle(object: SchemaObject): string {
  const described = describe(object);
  return `${described.startsWith('index') || described.startsWith('object') ? 'an' : 'a'} ${described}`;
}
