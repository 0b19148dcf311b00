import type { ElkExtendedEdge, ElkLayoutArguments, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { LANE_OF_KIND, type NodeKind, type Position } from '../../../shared/model';

/** A node to lay out: its measured size on the canvas, or the default when not measured yet. */
export interface LaneLayoutNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

export interface LaneLayoutLink {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export interface LaneLayoutInput {
  readonly nodes: readonly LaneLayoutNode[];
  readonly links: readonly LaneLayoutLink[];
}

/**
 * The part of an ELK instance the layout uses: elkjs's own `ELK` (bundled under Node, or the
 * worker-backed one in the browser) satisfies it.
 */
export interface ElkLike {
  layout(graph: ElkNode, args?: ElkLayoutArguments): Promise<ElkNode>;
}

/** The size of a node on the canvas (`.plan-node` is 240 px wide, about 110 high), with room to spare. */
export const DEFAULT_NODE_SIZE = { width: 280, height: 110 } as const;

/** Space between two nodes of one column, and between two columns: readable on a projector. */
const NODE_GAP = 48;
const LAYER_GAP = 140;
/** Least horizontal space between two lanes, should the post-processing have to separate them. */
const LANE_GAP = LAYER_GAP;

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Lanes as columns: every goal left of every mechanism, every mechanism left of every metric.
  'elk.partitioning.activate': 'true',
  // One graph, not one per connected component: components laid out apart would be packed side by
  // side and their lanes would interleave; a lone metric still lands in the Metrics lane this way.
  'elk.separateConnectedComponents': 'false',
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.spacing.edgeNode': '24',
  'elk.layered.spacing.edgeNodeBetweenLayers': '32',
  'elk.spacing.edgeEdge': '12',
  // The canvas draws its own edges, so ELK's routes are thrown away: polyline is the cheapest to
  // compute and, unlike orthogonal routing, does not widen the gaps between columns.
  'elk.edgeRouting': 'POLYLINE',
  // Stable results: ELK is deterministic for a given graph once the seed is fixed. Model-order
  // crossing minimisation (considerModelOrder) was tried and left out: a 1k-node map took minutes.
  'elk.randomSeed': '1',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

function sizeOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

interface Box {
  readonly id: string;
  readonly lane: 0 | 1 | 2;
  readonly width: number;
  readonly height: number;
}

/**
 * Top-left positions for every node of a map in three lanes, Strategy | Operations | Metrics, left
 * to right, with ELK's layered layout. Links that cannot carry the layout (an end missing, a
 * self-link, one pointing back towards strategy) are left out, and cycles are ELK's to break, so a
 * map with bad links still lays out. Nodes without links get a place in their lane.
 */
export async function layoutLanes(input: LaneLayoutInput, elk: ElkLike): Promise<Map<string, Position>> {
  const boxes = new Map<string, Box>();
  for (const node of input.nodes) {
    if (boxes.has(node.id)) continue;
    boxes.set(node.id, {
      id: node.id,
      lane: LANE_OF_KIND[node.kind],
      width: sizeOr(node.width, DEFAULT_NODE_SIZE.width),
      height: sizeOr(node.height, DEFAULT_NODE_SIZE.height),
    });
  }
  const positions = new Map<string, Position>();
  if (boxes.size === 0) return positions;

  const graph: ElkNode = {
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    children: [
      ...[...boxes.values()].map((box) => ({
        id: box.id,
        width: box.width,
        height: box.height,
        layoutOptions: { 'elk.partitioning.partition': String(2 * box.lane) },
      })),
      ...laneGates(boxes),
    ],
    edges: layoutEdges(input.links, boxes),
  };
  const result = await elk.layout(graph);

  for (const child of result.children ?? []) {
    const box = boxes.get(child.id);
    if (box === undefined || positions.has(child.id)) continue;
    if (!Number.isFinite(child.x) || !Number.isFinite(child.y)) continue;
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  placeMissing(boxes, positions);
  separateLanes(boxes, positions);
  return positions;
}

/**
 * One tiny node between two lanes (partitions 1 and 3; the lanes are 0, 2 and 4). ELK keeps
 * partitions in order by linking every node of one partition to every node of the next: goals ×
 * mechanisms constraint edges, quadratic, several seconds at 300 nodes. Through a gate it is goals
 * + mechanisms. The gate's column also widens the gap between lanes, which reads well.
 */
function laneGates(boxes: ReadonlyMap<string, Box>): ElkNode[] {
  let prefix = '#lane-gate-';
  while ([...boxes.keys()].some((id) => id.startsWith(prefix))) prefix = `#${prefix}`;
  return [1, 3].map((partition) => ({
    id: `${prefix}${partition}`,
    width: 1,
    height: 1,
    layoutOptions: { 'elk.partitioning.partition': String(partition) },
  }));
}

/** The links ELK sees: both ends present, not a self-link, never backwards across lanes, once each. */
function layoutEdges(links: readonly LaneLayoutLink[], boxes: ReadonlyMap<string, Box>): ElkExtendedEdge[] {
  const edges: ElkExtendedEdge[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const source = boxes.get(link.source);
    const target = boxes.get(link.target);
    if (source === undefined || target === undefined || source.id === target.id) continue;
    // Into a goal from below, or out of a metric: forbidden, and it would pull the lanes apart.
    if (target.lane < source.lane || source.lane === 2) continue;
    const key = `${source.id}\u0000${target.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Our own edge ids: a map's link ids may repeat in imported data, and ELK refuses duplicates.
    edges.push({ id: `e${edges.length}`, sources: [source.id], targets: [target.id] });
  }
  return edges;
}

/** A node ELK returned no place for goes below the lowest node of its lane, so none is lost. */
function placeMissing(boxes: ReadonlyMap<string, Box>, positions: Map<string, Position>): void {
  const missing = [...boxes.values()].filter((box) => !positions.has(box.id));
  if (missing.length === 0) return;
  const laneLeft = [Infinity, Infinity, Infinity];
  const laneBottom = [-Infinity, -Infinity, -Infinity];
  let right = 0;
  for (const [id, position] of positions) {
    const box = boxes.get(id) as Box;
    laneLeft[box.lane] = Math.min(laneLeft[box.lane] as number, position.x);
    laneBottom[box.lane] = Math.max(laneBottom[box.lane] as number, position.y + box.height);
    right = Math.max(right, position.x + box.width);
  }
  for (const box of missing) {
    const left = laneLeft[box.lane] as number;
    const bottom = laneBottom[box.lane] as number;
    // A lane with nothing placed yet starts right of everything; separateLanes orders it after.
    const x = Number.isFinite(left) ? left : right + LANE_GAP;
    const y = Number.isFinite(bottom) ? bottom + NODE_GAP : 0;
    positions.set(box.id, { x, y });
    laneLeft[box.lane] = x;
    laneBottom[box.lane] = y + box.height;
  }
}

/**
 * Moves whole lanes right where one would start before the previous one ends. ELK's partitions
 * keep the lanes apart already; this makes it a guarantee rather than a hope.
 */
function separateLanes(boxes: ReadonlyMap<string, Box>, positions: Map<string, Position>): void {
  const left = [Infinity, Infinity, Infinity];
  const right = [-Infinity, -Infinity, -Infinity];
  for (const [id, position] of positions) {
    const box = boxes.get(id) as Box;
    left[box.lane] = Math.min(left[box.lane] as number, position.x);
    right[box.lane] = Math.max(right[box.lane] as number, position.x + box.width);
  }
  const shift = [0, 0, 0];
  let previousRight = -Infinity;
  let offset = 0;
  for (const lane of [0, 1, 2] as const) {
    const laneLeft = left[lane] as number;
    if (!Number.isFinite(laneLeft)) continue;
    if (laneLeft + offset < previousRight + LANE_GAP) offset = previousRight + LANE_GAP - laneLeft;
    shift[lane] = offset;
    previousRight = (right[lane] as number) + offset;
  }
  if (shift.every((s) => s === 0)) return;
  for (const [id, position] of positions) {
    const dx = shift[(boxes.get(id) as Box).lane] as number;
    if (dx !== 0) positions.set(id, { x: position.x + dx, y: position.y });
  }
}
