import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import { parseInterchange, serializeInterchange } from '../../../shared/interchange';
import type { MapContent } from '../../../shared/model';
import { checkVersionText, VERSION_LIMITS, type VersionSummary } from '../../../shared/versions';
import type { MapRepository } from './map-repository';

type VersionRow = [
  id: string,
  mapId: string,
  label: string,
  createdAt: string,
  author: string,
  nodeCount: number,
];

/** Deleted maps whose versions are kept for undo, as MapRepository keeps the maps themselves. */
const KEPT_FOR_UNDO = 10;

const VERSION_COLUMNS = 'id, map_id, label, created_at, author, node_count';

/** A version read back: its summary, the map's name then and its content. */
export interface LoadedVersion {
  version: VersionSummary;
  name: string;
  content: MapContent;
}

/**
 * The saved versions of a document's maps (table `map_versions`, migration 007). A version is the
 * map as its tables hold it at that moment (what the live room stored last), written as the JSON
 * interchange text. Saving is one transaction that reads the map and writes the row, so a version
 * is never half of one change. Bad input (a label empty, too long or on several lines, a map or a
 * version that is not there) is refused with a worded ApiError and writes nothing.
 */
export class MapVersions {
  private readonly db: Database.Database;
  private readonly sql;
  private lastStamp = 0;
  /** Versions of maps deleted since the document was opened, the latest last (keepForUndo). */
  private readonly kept = new Map<string, unknown[][]>();

  constructor(private readonly repository: MapRepository) {
    const db = repository.document.db;
    this.db = db;
    const raw = (source: string) => db.prepare(source).raw(true);
    this.sql = {
      list: raw(`SELECT ${VERSION_COLUMNS} FROM map_versions WHERE map_id = ? ORDER BY created_at, rowid`),
      one: raw(`SELECT ${VERSION_COLUMNS} FROM map_versions WHERE map_id = ? AND id = ?`),
      content: db.prepare('SELECT content FROM map_versions WHERE map_id = ? AND id = ?').pluck(),
      count: db.prepare('SELECT count(*) FROM map_versions WHERE map_id = ?').pluck(),
      insert: db.prepare(
        'INSERT INTO map_versions (map_id, id, label, created_at, author, node_count, content) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      rows: raw(
        'SELECT map_id, id, label, created_at, author, node_count, content FROM map_versions WHERE map_id = ? ORDER BY created_at, rowid',
      ),
    };
  }

