import { goalsWithExecutionPath } from '../graph/execution-path';
import type { NodeKind } from '../model/kinds';
import type { MapContent, MapLink, MapNode } from '../model/types';

/**
 * What changed between two versions of a map, as data: the one home of the comparison that the
 * command line's `diff`, the Markdown "Changes since …" section and the canvas read.
 *
 * - Nodes are matched by id: a retitled node keeps its id, so it is one node whose title changed,
 *   not a removal and an addition.
 * - A node's `position` is not part of its meaning: moving a card (or laying the map out again)
 *   changes no plan, so it never makes a node "changed" and two maps that differ only in positions
 *   are equal. Every other field is compared, including `kind` (a JSON file may give an id another
 *   kind; the room never does).
 * - A metric's `current` moving shows as a changed field `current` like any other; readers call it
 *   a metric value that moved (see {@link metricValueMoves}).
 * - Links are matched by their ends (source → target), not by id: a link's meaning follows from
 *   its ends, so a link deleted and drawn again between the same two nodes under a new id is no
 *   change. Copies of one pair (duplicates) are counted: a third copy is one added link.
 * - Goals that lost or gained their execution path are the goals on both maps (a goal on both
 *   sides) whose path, by the validator's own rule (shared/graph/execution-path.ts), differs. A goal
 *   added or removed is listed there, not here.
 *
 * Everything is O(nodes + links) with Maps keyed by id (ids such as `__proto__` are ordinary keys).
 * Lists keep map order: added, changed and the goals in the new map's order, removed in the old's.
 */

/** A node as a diff names it: enough to say which node, without its every field. */
export interface DiffNode {
  id: string;
  kind: NodeKind;
  title: string;
}

/** A link as a diff names it. */
export interface DiffLink {
  id: string;
  source: string;
  target: string;
}

/** One field's two values. Values are what the JSON format holds: strings, numbers, null. */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

export interface NodeChange {
  id: string;
  /** Field name → its two values; never `id` or `position`. */
  fields: Record<string, FieldChange>;
}

/** The diff, shaped exactly as `throughline diff --json` prints it. */
export interface MapDiff {
  nodes: { added: DiffNode[]; removed: DiffNode[]; changed: NodeChange[] };
  links: { added: DiffLink[]; removed: DiffLink[] };
  goals: { lostPath: DiffNode[]; gainedPath: DiffNode[] };
}

/** Node fields that are not compared: the id matches, the position is layout. */
const NOT_COMPARED: ReadonlySet<string> = new Set(['id', 'position']);

function diffNode(node: MapNode): DiffNode {
  return { id: node.id, kind: node.kind, title: node.title };
}

function diffLink(link: MapLink): DiffLink {
  return { id: link.id, source: link.source, target: link.target };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Field values are primitives today; an object or array (a future field) compares by its JSON.
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return false;
}

/** The fields of `after` that differ from `before`, in `after`'s field order, then `before`'s own. */
function changedFields(before: MapNode, after: MapNode): Record<string, FieldChange> | null {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  let fields: Record<string, FieldChange> | null = null;
  const note = (key: string) => {
    if (NOT_COMPARED.has(key)) return;
    const was = Object.hasOwn(b, key) ? b[key] : undefined;
    const now = Object.hasOwn(a, key) ? a[key] : undefined;
    if (sameValue(was, now)) return;
    fields ??= Object.create(null) as Record<string, FieldChange>;
    // A field one side does not have reads as null in the JSON (undefined would vanish from it).
    fields[key] = { before: was === undefined ? null : was, after: now === undefined ? null : now };
  };
  for (const key of Object.keys(a)) note(key);
  for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) note(key);
  return fields;
}

function pairKey(link: Pick<MapLink, 'source' | 'target'>): string {
  // Ids never contain a space (IdSchema), so the pair is unambiguous.
  return `${link.source} ${link.target}`;
}

