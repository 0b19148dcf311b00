import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MapDocument, MapSummary } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import {
  type Checkin,
  CheckinIndex,
  IdSchema,
  type MapContent,
  type MapLink,
  MapNameSchema,
  type MapNode,
  MapNodeSchema,
} from '../../../shared/model';
import { readCheckinTuple } from '../../../shared/room/checkin-doc';
import type { DocChanges } from '../../../shared/room/map-doc';
import { type CheckinRow, MapCheckins } from './map-checkins';
import { MapRoomLog, type StoredRoom } from './map-room-log';
import type { PlanDatabase } from './open-document';

/** Where the canvas was last looking in a map; view state, not content, so it has no revision. */
export interface MapViewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Rows written by one change get `ord` values from (revision × stride) upwards, so new nodes and links
 * sort after every earlier one without reading the current maximum (a scan of the whole map). The
 * stride is above the most rows one change may carry (60,000 links).
 */
const ORD_STRIDE = 1_000_000;

type SummaryRow = [id: string, name: string, createdAt: string, updatedAt: string, nodeCount: number];
type NodeRow = [
  id: string,
  kind: string,
  title: string,
  description: string,
  owner: string,
  x: number,
  y: number,
  fields: string,
];
type LinkRow = [id: string, source: string, target: string];

/** How many deleted maps are kept for "Undo" (in memory, for the life of the open document). */
const RESTORABLE_MAPS = 10;

/** A deleted map as it was stored, rows and all, so that restoring it brings back exactly that. */
interface DeletedMap {
  name: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  viewport: string | null;
  nodes: NodeRow[];
  links: LinkRow[];
  checkins: CheckinRow[];
}

const SUMMARY_COLUMNS =
  'id, name, created_at, updated_at, (SELECT count(*) FROM nodes WHERE nodes.map_id = maps.id)';
const NODE_COLUMNS = 'id, kind, title, description, owner, x, y, fields';

/**
 * The maps of one open document. Every mutation is one transaction over prepared statements, begun
 * IMMEDIATE: it takes the write lock before it reads, so a writer in another process makes it wait
 * (busy_timeout) instead of failing at once with SQLITE_BUSY_SNAPSHOT, as a deferred transaction
 * whose snapshot went stale before its first write does.
 *
 * A map's content is written only by its live room (applyRoomChange), after the room's checks;
 * two processes on one document are kept apart by the revision that write checks. The document's
 * `map_leases` table (migration 003), where processes once held maps for their windows, is no
 * longer written or read: it stays because shipped migrations never change.
 */
export class MapRepository {
  private readonly db: Database.Database;
  private lastStamp = 0;
  private readonly sql;
  /** Maps deleted since the document was opened, the latest last: what restoreMap can bring back. */
  private readonly deleted = new Map<string, DeletedMap>();
  private readonly rooms: MapRoomLog;
  private readonly checkins: MapCheckins;