  /**
   * Keeps a map's versions in memory before the map is deleted (its rows go with it, ON DELETE
   * CASCADE), so that undoing the delete (MapRepository.restoreMap) brings them back too
   * (bringBack). As many maps as the repository keeps for undo; the oldest are forgotten.
   */
  keepForUndo(mapId: string): void {
    const rows = this.sql.rows.all(mapId) as unknown[][];
    this.kept.delete(mapId);
    this.kept.set(mapId, rows);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= KEPT_FOR_UNDO) break;
      this.kept.delete(oldest);
    }
  }

  /** Writes back the versions kept when the map was deleted, once the map itself is back. */
  bringBack(mapId: string): void {
    const rows = this.kept.get(mapId);
    this.kept.delete(mapId);
    if (!rows || rows.length === 0) return;
    this.db
      .transaction(() => {
        for (const row of rows) this.sql.insert.run(...row);
      })
      .immediate();
  }

  /** A map's versions in the order they were saved; a map that is not there is refused. */
  list(mapId: string): VersionSummary[] {
    return this.db.transaction(() => {
      this.repository.summary(mapId);
      return (this.sql.list.all(mapId) as VersionRow[]).map(toSummary);
    })();
  }

  /** Names the map's present state: a new version with this label, now, by `author`. */
  save(mapId: string, label: string, author = ''): VersionSummary {
    const checkedLabel = checkLabel(label);
    const checkedAuthor = checkVersionText(author, VERSION_LIMITS.author, true);
    if (!checkedAuthor.ok) {
      throw ApiError.worded('invalid-payload', 'version-author-invalid', {
        problem: checkedAuthor.problem,
        limit: String(VERSION_LIMITS.author),
      });
    }
    const id = randomBytes(9).toString('base64url');
    return this.db
      .transaction((): VersionSummary => {
        const map = this.repository.loadMap(mapId);
        if ((this.sql.count.get(mapId) as number) >= VERSION_LIMITS.perMap) {
          throw ApiError.worded('invalid-payload', 'version-limit', { limit: String(VERSION_LIMITS.perMap) });
        }
        const content = serializeInterchange(map.name, map);
        const createdAt = this.now();
        this.sql.insert.run(
          mapId,
          id,
          checkedLabel,
          createdAt,
          checkedAuthor.text,
          map.nodes.length,
          content,
        );
        return {
          id,
          mapId,
          label: checkedLabel,
          createdAt,
          author: checkedAuthor.text,
          nodeCount: map.nodes.length,
        };
      })
      .immediate();
  }

  /** One version, by its id. */
  summary(mapId: string, versionId: string): VersionSummary {
    const row = this.sql.one.get(mapId, versionId) as VersionRow | undefined;
    if (!row) {
      this.repository.summary(mapId);
      throw versionMissing(versionId);
    }
    return toSummary(row);
  }

  /** A version's map: its name and content then, read as an imported JSON map is. */
  load(mapId: string, versionId: string): LoadedVersion {
    return this.db.transaction((): LoadedVersion => {
      const version = this.summary(mapId, versionId);
      const parsed = parseInterchange(this.sql.content.get(mapId, versionId) as string);
      if (!parsed.ok) {
        throw ApiError.worded('invalid-file', 'version-damaged', {
          label: version.label,
          detail: parsed.message,
        });
      }
      return { version, name: parsed.name, content: parsed.content };
    })();
  }

  /**
   * A version chosen by id or label (exactly, then ignoring case), as the command line names one.
   * Several versions with that label are refused, naming their ids.
   */
  find(mapId: string, idOrLabel: string): VersionSummary {
    const versions = this.list(mapId);
    const byId = versions.find((v) => v.id === idOrLabel);
    if (byId) return byId;
    let byLabel = versions.filter((v) => v.label === idOrLabel);
    if (byLabel.length === 0) {
      const lower = idOrLabel.toLowerCase();
      byLabel = versions.filter((v) => v.label.toLowerCase() === lower);
    }
    if (byLabel.length === 1) return byLabel[0] as VersionSummary;
    if (byLabel.length > 1) {
      throw ApiError.worded('invalid-payload', 'version-ambiguous', {
        label: idOrLabel,
        ids: byLabel.map((v) => v.id).join(', '),
      });
    }
    throw versionMissing(idOrLabel);
  }

  /** An ISO timestamp that always moves forward, so versions saved in one millisecond keep their order. */
  private now(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }
}

/** A label as stored (trimmed), or the worded refusal. */
export function checkLabel(label: string): string {
  const checked = checkVersionText(label, VERSION_LIMITS.label, false);
  if (!checked.ok) {
    throw ApiError.worded('invalid-payload', 'version-label-invalid', {
      problem: checked.problem,
      limit: String(VERSION_LIMITS.label),
    });
  }
  return checked.text;
}

function versionMissing(version: string): ApiError {
  return ApiError.worded('not-found', 'version-missing', { version });
}

function toSummary([id, mapId, label, createdAt, author, nodeCount]: VersionRow): VersionSummary {
  return { id, mapId, label, createdAt, author, nodeCount };
}

const cache = new WeakMap<MapRepository, MapVersions>();

/** The versions of a repository's document, made once per open document. */
export function versionsOf(repository: MapRepository): MapVersions {
  let versions = cache.get(repository);
  if (!versions) {
    versions = new MapVersions(repository);
    cache.set(repository, versions);
  }
  return versions;
}
