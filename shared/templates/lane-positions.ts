import { LANE_OF_KIND, type NodeKind } from '../model/kinds';
import type { Position } from '../model/types';

/** x of each lane, left to right: Strategy | Operations | Metrics. */
export const LANE_X: readonly [number, number, number] = [0, 420, 840];
/** Vertical distance between two nodes of one lane; a node on the canvas is about 110 px tall. */
export const ROW_GAP = 150;

interface LaneNode {
  id: string;
  kind: NodeKind;
}
interface LaneLink {
  source: string;
  target: string;
}

/**
 * Positions in three lanes, computed from the links: every node goes in its kind's lane, beside
 * the parent its first link comes from. A goal's outcome metric sits on the goal's row with the
 * Operations lane left empty there, so its link runs straight across; a parent with children in
 * the next lane moves down to their middle when its lane has room. Nodes of one lane are ROW_GAP
 * apart, so none overlap.
 *
 * Each node keeps one parent (its first link from the same or an earlier lane). The tree is walked
 * depth first: children in the next lane with outcome metrics amid them, then those in the same lane.
 */
export function lanePositions(nodes: readonly LaneNode[], links: readonly LaneLink[]): Map<string, Position> {
  const lane = new Map<string, 0 | 1 | 2>(nodes.map((n) => [n.id, LANE_OF_KIND[n.kind]]));
  const parent = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const { source, target } of links) {
    const from = lane.get(source);
    const to = lane.get(target);
    if (from === undefined || to === undefined || source === target || from > to) continue;
    if (parent.has(target) || isAncestor(parent, target, source)) continue;
    parent.set(target, source);
    const list = children.get(source);
    if (list) list.push(target);
    else children.set(source, [target]);
  }
  const laneOf = (id: string): 0 | 1 | 2 => lane.get(id) ?? 0;
  // Children in the next lane, with those two lanes over (outcome metrics) in the middle of them,
  // then children below in the same lane.
  const ordered = (id: string): string[] => {
    const list = children.get(id) ?? [];
    const own = laneOf(id);
    const next = list.filter((c) => laneOf(c) - own === 1);
    const half = Math.floor(next.length / 2);
    return [
      ...next.slice(0, half),
      ...list.filter((c) => laneOf(c) - own > 1),
      ...next.slice(half),
      ...list.filter((c) => laneOf(c) === own),
    ];
  };

  // Depth-first, pre-order: each node as high as its lane allows, but not above its parent.
  const y = new Map<string, number>();
  const cursor = [0, 0, 0];
  const preOrder: string[] = [];
  const laneOrder: [string[], string[], string[]] = [[], [], []];
  for (const root of nodes) {
    if (parent.has(root.id)) continue;
    const stack = [root.id];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      const l = laneOf(id);
      const up = parent.get(id);
      const from = up === undefined ? l : laneOf(up);
      let at = cursor[l] as number;
      if (up !== undefined && from < l) at = Math.max(at, y.get(up) ?? 0);
      // A link that skips a lane gets a row of its own there, left empty.
      for (let between = from + 1; between < l; between++) at = Math.max(at, cursor[between] as number);
      y.set(id, at);
      for (let reserved = from + 1; reserved <= l; reserved++) {
        cursor[reserved] = Math.max(cursor[reserved] as number, at + ROW_GAP);
      }
      cursor[l] = at + ROW_GAP;
      preOrder.push(id);
      laneOrder[l].push(id);
      stack.push(...ordered(id).reverse());
    }
  }

  // Bottom up: a parent moves down to the row of its outcome metric, or else towards the middle of
  // its children in the next lane, never closer than ROW_GAP to the next node of its own lane.
  const indexInLane = new Map<string, number>();
  for (const list of laneOrder) {
    for (const [i, id] of list.entries()) indexInLane.set(id, i);
  }
  for (let i = preOrder.length - 1; i >= 0; i--) {
    const id = preOrder[i] as string;
    const l = laneOf(id);
    const list = children.get(id) ?? [];
    const skipping = list.find((c) => laneOf(c) - l > 1);
    const next = list.filter((c) => laneOf(c) - l === 1).map((c) => y.get(c) ?? 0);
    let wanted: number;
    if (skipping !== undefined) wanted = y.get(skipping) ?? 0;
    else if (next.length > 0) wanted = (Math.min(...next) + Math.max(...next)) / 2;
    else continue;
    const below = laneOrder[l][(indexInLane.get(id) ?? 0) + 1];
    const limit = below === undefined ? Number.POSITIVE_INFINITY : (y.get(below) ?? 0) - ROW_GAP;
    y.set(id, Math.max(y.get(id) ?? 0, Math.min(wanted, limit)));
  }

  return new Map(nodes.map((n) => [n.id, { x: LANE_X[laneOf(n.id)], y: y.get(n.id) ?? 0 }]));
}

/** Whether `ancestor` is `id` or above it in the parent chain. */
function isAncestor(parent: ReadonlyMap<string, string>, ancestor: string, id: string): boolean {
  let at: string | undefined = id;
  for (let guard = 0; at !== undefined && guard <= parent.size; guard++) {
    if (at === ancestor) return true;
    at = parent.get(at);
  }
  return false;
}
