import Database from 'better-sqlite3';
import { openPlanBackend } from '../../electron/backend/services/plan-backend';

/**
 * A hostile but valid document: `count` maps (each with one node) with long names, about 15 MB for
 * 100,000 maps, written straight into a fresh library so it takes seconds to make. Made here
 * rather than checked in.
 */
export function writeManyMapsLibrary(libraryPath: string, stateDir: string, count: number): void {
  openPlanBackend({ libraryPath, stateDir }).close();
  const db = new Database(libraryPath);
  try {
    const insertMap = db.prepare(
      'INSERT INTO maps (id, name, created_at, updated_at, revision, viewport) VALUES (?, ?, ?, ?, 0, NULL)',
    );
    const insertNode = db.prepare(
      "INSERT INTO nodes (map_id, id, kind, title, ord) VALUES (?, 'g1', 'goal', 'A goal', 0)",
    );
    const filler = '地图'.repeat(30);
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const id = `map-${i.toString(36).padStart(8, '0')}`;
        const stamp = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
        insertMap.run(id, `Map ${i} ${filler}`, stamp, stamp);
        insertNode.run(id);
      }
    })();
  } finally {
    db.close();
  }
}
