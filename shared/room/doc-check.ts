import * as Y from 'yjs';
import { LIMITS } from '../model/limits';
import { checkKinds } from '../model/link-rules';
import { checkinsOf, readCheckinTuple, settleCurrentValues } from './checkin-doc';
import { DOC_ROOTS, type FieldMap, linksOf, nodesOf, plainFields, readLink, readNode } from './map-doc';

/**
 * The room's rules for a change to a map's document, checked by the server on a trial copy before
 * the change reaches the real document, the other participants or the file. Pure: the server and
 * the tests share it.
 */

/** The nodes, links and check-ins one transaction wrote or deleted, by id. */
export interface DocTouch {
  nodes: Set<string>;
  links: Set<string>;
  checkins: Set<string>;
  /** The check-ins it wrote, as they came (each to be checked), and the metrics of those it deleted. */
  addedCheckins: unknown[];
  checkinMetrics: Set<string>;
}

export function emptyTouch(): DocTouch {
  return {
    nodes: new Set(),
    links: new Set(),
    checkins: new Set(),
    addedCheckins: [],
    checkinMetrics: new Set(),
  };
}

/** Whether a transaction touched nothing of the map. */
export function isEmptyTouch(touch: DocTouch): boolean {
  return touch.nodes.size + touch.links.size + touch.checkins.size === 0;
}

/** Adds what `more` touched to `touch`. */
export function mergeTouch(touch: DocTouch, more: DocTouch): void {
  for (const id of more.nodes) touch.nodes.add(id);
  for (const id of more.links) touch.links.add(id);
  for (const id of more.checkins) touch.checkins.add(id);
  for (const id of more.checkinMetrics) touch.checkinMetrics.add(id);
  touch.addedCheckins.push(...more.addedCheckins);
}

export type DocRefusalReason =
  | 'foreign-type'
  | 'pending'
  | 'invalid-node'
  | 'invalid-link'
  | 'invalid-checkin'
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
 * top-level type other than `nodes`, `links` and `checkins`, a type nested deeper than a node's
 * fields, or anything in `checkins` but plain values in its list.
 */
export function touchedBy(transaction: Y.Transaction, doc: Y.Doc): DocTouch | DocRefusal {
  // As plain types: the transaction names what changed by the base class.
  const nodes: unknown = nodesOf(doc);
  const links: unknown = linksOf(doc);
  const checkins = checkinsOf(doc);
  const touch = emptyTouch();
  for (const [type, keys] of transaction.changed) {
    const parent = type._item?.parent;
    const sub = type._item?.parentSub;
    if (type === nodes) for (const key of keys) key !== null && touch.nodes.add(key);
    else if (type === links) for (const key of keys) key !== null && touch.links.add(key);
    else if (type === (checkins as unknown)) {
      if ([...keys].some((key) => key !== null) || !checkinsTouched(transaction, checkins, touch)) {
        return refuse('foreign-type', 'the change writes something other than check-ins into `checkins`');
      }
    } else if (parent === nodes && typeof sub === 'string') touch.nodes.add(sub);
    else if (parent === links && typeof sub === 'string') touch.links.add(sub);
    else return refuse('foreign-type', 'the change writes outside the map’s nodes, links and check-ins');
  }
  return touch;
}

/** The ids of the tuple an item holds, with the item's content when it is plain values; false when it is not. */
function plainTuples(item: Y.Item): unknown[] | false {
  return item.content instanceof Y.ContentAny ? item.content.getContent() : false;
}

/**
 * Records the check-ins a transaction inserted into the array and those it deleted; false when it
 * inserted anything but plain values (text, a nested type, binary).
 */
function checkinsTouched(transaction: Y.Transaction, array: Y.Array<unknown>, touch: DocTouch): boolean {
  const before = transaction.beforeState;
  for (let item = array._start; item !== null; item = item.right) {
    // A deleted item carries nothing into the map (a peer that added and corrected a check-in
    // while the room missed both sends the first as deleted content).
    if (item.deleted || item.id.clock < (before.get(item.id.client) ?? 0)) continue;
    const values = plainTuples(item);
    if (values === false) return false;
    for (const value of values) {
      touch.addedCheckins.push(value);
      const id = Array.isArray(value) ? value[0] : undefined;
      if (typeof id === 'string') touch.checkins.add(id);
    }
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || struct.parent !== array) return;
    // Only plain values were ever let in (the insertions above are this transaction's own).
    const values = plainTuples(struct);
    if (values === false) return;
    for (const value of values) {
      if (!Array.isArray(value)) continue;
      if (typeof value[0] === 'string') touch.checkins.add(value[0]);
      if (typeof value[1] === 'string') touch.checkinMetrics.add(value[1]);
    }
  });
  return true;
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
  if (touch.addedCheckins.length > 0) {
    const refusal = checkAddedCheckins(after, touch.addedCheckins);
    if (refusal) return refusal;
  }
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

