import * as Y from 'yjs';
import { MapLinkSchema, MapNodeSchema } from '../model/schemas';
import type { Checkin, MapContent, MapLink, MapNode } from '../model/types';
import { CHECKINS, checkinsOf, readCheckins, settleCurrentValues, writeCheckins } from './checkin-doc';

/**
 * The shape of a map as a Yjs document, the one editing model of the canvas and of the room:
 * two top-level Y.Maps, `nodes` and `links`, each keyed by id, holding one Y.Map per node or link
 * whose fields are named as in the JSON interchange format (`position` is the plain `{x, y}`
 * object, written whole, so a drag is one value). Fields are written one by one, so two people
 * editing different fields of one node both keep their edit. The metrics' check-ins are a third
 * top-level type, the array `checkins` (checkin-doc.ts).
 */
export const NODES = 'nodes';
export const LINKS = 'links';

/** The only top-level types a map's document may have. */
export const DOC_ROOTS: readonly string[] = [NODES, LINKS, CHECKINS];

export type FieldMap = Y.Map<unknown>;

/**
 * A document for a map, its two top-level maps defined at once. A type that arrives in an update
 * before anything asked for it by its kind is held as a plain type, and asking later swaps the
 * object: a check keyed by the earlier one would no longer find it.
 */
export function newMapDoc(options?: ConstructorParameters<typeof Y.Doc>[0]): Y.Doc {
  const doc = new Y.Doc(options);
  doc.getMap(NODES);
  doc.getMap(LINKS);
  doc.getArray(CHECKINS);
  return doc;
}

export const nodesOf = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap<FieldMap>(NODES);
export const linksOf = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap<FieldMap>(LINKS);

/** What one edit writes and deletes: the groups of an incremental save. */
export interface DocChanges {
  upsertNodes: readonly MapNode[];
  upsertLinks: readonly MapLink[];
  deleteNodeIds: readonly string[];
  deleteLinkIds: readonly string[];
  /** Check-ins added or corrected (by id); a deleted metric takes its check-ins along. */
  upsertCheckins?: readonly Checkin[];
  deleteCheckinIds?: readonly string[];
}

/** A value as it goes into a field: plain JSON, a fresh object for the position. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.is(x[k], y[k]));
}

/** Writes a record's fields into a field map, only those that differ, and drops fields it lacks. */
function writeFields(target: FieldMap, record: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (!sameValue(target.get(key), value)) target.set(key, value);
  }
  for (const key of [...target.keys()]) if (!(key in record)) target.delete(key);
}

function upsert(parent: Y.Map<FieldMap>, record: { id: string } & Record<string, unknown>): void {
  const existing = parent.get(record.id);
  if (existing instanceof Y.Map) {
    writeFields(existing, record);
    return;
  }
  const fields: FieldMap = new Y.Map();
  for (const [key, value] of Object.entries(record)) if (value !== undefined) fields.set(key, value);
  parent.set(record.id, fields);
}

/**
 * Applies one edit to the document as one transaction with `origin` (the undo manager tracks the
 * local origin only). Deleting a node deletes the links that touch it in the same transaction, a
 * metric its check-ins; a change to a metric's check-ins sets its current value to the latest.
 */
export function applyDocChanges(doc: Y.Doc, changes: DocChanges, origin: unknown): void {
  const nodes = nodesOf(doc);
  const links = linksOf(doc);
  doc.transact(() => {
    // Metrics given another current value (a restored version, an inspector edit): one with
    // check-ins keeps its latest as its current value.
    const givenCurrent = new Set<string>();
    for (const node of changes.upsertNodes) {
      if (node.kind === 'metric' && !Object.is(nodes.get(node.id)?.get('current'), node.current))
        givenCurrent.add(node.id);
    }
    for (const id of changes.deleteLinkIds) links.delete(id);
    if (changes.deleteNodeIds.length > 0) {
      const gone = new Set(changes.deleteNodeIds);
      for (const id of gone) nodes.delete(id);
      for (const [id, link] of links) {
        if (gone.has(link.get('source') as string) || gone.has(link.get('target') as string))
          links.delete(id);
      }
    }
    for (const node of changes.upsertNodes) upsert(nodes, node as MapNode & Record<string, unknown>);
    for (const link of changes.upsertLinks) upsert(links, { ...link });
    const upsertCheckins = changes.upsertCheckins ?? [];
    const deleteCheckinIds = changes.deleteCheckinIds ?? [];
    if (upsertCheckins.length > 0 || deleteCheckinIds.length > 0 || changes.deleteNodeIds.length > 0) {
      const touched = writeCheckins(doc, upsertCheckins, deleteCheckinIds, new Set(changes.deleteNodeIds));
      settleCurrentValues(doc, nodes, touched);
      for (const id of touched) givenCurrent.delete(id);
    }
    if (givenCurrent.size > 0 && checkinsOf(doc).length > 0)
      settleCurrentValues(doc, nodes, givenCurrent, true);
  }, origin);
}

/** Fills an empty document with a map's content (a room starting from the stored tables). */
export function writeContent(doc: Y.Doc, content: MapContent, origin: unknown = null): void {
  applyDocChanges(
    doc,
    {
      upsertNodes: content.nodes,
      upsertLinks: content.links,
      deleteNodeIds: [],
      deleteLinkIds: [],
      upsertCheckins: content.checkins ?? [],
    },
    origin,
  );
}

/** A field map's values as a plain record; null when a value is not plain data (a nested type). */
export function plainFields(fields: FieldMap): Record<string, unknown> | null {
  const record: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    if (value instanceof Y.AbstractType || value instanceof Y.Doc || value instanceof Uint8Array) return null;
    record[key] = value;
  }
  return record;
}

/** One node of the document as the model has it, or null when it does not pass the schema. */
export function readNode(id: string, fields: unknown): MapNode | null {
  if (!(fields instanceof Y.Map)) return null;
  const record = plainFields(fields as FieldMap);
  if (!record || record.id !== id) return null;
  const parsed = MapNodeSchema.safeParse(record);
  return parsed.success ? parsed.data : null;
}

export function readLink(id: string, fields: unknown): MapLink | null {
  if (!(fields instanceof Y.Map)) return null;
  const record = plainFields(fields as FieldMap);
  if (!record || record.id !== id) return null;
  const parsed = MapLinkSchema.safeParse(record);
  return parsed.success ? parsed.data : null;
}

/**
 * The document's map as the validator, the canvas and the tables have it: every node and link
 * that passes the schema. A link whose node is missing stays, as in the tables (an imported map
 * may hold one; the validator reports it): the room's server removes only the links a change left
 * without their node (doc-check.ts, repairLinks).
 */
export function readContent(doc: Y.Doc): MapContent {
  return { ...readPlan(doc), checkins: readCheckins(doc) };
}

/** The document's nodes and links as readContent reads them, without its check-ins. */
export function readPlan(doc: Y.Doc): Pick<MapContent, 'nodes' | 'links'> {
  const nodes: MapNode[] = [];
  for (const [id, fields] of nodesOf(doc)) {
    const node = readNode(id, fields);
    if (node) nodes.push(node);
  }
  const links: MapLink[] = [];
  for (const [id, fields] of linksOf(doc)) {
    const link = readLink(id, fields);
    if (link) links.push(link);
  }
  return { nodes, links };
}
