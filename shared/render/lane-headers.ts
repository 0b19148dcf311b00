import type { NodeKind } from '../model/kinds';

/** A node as the lane headers see it: its kind and its box. */
export interface LaneNode {
  readonly kind: NodeKind;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A lane's header: a label box above the lane's first node, as wide as the lane. */
export interface LaneHeader {
  readonly kind: NodeKind;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How tall a header is, and the space between it and the lane's first node. */
export const LANE_HEADER_HEIGHT = 40;
export const LANE_HEADER_GAP = 16;
/** Columns of one kind at most this far apart are one lane; bands are further apart than this. */
const SAME_LANE_GAP = 48;

/**
 * The headers of a map laid out in lanes (Strategy, Operations, Metrics), or none when it is not.
 * Nodes whose boxes overlap horizontally form a column; a map is in lanes when every column holds
 * one kind only. Side-by-side columns of one kind are one lane (a busy lane may have several
 * columns), and a big map wrapped into bands has a header per lane of each band. A map someone
 * arranged freely, with goals and metrics one above the other, gets no headers: they would lie.
 * O(n log n); nothing is stored, so the headers follow the nodes wherever they are moved.
 */
export function laneHeaders(nodes: readonly LaneNode[]): LaneHeader[] {
  if (nodes.length === 0) return [];
  const sorted = [...nodes].sort((a, b) => a.x - b.x);
  interface Column {
    kind: NodeKind;
    left: number;
    right: number;
    top: number;
  }
  const columns: Column[] = [];
  for (const node of sorted) {
    if (!Number.isFinite(node.x) || !Number.isFinite(node.y)) return [];
    const last = columns[columns.length - 1];
    if (last !== undefined && node.x < last.right) {
      if (node.kind !== last.kind) return [];
      last.right = Math.max(last.right, node.x + node.width);
      last.top = Math.min(last.top, node.y);
    } else {
      columns.push({ kind: node.kind, left: node.x, right: node.x + node.width, top: node.y });
    }
  }
  const headers: LaneHeader[] = [];
  let lane: Column | null = null;
  for (const column of columns) {
    if (lane !== null && lane.kind === column.kind && column.left - lane.right <= SAME_LANE_GAP) {
      lane.right = column.right;
      lane.top = Math.min(lane.top, column.top);
      continue;
    }
    if (lane !== null) headers.push(headerOf(lane));
    lane = { ...column };
  }
  if (lane !== null) headers.push(headerOf(lane));
  return headers;
}

function headerOf(lane: { kind: NodeKind; left: number; right: number; top: number }): LaneHeader {
  return {
    kind: lane.kind,
    x: lane.left,
    y: lane.top - LANE_HEADER_GAP - LANE_HEADER_HEIGHT,
    width: lane.right - lane.left,
    height: LANE_HEADER_HEIGHT,
  };
}
