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

export interface LaneLayoutOptions {
  /**
   * Width ÷ height of the screen area the map is fitted into: a big map is wrapped into side-by-side
   * bands so that its outline is about this shape and "Fit to screen" shows it whole and large.
   */
  readonly aspect?: number;
}

/**
 * The canvas of a 1920 × 1080 screen with the map list and the inspector open (1320 × 1020 px),
 * less the margins Fit to screen keeps (fit-view.ts): 1240 × 830.
 */
export const SCREEN_ASPECT = 1240 / 830;

/** The size of a node on the canvas before it is measured (`.plan-node` is 240 px wide). */
export const DEFAULT_NODE_SIZE = { width: 240, height: 100 } as const;

/**
 * The room a node takes at the projector's reading size (`.canvas--reading .plan-node` in
 * styles/reading-size.css: 370 px wide, at most about 150 px tall with its two-line title). A map small enough
 * to be read from the back of the room is laid out with this much room per node whatever size it
 * was measured at, so turning the reading size on or off never makes two cards overlap.
 */
export const READING_NODE_SIZE = { width: 370, height: 150 } as const;

/** Space between two nodes of one column, one above the other. */
export const NODE_GAP = 20;
/** Space between two columns of one lane. */
export const COLUMN_GAP = 20;
/** Space between two lanes of one band (room for the links' arrows). */
export const LANE_GAP = 56;
/** Space between two bands (lane triples) side by side. */
export const BAND_GAP = 120;
/** How far a sub-goal is indented under its parent, per level, and the deepest indent. */
const INDENT = 12;
const MAX_INDENT_LEVELS = 2;
/**
 * From this many nodes a map is packed for Fit to screen rather than laid out in rows: a lane of a
 * band may take up to three columns, and each lane fills its columns at its own pace.
 */
const MULTI_COLUMN_FROM = 200;
const MAX_COLUMNS = 3;
/** Band heights tried, each this much taller than the one before. */
const HEIGHT_STEP = 1.04;

function sizeOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

interface Box {
  readonly id: string;
  readonly lane: 0 | 1 | 2;
  readonly width: number;
  readonly height: number;
}

/** One goal with what carries and measures it; rows are placed in order, never split. */
type Row = LaidRow;
interface LaidRow {
  readonly goal: Box | null;
  readonly depth: number;
  readonly mechanisms: Box[];
  readonly metrics: Box[];
  /** Height each lane needs for this row's nodes in one column, gaps included. */
  readonly need: [number, number, number];
}

/** A run of rows laid out as one lane triple, with so many columns per lane. */
interface Band {
  readonly start: number;
  readonly end: number;
  readonly columns: [number, number, number];
  /** Whether the band keeps rows (each goal level with its mechanisms and metrics) or packs lanes. */
  readonly rows: boolean;
}

/**
 * Top-left positions for every node of a map in three lanes, Strategy | Operations | Metrics, left
 * to right. Deterministic and linear in the map's size for a given band height (no layout engine):
 *
 * - goals in their hierarchy: each root goal (no goal links to it) in map order, its sub-goals
 *   after it, depth first, slightly indented;
 * - every goal is a row: the mechanisms it links to (and those they link on to) in the Operations
 *   lane, the metrics any of them links to in the Metrics lane; nodes no goal reaches follow in
 *   rows of their own, so none is lost;
 * - runs of rows are bands, each a lane triple, placed side by side; in a band every lane fills its
 *   columns in row order, so a goal's mechanisms and metrics are in its band at about its height;
 *   on a big map a lane with many more nodes than the others in a band gets two or three columns;
 * - the band height is chosen so that the whole map, fitted into an `aspect`:1 screen, is drawn as
 *   large as it can be: a 1,000-node map is a rectangle, not a strip.
 *
 * Links that cannot carry the layout (an end missing, a self-link, one pointing back towards
 * strategy, a goal cycle) are ignored, so a map with bad links still lays out.
 */