/** Compares two versions of a map: `before` (the older) and `after` (the newer). */
export function diffMaps(before: MapContent, after: MapContent): MapDiff {
  const oldById = new Map<string, MapNode>();
  for (const node of before.nodes) if (!oldById.has(node.id)) oldById.set(node.id, node);
  const newIds = new Set<string>();

  const added: DiffNode[] = [];
  const changed: NodeChange[] = [];
  for (const node of after.nodes) {
    if (newIds.has(node.id)) continue;
    newIds.add(node.id);
    const old = oldById.get(node.id);
    if (old === undefined) {
      added.push(diffNode(node));
      continue;
    }
    const fields = changedFields(old, node);
    if (fields) changed.push({ id: node.id, fields });
  }
  const removed: DiffNode[] = [];
  for (const [id, node] of oldById) if (!newIds.has(id)) removed.push(diffNode(node));

  // Links: a multiset of (source, target) pairs. Each old copy of a pair is matched by one new copy.
  const oldPairs = new Map<string, number>();
  for (const link of before.links) {
    const key = pairKey(link);
    oldPairs.set(key, (oldPairs.get(key) ?? 0) + 1);
  }
  const linksAdded: DiffLink[] = [];
  for (const link of after.links) {
    const key = pairKey(link);
    const left = oldPairs.get(key) ?? 0;
    if (left > 0) oldPairs.set(key, left - 1);
    else linksAdded.push(diffLink(link));
  }
  // What is left unmatched of the old pairs was removed: the last copies in the old map's order.
  const linksRemoved: DiffLink[] = [];
  const unmatched: MapLink[] = [];
  for (let i = before.links.length - 1; i >= 0; i--) {
    const link = before.links[i] as MapLink;
    const key = pairKey(link);
    const left = oldPairs.get(key) ?? 0;
    if (left > 0) {
      oldPairs.set(key, left - 1);
      unmatched.push(link);
    }
  }
  for (let i = unmatched.length - 1; i >= 0; i--) linksRemoved.push(diffLink(unmatched[i] as MapLink));

  // Execution paths, by the validator's rule, on each side.
  const pathBefore = goalsWithExecutionPath(before.nodes, before.links);
  const pathAfter = goalsWithExecutionPath(after.nodes, after.links);
  const lostPath: DiffNode[] = [];
  const gainedPath: DiffNode[] = [];
  const seen = new Set<string>();
  for (const node of after.nodes) {
    if (node.kind !== 'goal' || seen.has(node.id)) continue;
    seen.add(node.id);
    const old = oldById.get(node.id);
    if (old === undefined || old.kind !== 'goal') continue;
    const had = pathBefore.has(node.id);
    const has = pathAfter.has(node.id);
    if (had && !has) lostPath.push(diffNode(node));
    else if (!had && has) gainedPath.push(diffNode(node));
  }

  return {
    nodes: { added, removed, changed },
    links: { added: linksAdded, removed: linksRemoved },
    goals: { lostPath, gainedPath },
  };
}

/** Whether a diff says the two maps mean the same plan. */
export function isEmptyDiff(diff: MapDiff): boolean {
  return (
    diff.nodes.added.length === 0 &&
    diff.nodes.removed.length === 0 &&
    diff.nodes.changed.length === 0 &&
    diff.links.added.length === 0 &&
    diff.links.removed.length === 0 &&
    diff.goals.lostPath.length === 0 &&
    diff.goals.gainedPath.length === 0
  );
}

/** How many items a diff lists, all sections together. */
export function diffSize(diff: MapDiff): number {
  return (
    diff.nodes.added.length +
    diff.nodes.removed.length +
    diff.nodes.changed.length +
    diff.links.added.length +
    diff.links.removed.length +
    diff.goals.lostPath.length +
    diff.goals.gainedPath.length
  );
}

/** A metric whose value (`current`) moved: one of the changed nodes, read as such. */
export interface MetricValueMove {
  id: string;
  before: number | null;
  after: number | null;
}

/**
 * The metrics whose `current` value moved, from a diff and the newer map (which says which changed
 * nodes are metrics). In the changed list they are a `current` field like any other.
 */
export function metricValueMoves(diff: MapDiff, after: MapContent): MetricValueMove[] {
  const metrics = new Set<string>();
  for (const node of after.nodes) if (node.kind === 'metric') metrics.add(node.id);
  const moves: MetricValueMove[] = [];
  for (const change of diff.nodes.changed) {
    const current = change.fields.current;
    if (current === undefined || !metrics.has(change.id)) continue;
    moves.push({
      id: change.id,
      before: typeof current.before === 'number' ? current.before : null,
      after: typeof current.after === 'number' ? current.after : null,
    });
  }
  return moves;
}
