import * as Y from 'yjs';
import { LIMITS } from '../model/limits';
import { checkKinds } from '../model/link-rules';
import { DOC_ROOTS, type FieldMap, linksOf, nodesOf, plainFields, readLink, readNode } from './map-doc';

/**
 * The room's rules for a change to a map's document, checked by the server on a trial copy before
 * the change reaches the real document, the other participants or the file. Pure: the server and
 * the tests share it.
 */

/** The nodes and links one transaction wrote or deleted, by id. */
export interface DocTouch {
  nodes: Set<string>;
  links: Set<string>;
}

export type DocRefusalReason =
  | 'foreign-type'
  | 'pending'
  | 'invalid-node'
  | 'invalid-link'
  | 'kind-changed'
  | 'link-moved'
  | 'link-kinds'
  | 'too-many';

export interface DocRefusal {
  reason: DocRefusalReason;
  /** A short English phrase for the server's log and the participant's message. */
  detail: string;
}

const refuse = (reason: DocRefusalReason, detail: string): DocRefusal => ({ reason, detail });

/**
 * What a transaction touched, or a refusal when it changed anything outside the map's shape: a
 * top-level type other than `nodes` and `links`, or a type nested deeper than a node's fields.
 */
export function touchedBy(transaction: Y.Transaction, doc: Y.Doc): DocTouch | DocRefusal {
  // As plain types: the transaction names what changed by the base class.
  const nodes: unknown = nodesOf(doc);
  const links: unknown = linksOf(doc);
  const touch: DocTouch = { nodes: new Set(), links: new Set() };
  for (const [type, keys] of transaction.changed) {
    const parent = type._item?.parent;
    const sub = type._item?.parentSub;
    if (type === nodes) for (const key of keys) key !== null && touch.nodes.add(key);
    else if (type === links) for (const key of keys) key !== null && touch.links.add(key);
    else if (parent === nodes && typeof sub === 'string') touch.nodes.add(sub);
    else if (parent === links && typeof sub === 'string') touch.links.add(sub);
    else return refuse('foreign-type', 'the change writes outside the map’s nodes and links');
  }
  return touch;
}

/**
 * Whether the document after a change (`after`, the trial copy) still holds a valid map where the
 * change touched it, compared with the document before it (`before`): every written node and link
 * passes the schema with no field the format does not know, a node keeps its kind, a link keeps
 * its ends, a link joins kinds the link rules allow, and the map stays within its limits. A link
 * whose end is missing is not refused: another participant may have deleted the node at the same
 * time (repairLinks removes it).
 */
export function checkChange(after: Y.Doc, before: Y.Doc, touch: DocTouch): DocRefusal | null {
  for (const name of after.share.keys()) {
    if (!DOC_ROOTS.includes(name)) return refuse('foreign-type', `the change adds "${name.slice(0, 40)}"`);
  }
  if (after.store.pendingStructs !== null || after.store.pendingDs !== null) {
    return refuse('pending', 'the change depends on changes the room has not seen');
  }
  const nodes = nodesOf(after);
  const links = linksOf(after);
  if (nodes.size > LIMITS.nodesPerMap) return refuse('too-many', `more than ${LIMITS.nodesPerMap} nodes`);
  if (links.size > LIMITS.linksPerMap) return refuse('too-many', `more than ${LIMITS.linksPerMap} links`);
  const nodesBefore = nodesOf(before);
  const linksBefore = linksOf(before);
  for (const id of touch.nodes) {
    const fields = nodes.get(id);
    if (fields === undefined) continue;
    const node = readNode(id, fields);
    if (!node || hasUnknownField(fields, node)) return refuse('invalid-node', `node "${id.slice(0, 64)}"`);
    const earlier = nodesBefore.get(id);
    if (earlier instanceof Y.Map && earlier.get('kind') !== node.kind) {
      return refuse('kind-changed', `node "${id}" changes its kind`);
    }
  }
  for (const id of touch.links) {
    const fields = links.get(id);
    if (fields === undefined) continue;
    const link = readLink(id, fields);
    if (!link || hasUnknownField(fields, link)) return refuse('invalid-link', `link "${id.slice(0, 64)}"`);
    const earlier = linksBefore.get(id);
    if (
      earlier instanceof Y.Map &&
      (earlier.get('source') !== link.source || earlier.get('target') !== link.target)
    ) {
      return refuse('link-moved', `link "${id}" changes its ends`);
    }
    if (link.source === link.target) return refuse('link-kinds', `link "${id}" joins a node to itself`);
    const source = nodes.get(link.source)?.get('kind');
    const target = nodes.get(link.target)?.get('kind');
    if (source === undefined || target === undefined) continue;
    const kinds = checkKinds(
      source as Parameters<typeof checkKinds>[0],
      target as Parameters<typeof checkKinds>[1],
    );
    if (!kinds.ok) return refuse('link-kinds', `link "${id}" ${source} → ${target} is not allowed`);
  }
  return null;
}

/** Whether a field map holds a field the model does not (the parsed value drops unknown keys). */
function hasUnknownField(fields: FieldMap, parsed: object): boolean {
  const record = plainFields(fields);
  if (!record) return true;
  return Object.keys(record).some((key) => !(key in parsed));
}

/**
 * Links the document must lose after a change: links to a node the change deleted (deleted by one
 * participant while another linked to it), links the change wrote whose node is missing, and the
 * second of two links between the same two nodes that the change wrote (drawn by two participants
 * at once; the one with the smaller id stays, so every peer agrees). Links that were already
 * there and that the change did not touch stay as they are: an imported map's link to a missing
 * node is a finding for people to resolve, not for the server to drop.
 */
export function linksToRepair(doc: Y.Doc, touch: DocTouch): string[] {
  const nodes = nodesOf(doc);
  const links = linksOf(doc);
  const deleted = new Set([...touch.nodes].filter((id) => !nodes.has(id)));
  const written = [...touch.links].filter((id) => links.has(id));
  if (deleted.size === 0 && written.length === 0) return [];
  const ends = (id: string) => {
    const fields = links.get(id);
    const source = fields?.get('source');
    const target = fields?.get('target');
    return typeof source === 'string' && typeof target === 'string' ? { source, target } : null;
  };
  const drop = new Set<string>();
  if (deleted.size > 0) {
    for (const id of links.keys()) {
      const link = ends(id);
      if (link && (deleted.has(link.source) || deleted.has(link.target))) drop.add(id);
    }
  }
  const writtenPairs = new Map<string, string[]>();
  for (const id of written) {
    const link = ends(id);
    if (!link || drop.has(id)) continue;
    if (!nodes.has(link.source) || !nodes.has(link.target)) {
      drop.add(id);
      continue;
    }
    writtenPairs.set(`${link.source}\u0000${link.target}`, []);
  }
  if (writtenPairs.size > 0) {
    for (const id of links.keys()) {
      const link = ends(id);
      const same = link && !drop.has(id) ? writtenPairs.get(`${link.source}\u0000${link.target}`) : undefined;
      same?.push(id);
    }
    for (const same of writtenPairs.values()) {
      same.sort();
      for (const id of same.slice(1)) drop.add(id);
    }
  }
  return [...drop];
}

/** Removes the links linksToRepair names, as one transaction of `origin`; their ids. */
export function repairLinks(doc: Y.Doc, touch: DocTouch, origin: unknown): string[] {
  const drop = linksToRepair(doc, touch);
  if (drop.length > 0) {
    const links = linksOf(doc);
    doc.transact(() => {
      for (const id of drop) links.delete(id);
    }, origin);
  }
  return drop;
}