export function layoutLanes(input: LaneLayoutInput, options: LaneLayoutOptions = {}): Map<string, Position> {
  const boxes = new Map<string, Box>();
  // A big map is packed for Fit to screen, where no size is read from the back of the room.
  const unique = new Set(input.nodes.map((node) => node.id)).size;
  const least = unique < MULTI_COLUMN_FROM ? READING_NODE_SIZE : { width: 0, height: 0 };
  for (const node of input.nodes) {
    if (boxes.has(node.id)) continue;
    boxes.set(node.id, {
      id: node.id,
      lane: LANE_OF_KIND[node.kind],
      width: Math.max(least.width, sizeOr(node.width, DEFAULT_NODE_SIZE.width)),
      height: Math.max(least.height, sizeOr(node.height, DEFAULT_NODE_SIZE.height)),
    });
  }
  const positions = new Map<string, Position>();
  if (boxes.size === 0) return positions;

  const rows = buildRows(boxes, forwardLinks(input.links, boxes)).map(withNeed);
  const laneWidth = [0, 0, 0];
  for (const box of boxes.values()) laneWidth[box.lane] = Math.max(laneWidth[box.lane] as number, box.width);
  const deepest = Math.min(MAX_INDENT_LEVELS, Math.max(0, ...rows.map((row) => row.depth)));
  laneWidth[0] = (laneWidth[0] as number) + deepest * INDENT;
  const maxColumns = boxes.size >= MULTI_COLUMN_FROM ? MAX_COLUMNS : 1;
  const aspect = options.aspect !== undefined && options.aspect > 0 ? options.aspect : SCREEN_ASPECT;

  // Band heights from the tallest single row up to all rows in one band, in small steps.
  let lowest = 0;
  let highest = 0;
  for (const row of rows) {
    lowest = Math.max(lowest, ...row.need);
    for (let lane = 0; lane < 3; lane++) highest += row.need[lane] as number;
  }
  let best: { bands: Band[]; scale: number } | null = null;
  for (let height = lowest; ; height *= HEIGHT_STEP) {
    const bands = cutBands(rows, Math.min(height, highest), maxColumns);
    const size = outline(rows, bands, laneWidth);
    const scale = Math.min(aspect / size.width, 1 / size.height);
    if (best === null || scale > best.scale) best = { bands, scale };
    if (height >= highest || bands.length === 1) break;
  }
  let left = 0;
  for (const band of (best as { bands: Band[] }).bands) {
    left += placeBand(rows, band, laneWidth, left, positions) + BAND_GAP;
  }
  return positions;
}

/**
 * Cuts the rows into bands no taller than `height` where it can: a band takes rows while each
 * lane's nodes fit into `maxColumns` columns of that height (and always takes one row).
 */
function cutBands(rows: readonly Row[], height: number, maxColumns: number): Band[] {
  const bands: Band[] = [];
  const room = height + NODE_GAP;
  let start = 0;
  let sums = [0, 0, 0];
  const columnsFor = (sum: number) => Math.max(1, Math.ceil(sum / room - 1e-9));
  for (let i = 0; i <= rows.length; i++) {
    const row = rows[i];
    const next = row ? sums.map((sum, lane) => sum + (row.need[lane] as number)) : null;
    if (next === null || (i > start && next.some((sum) => columnsFor(sum) > maxColumns))) {
      if (i > start) {
        const columns = sums.map((sum) => Math.min(maxColumns, columnsFor(sum))) as Band['columns'];
        bands.push({ start, end: i, columns, rows: maxColumns === 1 });
      }
      start = i;
      sums = row ? [...row.need] : [0, 0, 0];
    } else sums = next;
  }
  return bands;
}

