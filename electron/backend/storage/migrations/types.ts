import type Database from 'better-sqlite3';

/**
 * One numbered step of the schema. `up` runs inside the transaction that applies all pending
 * steps, so it must not open its own transaction or change `foreign_keys`.
 */
export interface Migration {
  id: number;
  name: string;
  up(db: Database.Database): void;
}