/**
 * Each check-in a change wrote is a valid check-in of a metric: of a node that is a metric, or of
 * one that is gone (deleted by another participant at the same time: checkinsToRepair removes it).
 */
function checkAddedCheckins(after: Y.Doc, added: readonly unknown[]): DocRefusal | null {
  if (checkinsOf(after).length > LIMITS.checkinsPerMap) {
    return refuse('too-many', `more than ${LIMITS.checkinsPerMap} check-ins`);
  }
  const nodes = nodesOf(after);
  for (const value of added) {
    const checkin = readCheckinTuple(value);
    if (!checkin) return refuse('invalid-checkin', 'a check-in that is not one');
    const kind = nodes.get(checkin.metric)?.get('kind');
    if (kind !== undefined && kind !== 'metric') {
      return refuse('invalid-checkin', `check-in "${checkin.id}" is not of a metric`);
    }
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

/**
 * What the server puts right after a change to check-ins, so every peer agrees: the check-ins
 * the change wrote for a metric that is gone, and every older tuple of a check-in id it wrote
 * (two corrections at once) are removed, and the current value of each metric whose history
 * changed is its latest check-in again (two people entering numbers at once each wrote their
 * own). Nothing when the document is already right. One transaction of `origin`; whether it did
 * anything.
 */
export function repairCheckins(doc: Y.Doc, touch: DocTouch, origin: unknown): boolean {
  const array = checkinsOf(doc);
  const nodes = nodesOf(doc);
  // Only a change to check-ins, a deleted node or a written metric can leave the history wrong:
  // a goal moved on a map of 104,000 check-ins does not read them all.
  const concerned = [...touch.nodes].some((id) => !nodes.has(id) || nodes.get(id)?.get('kind') === 'metric');
  if (touch.checkins.size === 0 && (!concerned || array.length === 0)) return false;
  const drop = new Set<number>();
  const lastAt = new Map<string, number>();
  const metrics = new Set(touch.checkinMetrics);
  const latest = new Map<string, number>();
  const deletedNodes = new Set([...touch.nodes].filter((id) => !nodes.has(id)));
  const values = array.toArray();
  values.forEach((value, i) => {
    const checkin = readCheckinTuple(value);
    if (!checkin) return;
    if (touch.checkins.has(checkin.id)) {
      metrics.add(checkin.metric);
      const earlier = lastAt.get(checkin.id);
      if (earlier !== undefined) drop.add(earlier);
      lastAt.set(checkin.id, i);
      if (!nodes.has(checkin.metric)) drop.add(i);
    } else if (deletedNodes.has(checkin.metric)) drop.add(i);
    // Latest by date, the later entered on a tie (readCheckins, byDate).
    const known = latest.get(checkin.metric);
    const knownDate = known === undefined ? undefined : (values[known] as unknown[])[2];
    if (knownDate === undefined || checkin.date >= (knownDate as string)) latest.set(checkin.metric, i);
  });
  // Metrics the change wrote without touching their check-ins (its current value set by a peer
  // that had not yet seen another's check-in): those with a history keep its latest.
  const written = new Set([...touch.nodes].filter((id) => !metrics.has(id) && latest.has(id)));
  const wrongOf = (metric: string) => {
    const node = nodes.get(metric);
    if (!(node instanceof Y.Map) || node.get('kind') !== 'metric') return false;
    const at = latest.get(metric);
    const value = at === undefined ? null : (values[at] as unknown[])[3];
    return !Object.is(node.get('current'), value);
  };
  const wrong = [...metrics].some(wrongOf) || [...written].some(wrongOf);
  if (drop.size === 0 && !wrong) return false;
  doc.transact(() => {
    for (const i of [...drop].sort((a, b) => b - a)) array.delete(i, 1);
    settleCurrentValues(doc, nodes, metrics);
    settleCurrentValues(doc, nodes, written, true);
  }, origin);
  return true;
}