/** The size of the whole map laid out in these bands. */
function outline(rows: readonly Row[], bands: readonly Band[], laneWidth: readonly number[]) {
  let width = 0;
  let height = 0;
  for (const band of bands) {
    const size = packBand(rows, band, laneWidth, 0, null);
    width += size.width + BAND_GAP;
    height = Math.max(height, size.height);
  }
  return { width: width - BAND_GAP, height };
}

function placeBand(
  rows: readonly Row[],
  band: Band,
  laneWidth: readonly number[],
  left: number,
  positions: Map<string, Position>,
): number {
  return packBand(rows, band, laneWidth, left, positions).width;
}

/**
 * Lays out one band from `left` (or only measures it, with no `positions`): each lane present in
 * the band gets its columns, and fills them in row order like a masonry wall, each node into the
 * column with the most room left, so every lane runs down the band at the same pace as the rows.
 */
function packBand(
  rows: readonly Row[],
  band: Band,
  laneWidth: readonly number[],
  left: number,
  positions: Map<string, Position> | null,
): { width: number; height: number } {
  const present = [false, false, false];
  for (let i = band.start; i < band.end; i++) {
    const row = rows[i] as Row;
    for (let lane = 0; lane < 3; lane++) if ((row.need[lane] as number) > 0) present[lane] = true;
  }
  // Where each lane's columns start; a lane with no node in this band takes no room.
  const columnX: number[][] = [[], [], []];
  let x = 0;
  for (let lane = 0; lane < 3; lane++) {
    if (!present[lane]) continue;
    const count = band.columns[lane] as number;
    for (let c = 0; c < count; c++) {
      (columnX[lane] as number[]).push(x);
      x += (laneWidth[lane] as number) + (c + 1 < count ? COLUMN_GAP : LANE_GAP);
    }
  }
  const free = columnX.map((xs) => xs.map(() => 0));
  // The top of a lane's free space; a lane absent from the band is no obstacle.
  const highest = (lane: number) =>
    (free[lane] as number[]).length === 0 ? 0 : Math.min(...(free[lane] as number[]));
  let bottom = 0;
  const place = (box: Box, top: number, indent: number) => {
    const lane = free[box.lane] as number[];
    let column = 0;
    for (let c = 1; c < lane.length; c++) if ((lane[c] as number) < (lane[column] as number)) column = c;
    const y = Math.max(lane[column] as number, top);
    positions?.set(box.id, { x: left + ((columnX[box.lane] as number[])[column] as number) + indent, y });
    lane[column] = y + box.height + NODE_GAP;
    bottom = Math.max(bottom, y + box.height);
    return y;
  };
  for (let i = band.start; i < band.end; i++) {
    const row = rows[i] as Row;
    // In rows (a small map): a goal waits for the other lanes, and its mechanisms and metrics
    // start no higher than the goal, so they sit beside it. Packed (a big map): each lane runs on
    // down the band at its own pace, in row order, so they stay in the goal's band at about its height.
    let top = 0;
    if (row.goal) {
      const start = band.rows ? Math.max(highest(0), highest(1), highest(2)) : highest(0);
      top = place(row.goal, start, Math.min(row.depth, MAX_INDENT_LEVELS) * INDENT);
    }
    if (!band.rows) top = 0;
    for (const box of row.mechanisms) place(box, top, 0);
    for (const box of row.metrics) place(box, top, 0);
  }
  return { width: x - LANE_GAP, height: bottom };
}

/** The row with the height each lane needs for it in one column. */
function withNeed(row: Omit<Row, 'need'>): Row {
  const column = (boxes: readonly Box[]) => boxes.reduce((sum, box) => sum + box.height + NODE_GAP, 0);
  return {
    ...row,
    need: [row.goal ? row.goal.height + NODE_GAP : 0, column(row.mechanisms), column(row.metrics)],
  };
}