  constructor(readonly document: PlanDatabase) {
    const db = document.db;
    this.db = db;
    this.rooms = new MapRoomLog(db);
    this.checkins = new MapCheckins(db);
    const raw = (source: string) => db.prepare(source).raw(true);
    this.sql = {
      listMaps: raw(`SELECT ${SUMMARY_COLUMNS} FROM maps ORDER BY updated_at DESC, rowid DESC`),
      // The page is chosen on the index first (maps_by_update), so nodes are counted for its maps only.
      mapPage: raw(
        `SELECT ${SUMMARY_COLUMNS} FROM maps WHERE rowid IN (SELECT rowid FROM maps ` +
          'ORDER BY updated_at DESC, rowid DESC LIMIT ? OFFSET ?) ORDER BY updated_at DESC, rowid DESC',
      ),
      mapCount: db.prepare('SELECT count(*) FROM maps').pluck(),
      summary: raw(`SELECT ${SUMMARY_COLUMNS} FROM maps WHERE id = ?`),
      mapHead: db.prepare('SELECT name, revision, created_at, updated_at FROM maps WHERE id = ?'),
      revision: db.prepare('SELECT revision FROM maps WHERE id = ?').pluck(),
      insertMap: db.prepare(
        'INSERT INTO maps (id, name, created_at, updated_at, revision, viewport) VALUES (?, ?, ?, ?, 0, ?)',
      ),
      renameMap: db.prepare('UPDATE maps SET name = ?, updated_at = ? WHERE id = ?'),
      bumpRevision: db.prepare('UPDATE maps SET revision = revision + 1, updated_at = ? WHERE id = ?'),
      deleteMap: db.prepare('DELETE FROM maps WHERE id = ?'),
      deletedHead: db.prepare(
        'SELECT name, created_at, updated_at, revision, viewport FROM maps WHERE id = ?',
      ),
      restoreMap: db.prepare(
        'INSERT INTO maps (id, name, created_at, updated_at, revision, viewport) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      viewport: db.prepare('SELECT viewport FROM maps WHERE id = ?').pluck(),
      saveViewport: db.prepare('UPDATE maps SET viewport = ? WHERE id = ?'),
      nodes: raw(`SELECT ${NODE_COLUMNS} FROM nodes WHERE map_id = ? ORDER BY ord, rowid`),
      links: raw('SELECT id, source, target FROM links WHERE map_id = ? ORDER BY ord, rowid'),
      // A slice after (ord, rowid), on the indexes nodes_by_ord and links_by_ord.
      nodesAfter: raw(
        `SELECT ord, rowid, ${NODE_COLUMNS} FROM nodes WHERE map_id = ? AND (ord > ? OR (ord = ? AND rowid > ?)) ` +
          'ORDER BY ord, rowid LIMIT ?',
      ),
      linksAfter: raw(
        'SELECT ord, rowid, id, source, target FROM links WHERE map_id = ? AND (ord > ? OR (ord = ? AND rowid > ?)) ' +
          'ORDER BY ord, rowid LIMIT ?',
      ),
      // An upsert of a node that did not change writes nothing (the WHERE of DO UPDATE).
      upsertNode: db.prepare(
        `INSERT INTO nodes (map_id, ${NODE_COLUMNS}, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (map_id, id) DO UPDATE SET
           kind = excluded.kind, title = excluded.title, description = excluded.description,
           owner = excluded.owner, x = excluded.x, y = excluded.y, fields = excluded.fields
         WHERE nodes.kind IS NOT excluded.kind OR nodes.title IS NOT excluded.title
           OR nodes.description IS NOT excluded.description OR nodes.owner IS NOT excluded.owner
           OR nodes.x IS NOT excluded.x OR nodes.y IS NOT excluded.y OR nodes.fields IS NOT excluded.fields`,
      ),
      upsertLink: db.prepare(
        `INSERT INTO links (map_id, id, source, target, ord) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (map_id, id) DO UPDATE SET source = excluded.source, target = excluded.target
         WHERE links.source IS NOT excluded.source OR links.target IS NOT excluded.target`,
      ),
      deleteNode: db.prepare('DELETE FROM nodes WHERE map_id = ? AND id = ?'),
      kindOf: db.prepare('SELECT kind FROM nodes WHERE map_id = ? AND id = ?').pluck(),
      setCurrent: db.prepare(
        "UPDATE nodes SET fields = json_set(fields, '$.current', ?) WHERE map_id = ? AND id = ? AND kind = 'metric'",
      ),
      deleteLink: db.prepare('DELETE FROM links WHERE map_id = ? AND id = ?'),
      deleteLinksFrom: db.prepare('DELETE FROM links WHERE map_id = ? AND source = ?'),
      deleteLinksTo: db.prepare('DELETE FROM links WHERE map_id = ? AND target = ?'),
      copyNodes: db.prepare(
        `INSERT INTO nodes (map_id, ${NODE_COLUMNS}, ord)
         SELECT ?, ${NODE_COLUMNS}, row_number() OVER (ORDER BY ord) - 1 FROM nodes WHERE map_id = ?`,
      ),
      copyLinks: db.prepare(
        `INSERT INTO links (map_id, id, source, target, ord)
         SELECT ?, id, source, target, row_number() OVER (ORDER BY ord) - 1 FROM links WHERE map_id = ?`,
      ),
    };
  }

  /** Every map, the most recently changed first. */
  listMaps(): MapSummary[] {
    return (this.sql.listMaps.all() as SummaryRow[]).map((row) => this.toSummary(row));
  }

  /** `limit` maps from `offset` on, most recently changed first, and how many there are in all. */
  listMapPage(offset: number, limit: number): { maps: MapSummary[]; total: number } {
    return this.db.transaction(() => ({
      maps: (this.sql.mapPage.all(limit, offset) as SummaryRow[]).map((row) => this.toSummary(row)),
      total: this.sql.mapCount.get() as number,
    }))();
  }

  /** A new map, empty or filled with the given content in its order (an import). */
  createMap(name: string, content?: MapContent): MapSummary {
    const mapName = checkMapName(name);
    const id = newId();
    this.db
      .transaction(() => {
        const stamp = this.now();
        this.sql.insertMap.run(id, mapName, stamp, stamp, null);
        if (content) this.writeRows(id, content.nodes, content.links, 0);
        if (content?.checkins) this.checkins.write(id, content.checkins, 0);
      })
      .immediate();
    return this.summary(id);
  }

  renameMap(mapId: string, name: string): MapSummary {
    const mapName = checkMapName(name);
    this.db
      .transaction(() => {
        if (this.sql.renameMap.run(mapName, this.now(), mapId).changes === 0) throw notFound(mapId);
      })
      .immediate();
    return this.summary(mapId);
  }

  /** A copy of a map under a new name; node and link ids stay the same, as they are per map. */
  duplicateMap(mapId: string, name: string): MapSummary {
    const mapName = checkMapName(name);
    const id = newId();
    this.db
      .transaction(() => {
        const viewport = this.sql.viewport.get(mapId) as string | null | undefined;
        if (viewport === undefined) throw notFound(mapId);
        const stamp = this.now();
        this.sql.insertMap.run(id, mapName, stamp, stamp, viewport);
        this.sql.copyNodes.run(id, mapId);
        this.sql.copyLinks.run(id, mapId);
        this.checkins.copy(id, mapId);
      })
      .immediate();
    return this.summary(id);
  }

  /**
   * Deletes a map with its nodes and links (ON DELETE CASCADE). What was deleted is kept in memory
   * until the document is closed (the last few maps), so restoreMap can undo the delete.
   */
  deleteMap(mapId: string): { deleted: true } {
    const kept = this.db
      .transaction((): DeletedMap => {
        const head = this.sql.deletedHead.get(mapId) as
          | {
              name: string;
              created_at: string;
              updated_at: string;
              revision: number;
              viewport: string | null;
            }
          | undefined;
        if (!head) throw notFound(mapId);
        const nodes = this.sql.nodes.all(mapId) as NodeRow[];
        const links = this.sql.links.all(mapId) as LinkRow[];
        const checkins = this.checkins.rows(mapId);
        this.sql.deleteMap.run(mapId);
        return {
          name: head.name,
          createdAt: head.created_at,
          updatedAt: head.updated_at,
          revision: head.revision,
          viewport: head.viewport,
          nodes,
          links,
          checkins,
        };
      })
      .immediate();
    this.deleted.delete(mapId);
    this.deleted.set(mapId, kept);
    for (const oldest of this.deleted.keys()) {
      if (this.deleted.size <= RESTORABLE_MAPS) break;
      this.deleted.delete(oldest);
    }
    return { deleted: true };
  }

  /**
   * Brings back a map deleted since the document was opened, in one transaction: the same id,
   * name, nodes (positions included), links, their order and the last viewport. A map that was
   * not deleted here (or too long ago) is refused as missing, and nothing changes.
   */
  restoreMap(mapId: string): MapSummary {
    const kept = this.deleted.get(mapId);
    if (!kept) throw notFound(mapId);
    this.db
      .transaction(() => {
        // A later revision than the deleted map's: a room still on the old one must open anew.
        // Its old time of change, so the map list shows it back where it was, not at the top.
        this.sql.restoreMap.run(
          mapId,
          kept.name,
          kept.createdAt,
          kept.updatedAt,
          kept.revision + 1,
          kept.viewport,
        );
        kept.nodes.forEach(([id, kind, title, description, owner, x, y, fields], ord) => {
          this.sql.upsertNode.run(mapId, id, kind, title, description, owner, x, y, fields, ord);
        });
        kept.links.forEach(([id, source, target], ord) => {
          this.sql.upsertLink.run(mapId, id, source, target, ord);
        });
        this.checkins.writeRows(mapId, kept.checkins);
      })
      .immediate();
    this.deleted.delete(mapId);
    return this.summary(mapId);
  }

  /** A whole map, nodes and links in their stored order, each node checked against the model. */
  loadMap(mapId: string): MapDocument {
    const { head, nodeRows, linkRows, checkinRows } = this.readMapRows(mapId);
    return {
      ...head,
      nodes: nodeRows.map((row) => this.toNode(row, head.name)),
      links: linkRows.map((row) => this.toLink(row, head.name)),
      checkins: checkinRows.map((row) => this.toCheckin(row, head.name)),
    };
  }

  /**
   * The same as loadMap, read and built a slice at a time with `pause` awaited between slices, so
   * a server answering other requests is never held for the whole of a 20,000-node map. A save
   * landing meanwhile is seen by its revision, and the map is read again (after three tries, in one
   * go, as loadMap does).
   */
  async loadMapInSlices(mapId: string, pause: () => Promise<void>): Promise<MapDocument> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const head = this.readHead(mapId);
      const nodes: MapNode[] = [];
      for (const row of await this.slices(this.sql.nodesAfter, mapId, 200, pause)) {
        nodes.push(this.toNode(row as unknown as NodeRow, head.name));
      }
      const links = (await this.slices(this.sql.linksAfter, mapId, 2000, pause)).map((row) =>
        this.toLink(row as unknown as LinkRow, head.name),
      );
      const checkins = this.checkins.rows(mapId).map((row) => this.toCheckin(row, head.name));
      if (this.revisionOf(mapId) === head.revision) return { ...head, nodes, links, checkins };
      await pause();
    }
    return this.loadMap(mapId);
  }

  /** Rows of a map after (ord, rowid), `size` at a time with a pause between; without those two. */
  private async slices(
    statement: Database.Statement,
    mapId: string,
    size: number,
    pause: () => Promise<void>,
  ): Promise<unknown[][]> {
    const rows: unknown[][] = [];
    let ord = Number.MIN_SAFE_INTEGER;
    let rowid = 0;
    for (;;) {
      const slice = statement.all(mapId, ord, ord, rowid, size) as unknown[][];
      for (const row of slice) rows.push(row.slice(2));
      const last = slice[slice.length - 1];
      if (slice.length < size || !last) return rows;
      [ord, rowid] = last as [number, number];
      await pause();
    }
  }

  private readHead(mapId: string) {
    const row = this.sql.mapHead.get(mapId) as
      | { name: string; revision: number; created_at: string; updated_at: string }
      | undefined;
    if (!row) throw notFound(mapId);
    return {
      id: mapId,
      name: row.name,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** The map's revision now, or undefined when it is gone. */
  revisionOf(mapId: string): number | undefined {
    return this.sql.revision.get(mapId) as number | undefined;
  }

  private readMapRows(mapId: string, { checkins = true } = {}) {
    return this.db.transaction(() => {
      const head = this.readHead(mapId);
      return {
        head,
        nodeRows: this.sql.nodes.all(mapId) as NodeRow[],
        linkRows: this.sql.links.all(mapId) as LinkRow[],
        checkinRows: checkins ? this.checkins.rows(mapId) : [],
      };
    })();
  }

  /**
   * A map as its tables hold it, with its live document when one is stored that still matches
   * them (MapRoomLog.read), read in one transaction. With a stored document, the map's check-ins
   * are not read (`checkins` is empty): the document holds them, and reading a history of 104,000
   * rows took a fifth of the time of opening such a map. Without one, the map is whole.
   */
  openRoom(mapId: string): { map: MapDocument; stored: StoredRoom | null } {
    return this.db.transaction(() => {
      const revision = this.revisionOf(mapId);
      const stored = revision === undefined ? null : this.rooms.read(mapId, revision);
      const { head, nodeRows, linkRows, checkinRows } = this.readMapRows(mapId, {
        checkins: stored === null,
      });
      const map: MapDocument = {
        ...head,
        nodes: nodeRows.map((row) => this.toNode(row, head.name)),
        links: linkRows.map((row) => this.toLink(row, head.name)),
        checkins: checkinRows.map((row) => this.toCheckin(row, head.name)),
      };
      return { map, stored };
    })();
  }

  /**
   * Stores a live document rebuilt from the tables at `revision`; its new generation. Refused as
   * a conflict when the tables moved on meanwhile (the room then reads them again).
   */
  startRoom(mapId: string, revision: number, state: Uint8Array): string {
    return this.db
      .transaction(() => {
        const current = this.sql.revision.get(mapId) as number | undefined;
        if (current === undefined) throw notFound(mapId);
        if (current !== revision) {
          throw ApiError.worded('conflict', 'map-changed-elsewhere', {
            current: String(current),
            base: String(revision),
          });
        }
        return this.rooms.start(mapId, revision, state);
      })
      .immediate();
  }

  /**
   * One change the room accepted, in one transaction: the tables written
   * (deletes first, a deleted node taking its links along) and the document's update appended, so
   * the two never disagree on disk.
   */
  applyRoomChange(
    mapId: string,
    changes: DocChanges,
    update: Uint8Array,
    baseRevision: number,
  ): { revision: number } {
    return this.db
      .transaction(() => {
        const current = this.sql.revision.get(mapId) as number | undefined;
        if (current === undefined) throw notFound(mapId);
        // Another process's room (or a write around the rooms) changed the map since this room
        // read it: its document is not the file's, and it must open again from the file.
        if (current !== baseRevision) {
          throw ApiError.worded('conflict', 'map-changed-elsewhere', {
            current: String(current),
            base: String(baseRevision),
          });
        }
        this.deleteRows(mapId, changes.deleteNodeIds, changes.deleteLinkIds);
        this.checkins.delete(mapId, changes.deleteCheckinIds ?? []);
        const revision = current + 1;
        this.writeRows(mapId, changes.upsertNodes, changes.upsertLinks, revision * ORD_STRIDE);
        this.checkins.write(mapId, changes.upsertCheckins ?? [], revision * ORD_STRIDE);
        this.sql.bumpRevision.run(this.now(), mapId);
        this.rooms.append(mapId, revision, update);
        return { revision };
      })
      .immediate();
  }

  /**
   * Check-ins written around the room (the command line), in one transaction: the rows, each
   * metric's current value set to its latest check-in (the rule of checkins.ts), and the map's
   * revision moved on, so a room open on the map opens again from the tables. A check-in of a
   * node that is not a metric of this map is refused and nothing is written.
   */
  writeCheckins(mapId: string, checkins: readonly Checkin[]): { revision: number } {
    return this.db
      .transaction(() => {
        const current = this.sql.revision.get(mapId) as number | undefined;
        if (current === undefined) throw notFound(mapId);
        const metrics = new Set(checkins.map((c) => c.metric));
        for (const metric of metrics) {
          if (this.sql.kindOf.get(mapId, metric) !== 'metric') {
            throw ApiError.worded('invalid-payload', 'checkin-not-metric', { metric });
          }
        }
        const revision = current + 1;
        this.checkins.write(mapId, checkins, revision * ORD_STRIDE);
        for (const metric of metrics) {
          const history = this.checkins.rowsOfMetric(mapId, metric).map(readCheckinTuple);
          const latest = new CheckinIndex(history.filter((c) => c !== null)).latest(metric);
          this.sql.setCurrent.run(latest?.value ?? null, mapId, metric);
        }
        this.sql.bumpRevision.run(this.now(), mapId);
        return { revision };
      })
      .immediate();
  }

  /**
   * Folds a live document's stored updates into `state`, which holds them all, provided the map
   * is still at `revision` (a fold after another process appended would drop its updates).
   */
  foldRoom(mapId: string, state: Uint8Array, revision: number): void {
    this.db
      .transaction(() => {
        if (this.sql.revision.get(mapId) === revision) this.rooms.fold(mapId, state);
      })
      .immediate();
  }

  /** Forgets every map's live document: each is rebuilt from the tables, under a new generation. */
  forgetRooms(): void {
    this.db.transaction(() => this.rooms.forgetAll()).immediate();
  }

  /** The viewport last saved for a map, or null. */
  loadViewport(mapId: string): MapViewport | null {
    const text = this.sql.viewport.get(mapId) as string | null | undefined;
    if (text === undefined) throw notFound(mapId);
    if (text === null) return null;
    try {
      const v = JSON.parse(text) as Partial<MapViewport>;
      const finite = [v.x, v.y, v.zoom].every((n) => typeof n === 'number' && Number.isFinite(n));
      return finite ? { x: v.x as number, y: v.y as number, zoom: v.zoom as number } : null;
    } catch {
      return null; // a bad viewport is only a lost view, never a reason to refuse the map
    }
  }

  /** Remembers where the canvas was looking; does not change the map's revision. */
  saveViewport(mapId: string, viewport: MapViewport | null): void {
    const text = viewport ? JSON.stringify({ x: viewport.x, y: viewport.y, zoom: viewport.zoom }) : null;
    this.db
      .transaction(() => {
        if (this.sql.saveViewport.run(text, mapId).changes === 0) throw notFound(mapId);
      })
      .immediate();
  }

  /** Folds the WAL back into the file and closes it. */
  close(): void {
    this.document.close();
  }

  /** One map as the list shows it. */
  summary(mapId: string): MapSummary {
    const row = this.sql.summary.get(mapId) as SummaryRow | undefined;
    if (!row) throw notFound(mapId);
    return this.toSummary(row);
  }

  /** Deletes links, then nodes with every link that touches them and their check-ins. */
  private deleteRows(mapId: string, nodeIds: readonly string[], linkIds: readonly string[]) {
    const { deleteLink, deleteNode, deleteLinksFrom, deleteLinksTo } = this.sql;
    for (const id of linkIds) deleteLink.run(mapId, id);
    for (const id of nodeIds) {
      deleteNode.run(mapId, id);
      deleteLinksFrom.run(mapId, id);
      deleteLinksTo.run(mapId, id);
    }
    this.checkins.deleteOfNodes(mapId, nodeIds);
  }

  private writeRows(mapId: string, nodes: readonly MapNode[], links: readonly MapLink[], firstOrd: number) {
    const { upsertNode, upsertLink } = this.sql;
    for (let i = 0; i < nodes.length; i++) {
      const { id, kind, title, description, owner, position, ...fields } = nodes[i] as MapNode;
      upsertNode.run(
        mapId,
        id,
        kind,
        title,
        description,
        owner,
        position.x,
        position.y,
        JSON.stringify(fields),
        firstOrd + i,
      );
    }
    for (let i = 0; i < links.length; i++) {
      const { id, source, target } = links[i] as MapLink;
      upsertLink.run(mapId, id, source, target, firstOrd + i);
    }
  }

  /** A map row as the contract lists it; a row no request could name or show is refused in words. */
  private toSummary([id, name, createdAt, updatedAt, nodeCount]: SummaryRow): MapSummary {
    const problem = mapRowProblem(id, name);
    if (problem) {
      throw ApiError.worded('invalid-file', 'document-map-invalid', {
        path: this.document.path,
        detail: problem,
      });
    }
    return { id, name, createdAt, updatedAt, nodeCount };
  }

  /** A link row as the model has it, or the worded refusal naming the map, as for a node. */
  private toLink([id, source, target]: LinkRow, mapName: string): MapLink {
    const bad = (
      [
        ['id', id],
        ['source', source],
        ['target', target],
      ] as const
    ).find(([, value]) => typeof value !== 'string' || !IdSchema.safeParse(value).success);
    if (bad) {
      const [field, value] = bad;
      throw ApiError.worded('invalid-file', 'map-link-invalid', {
        map: mapName,
        path: this.document.path,
        link: typeof id === 'string' ? JSON.stringify(id.slice(0, 60)) : shown(id),
        detail: `${field}: ${shown(value)} is not an id`,
      });
    }
    return { id, source, target };
  }

  private toNode(row: NodeRow, mapName: string): MapNode {
    const [id, kind, title, description, owner, x, y, fields] = row;
    let node: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(fields);
      node =
        parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
          ? (parsed as typeof node)
          : {};
    } catch {
      node = {};
    }
    // Assigning onto the parsed object rather than spreading it into a new one: about 5x faster for
    // a 5k-node map, both here and in the zod parse that follows.
    node.id = id;
    node.kind = kind;
    node.title = title;
    node.description = description;
    node.owner = owner;
    node.position = { x, y };
    const parsed = MapNodeSchema.safeParse(node);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = issue?.path.length ? `${issue.path.join('.')}: ${issue.message}` : '';
      throw ApiError.worded('invalid-file', 'map-node-invalid', {
        map: mapName,
        path: this.document.path,
        node: id,
        detail,
      });
    }
    return parsed.data;
  }

  /**
   * A stored check-in, checked by the document's own rule (readCheckinTuple: the row's columns are
   * the tuple's order); a row that is not one is refused in words, as a node that is not is.
   */
  private toCheckin(row: CheckinRow, mapName: string): Checkin {
    const checkin = readCheckinTuple(row);
    if (checkin) return checkin;
    throw ApiError.worded('invalid-file', 'map-node-invalid', {
      map: mapName,
      path: this.document.path,
      node: String(row[1]).slice(0, 64),
      detail: `check-in "${String(row[0]).slice(0, 64)}" is not valid`,
    });
  }

  /** An ISO timestamp that always moves forward, so "most recently changed" never ties. */
  private now(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }
}

