import type { MapLink, NodeKind, Position } from '../model';

/** Enough of a node to find its way around the map, and to place new nodes clear of it. */
export interface NavNode {
  id: string;
  kind: NodeKind;
  position: Position;
  /** As drawn: a long title wraps and makes a node taller than the usual size. */
  height: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/** Size the placements reserve for a new node (nodes are 240 px wide and 88 px or more high). */
export const NODE_BOX = { width: 280, height: 120 };
/** Room kept between a node and a new one placed below it. */
export const NODE_GAP = 24;
/** Horizontal step from a node to a child in the next lane. */
export const CHILD_STEP_X = 400;
/** Vertical step between a node and the sibling added below it. */
export const SIBLING_STEP_Y = 150;

/** The kind a facilitator adds under a node with Tab: goal → mechanism → metric; none after a metric. */
export function nextKind(kind: NodeKind): NodeKind | null {
  if (kind === 'goal') return 'mechanism';
  if (kind === 'mechanism') return 'metric';
  return null;
}

const byPosition = (a: NavNode, b: NavNode) => a.position.y - b.position.y || a.position.x - b.position.x;

/** Nodes linked from `id` (its children), top to bottom. */
export function childrenOf(id: string, nodes: ReadonlyMap<string, NavNode>, links: readonly MapLink[]) {
  return links
    .filter((l) => l.source === id && l.target !== id)
    .map((l) => nodes.get(l.target))
    .filter((n): n is NavNode => n !== undefined)
    .sort(byPosition);
}

/** Nodes linking to `id` (its parents), top to bottom. */
export function parentsOf(id: string, nodes: ReadonlyMap<string, NavNode>, links: readonly MapLink[]) {
  return links
    .filter((l) => l.target === id && l.source !== id)
    .map((l) => nodes.get(l.source))
    .filter((n): n is NavNode => n !== undefined)
    .sort(byPosition);
}

/**
 * Where the arrow keys take the selection: right to the first child, left to the first parent,
 * up and down to the previous or next sibling under the same parent (or, for a node with no
 * parent, the previous or next node in its lane). Null when there is nowhere to go.
 */
export function neighbour(
  fromId: string,
  direction: Direction,
  nodes: ReadonlyMap<string, NavNode>,
  links: readonly MapLink[],
): string | null {
  const from = nodes.get(fromId);
  if (!from) return null;
  if (direction === 'right') return childrenOf(fromId, nodes, links)[0]?.id ?? null;
  if (direction === 'left') return parentsOf(fromId, nodes, links)[0]?.id ?? null;
  const parent = parentsOf(fromId, nodes, links)[0];
  const siblings = parent
    ? childrenOf(parent.id, nodes, links).filter((n) => n.kind === from.kind)
    : [...nodes.values()].filter((n) => n.kind === from.kind).sort(byPosition);
  const at = siblings.findIndex((n) => n.id === fromId);
  const next = siblings[direction === 'up' ? at - 1 : at + 1];
  return next?.id ?? null;
}

/** Whether a new node at `spot` would cover `taken` or come closer than NODE_GAP below it. */
function overlaps(taken: NavNode, spot: Position): boolean {
  const { x, y } = taken.position;
  return (
    Math.abs(x - spot.x) < NODE_BOX.width &&
    spot.y < y + taken.height + NODE_GAP &&
    y < spot.y + NODE_BOX.height
  );
}

/** The first place at or below `wanted` where a new node covers no other node. */
export function freeSpot(wanted: Position, nodes: Iterable<NavNode>): Position {
  const taken = [...nodes];
  const spot = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  for (let tries = 0; tries < 10_000; tries++) {
    const blocker = taken.find((n) => overlaps(n, spot));
    if (!blocker) return spot;
    const { y } = blocker.position;
    // Up, never down: a blocker at a fractional y (imported maps may have one) must be cleared.
    spot.y = Math.ceil(Math.max(y + SIBLING_STEP_Y, y + blocker.height + NODE_GAP));
  }
  return spot;
}

/** Where Tab puts a new child of `parent`: in the next column, below the children it already has. */
export function childSpot(parent: NavNode, nodes: ReadonlyMap<string, NavNode>, links: readonly MapLink[]) {
  const children = childrenOf(parent.id, nodes, links);
  const last = children[children.length - 1];
  const wanted = last
    ? { x: parent.position.x + CHILD_STEP_X, y: last.position.y + SIBLING_STEP_Y }
    : { x: parent.position.x + CHILD_STEP_X, y: parent.position.y };
  return freeSpot(wanted, nodes.values());
}

/** Where Enter puts a sibling of `node`: just below it, in the same column. */
export function siblingSpot(node: NavNode, nodes: ReadonlyMap<string, NavNode>): Position {
  return freeSpot({ x: node.position.x, y: node.position.y + SIBLING_STEP_Y }, nodes.values());
}