/** Source → targets of the links that can carry the layout, in map order, each pair once. */
function forwardLinks(links: readonly LaneLayoutLink[], boxes: ReadonlyMap<string, Box>): Map<string, Box[]> {
  const out = new Map<string, Box[]>();
  const seen = new Set<string>();
  for (const link of links) {
    const source = boxes.get(link.source);
    const target = boxes.get(link.target);
    if (source === undefined || target === undefined || source.id === target.id) continue;
    // Into a goal from below, or out of a metric: forbidden, and it says nothing about lanes.
    if (target.lane < source.lane || source.lane === 2) continue;
    const key = `${source.id}\u0000${target.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(source.id);
    if (list) list.push(target);
    else out.set(source.id, [target]);
  }
  return out;
}

/** The rows, goals first in hierarchy order, then whatever no goal reaches. */
function buildRows(boxes: ReadonlyMap<string, Box>, out: ReadonlyMap<string, Box[]>): Omit<Row, 'need'>[] {
  type Row = Omit<LaidRow, 'need'>;
  const targets = (box: Box, lane: 0 | 1 | 2) => (out.get(box.id) ?? []).filter((t) => t.lane === lane);
  const hasGoalParent = new Set<string>();
  for (const [source, list] of out) {
    if (boxes.get(source)?.lane !== 0) continue;
    for (const target of list) if (target.lane === 0) hasGoalParent.add(target.id);
  }
  const goals = [...boxes.values()].filter((box) => box.lane === 0);
  const rows: Row[] = [];
  const placed = new Set<string>();

  // Depth first with an explicit stack (a long chain of sub-goals must not overflow the call stack).
  const visit = (root: Box) => {
    const pending: { box: Box; depth: number }[] = [{ box: root, depth: 0 }];
    while (pending.length > 0) {
      const { box, depth } = pending.pop() as { box: Box; depth: number };
      if (placed.has(box.id)) continue;
      placed.add(box.id);
      rows.push({ goal: box, depth, mechanisms: [], metrics: [] });
      const children = targets(box, 0).filter((child) => !placed.has(child.id));
      for (let i = children.length - 1; i >= 0; i--)
        pending.push({ box: children[i] as Box, depth: depth + 1 });
    }
  };
  for (const goal of goals) if (!hasGoalParent.has(goal.id)) visit(goal);
  // Goals only reachable through a cycle: the first of each cycle in map order becomes a root.
  for (const goal of goals) visit(goal);

  // Each mechanism beside the first goal (in row order) that links to it, then down its chain.
  const claim = (row: Row, box: Box) => {
    placed.add(box.id);
    (box.lane === 1 ? row.mechanisms : row.metrics).push(box);
  };
  const fillRow = (row: Row) => {
    if (row.goal) for (const m of targets(row.goal, 1)) if (!placed.has(m.id)) claim(row, m);
  };
  const followChains = (row: Row) => {
    for (let i = 0; i < row.mechanisms.length; i++) {
      for (const m of targets(row.mechanisms[i] as Box, 1)) if (!placed.has(m.id)) claim(row, m);
    }
  };
  const addMetrics = (row: Row) => {
    const sources = row.goal ? [row.goal, ...row.mechanisms] : row.mechanisms;
    for (const source of sources) for (const k of targets(source, 2)) if (!placed.has(k.id)) claim(row, k);
  };
  for (const row of rows) fillRow(row);
  for (const row of rows) followChains(row);
  for (const row of rows) addMetrics(row);

  // Mechanisms no goal reaches: a row each, with their own chain and metrics.
  for (const box of boxes.values()) {
    if (box.lane !== 1 || placed.has(box.id)) continue;
    const row: Row = { goal: null, depth: 0, mechanisms: [], metrics: [] };
    claim(row, box);
    followChains(row);
    addMetrics(row);
    rows.push(row);
  }
  // Metrics nothing links to: a row each, so a long list of them still wraps into bands.
  for (const box of boxes.values()) {
    if (placed.has(box.id)) continue;
    const row: Row = { goal: null, depth: 0, mechanisms: [], metrics: [] };
    claim(row, box);
    rows.push(row);
  }
  return rows;
}