/**
 * Why a stored map row cannot be listed, opened or deleted, or null when it can. Rows are written
 * only through this repository, so such a row comes from a crafted or damaged file: a document
 * holding one is refused on open (open-document.ts), and a row that appears later is reported
 * here instead of reaching the UI as a non-text name or an id no request may name.
 */
export function mapRowProblem(id: unknown, name: unknown): string | null {
  if (typeof id !== 'string' || !IdSchema.safeParse(id).success) {
    return `a map has an id that is not valid (${shown(id)})`;
  }
  if (typeof name !== 'string' || !MapNameSchema.safeParse(name).success) {
    return `the map "${id}" has a name that is not valid (${shown(name)})`;
  }
  return null;
}

/** A stored value as a short readable phrase: text JSON-quoted (control characters escaped), else its type. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 60));
  if (value === null) return 'none';
  if (Buffer.isBuffer(value)) return 'binary data';
  return `a ${typeof value}`;
}

/** A map name as stored (trimmed), or the worded refusal; the CLI checks before it opens a file. */
export function checkMapName(name: string): string {
  const parsed = MapNameSchema.safeParse(name);
  if (!parsed.success) {
    throw ApiError.worded('invalid-payload', 'map-name-invalid', {
      detail: parsed.error.issues[0]?.message ?? 'invalid',
    });
  }
  return parsed.data;
}

function notFound(mapId: string): ApiError {
  return ApiError.worded('not-found', 'map-missing', { mapId });
}

/** A short random id that satisfies IdSchema (letters, digits, "-" and "_"). */
function newId(): string {
  return randomBytes(12).toString('base64url');
}
