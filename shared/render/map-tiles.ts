import { type Drawing, type MapSvgInput, prepareDrawing, type Rect, r } from './drawing';
import { drawingSvg, type NodeHints } from './map-svg';
import type { NodeBox } from './node-box';

/** A page's drawing area, in map units (the page's size divided by the scale it is printed at). */
export interface PageSize {
  width: number;
  height: number;
}

export interface MapTile {
  /** Order of the tiles: down the first column, then the next. */
  index: number;
  column: number;
  row: number;
  /** Grid reference: column letter and row number, e.g. "B2". */
  label: string;
  view: Rect;
  /** The nodes this tile holds: each node of the map is in exactly one tile. */
  nodeIds: string[];
  /** Indices of the tiles beside this one, where the map continues. */
  neighbours: { left?: number; right?: number; above?: number; below?: number };
  svg: string;
}

export interface MapTiling {
  /** The whole map, to be scaled to fit one page. */
  overview: string;
  tiles: MapTile[];
  bounds: Rect;
}

export interface TileOptions {
  /** Printed size = map units × scale (CSS px); width and height attributes of the SVGs. */
  scale?: number;
  /** Page number of the first tile, for "continues on page N" hints; tile labels otherwise. */
  firstPage?: number;
  /** How a page is named in a hint, e.g. (4) => "p. 4". */
  pageRef?: (page: number) => string;
  /** Accessible names of the pictures. */
  overviewTitle?: string;
  tileTitle?: (tile: Pick<MapTile, 'label' | 'index'>) => string;
  /** Scale of the overview (its width and height attributes); `scale` when left out. */
  overviewScale?: number;
}

/** Space kept around nodes when choosing where a tile ends: badges and "← p. 12" hints stick out. */
const CUT_MARGIN_X = 60;
const CUT_MARGIN_Y = 18;
/** Room for a hint ("← p. 12", about 40 units) beyond the outermost nodes. */
const HINT_ROOM = 48;
/** A tile is at least this share of a page when the cut is moved to fall between nodes. */
const MIN_FILL = 0.5;
/** Links from one node to more tiles than this are summed up with an ellipsis. */
const MAX_REFS = 3;

/**
 * Splits a map into page-sized tiles. Columns are cut first (between lanes where they fit), then
 * each column into rows, each cut moved up to the last gap between nodes so no node is cut in
 * half unless a page cannot hold it. Each tile is a viewBox over the same drawing, with hints
 * beside nodes whose links continue on another tile. The overview is the whole drawing.
 */
export function mapTiles(input: MapSvgInput, page: PageSize, options: TileOptions = {}): MapTiling {
  return tileDrawing(prepareDrawing(input), page, options);
}

/** mapTiles over a drawing already prepared (the print view sizes the pages from its bounds first). */
export function tileDrawing(drawing: Drawing, page: PageSize, options: TileOptions = {}): MapTiling {
  const scale = options.scale ?? 1;
  const overviewScale = options.overviewScale ?? scale;
  const { bounds } = drawing;
  const overview = drawingSvg(drawing, bounds, {
    width: `${r(bounds.width * overviewScale)}px`,
    height: `${r(bounds.height * overviewScale)}px`,
    ...(options.overviewTitle ? { title: options.overviewTitle } : {}),
  });

  const tiles = cutTiles(drawing, page);
  const tileOf = new Map<string, number>();
  for (const tile of tiles) for (const id of tile.nodeIds) tileOf.set(id, tile.index);
  const ref = (index: number) => {
    const tile = tiles[index] as MapTile;
    if (options.firstPage === undefined) return tile.label;
    const number = options.firstPage + index;
    return options.pageRef ? options.pageRef(number) : `p. ${number}`;
  };
  const hintsOf = hintsAcrossTiles(drawing, tileOf, ref);
  const full = tiles.map((tile) => ({
    ...tile,
    svg: drawingSvg(drawing, tile.view, {
      width: `${r(tile.view.width * scale)}px`,
      height: `${r(tile.view.height * scale)}px`,
      hints: hintsOf(tile.index),
      ...(options.tileTitle ? { title: options.tileTitle(tile) } : {}),
    }),
  }));
  return { overview, tiles: full, bounds };
}

type TileShape = Omit<MapTile, 'svg'>;

function cutTiles(drawing: Drawing, page: PageSize): TileShape[] {
  const { bounds, boxes } = drawing;
  const centreX = (b: NodeBox) => b.x + b.width / 2;
  const centreY = (b: NodeBox) => b.y + b.height / 2;
  const columnStarts = cuts(
    boxes.map((b) => [b.x - CUT_MARGIN_X, b.x + b.width + CUT_MARGIN_X] as const),
    bounds.x,
    bounds.x + bounds.width,
    page.width,
  );
  const tiles: TileShape[] = [];
  const columns: TileShape[][] = [];
  for (const [c, x0] of columnStarts.entries()) {
    const x1 = columnStarts[c + 1] ?? bounds.x + bounds.width;
    const inColumn = boxes.filter(
      (b) => centreX(b) >= x0 && (centreX(b) < x1 || c === columnStarts.length - 1),
    );
    if (inColumn.length === 0) continue;
    // The outer columns widen, as far as the page allows, to show the "← p. 3" hints beyond the
    // outermost nodes.
    const first = c === 0;
    const last = c === columnStarts.length - 1;
    const left = first ? Math.max(x0 - HINT_ROOM, x1 - page.width) : x0;
    const right = last ? Math.min(x1 + HINT_ROOM, left + page.width) : x1;
    const top = Math.max(bounds.y, Math.min(...inColumn.map((b) => b.y)) - 2 * CUT_MARGIN_Y);
    const bottom = Math.min(
      bounds.y + bounds.height,
      Math.max(...inColumn.map((b) => b.y + b.height)) + 2 * CUT_MARGIN_Y,
    );
    const rowStarts = cuts(
      inColumn.map((b) => [b.y - CUT_MARGIN_Y, b.y + b.height + CUT_MARGIN_Y] as const),
      top,
      bottom,
      page.height,
    );
    const column: TileShape[] = [];
    for (const [rowIndex, y0] of rowStarts.entries()) {
      const last = rowIndex === rowStarts.length - 1;
      const y1 = last ? bottom : (rowStarts[rowIndex + 1] as number);
      const nodeIds = inColumn
        .filter((b) => centreY(b) >= y0 && (centreY(b) < y1 || last))
        .map((b) => b.node.id);
      if (nodeIds.length === 0) continue;
      const tile: TileShape = {
        index: tiles.length,
        column: columns.length,
        row: column.length,
        label: `${columnLetter(columns.length)}${column.length + 1}`,
        view: { x: left, y: y0, width: right - left, height: y1 - y0 },
        nodeIds,
        neighbours: {},
      };
      tiles.push(tile);
      column.push(tile);
    }
    columns.push(column);
  }
  linkNeighbours(columns);
  return tiles;
}

/**
 * Where tiles start along one axis: from `from`, each next start at most `size` further, moved
 * back to the start of the blocked span (a node) it would fall in, unless that would leave less
 * than half a page.
 */
export function cuts(
  spans: readonly (readonly [number, number])[],
  from: number,
  to: number,
  size: number,
): number[] {
  const merged = mergeSpans(spans);
  const starts = [from];
  let start = from;
  while (start + size < to) {
    const limit = start + size;
    const blocking = merged.find(([a, b]) => a < limit && limit < b);
    let next = limit;
    if (blocking && blocking[0] >= start + MIN_FILL * size) next = blocking[0];
    starts.push(next);
    start = next;
  }
  return starts;
}

function mergeSpans(spans: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

function linkNeighbours(columns: TileShape[][]): void {
  for (const [c, column] of columns.entries()) {
    for (const [i, tile] of column.entries()) {
      const above = column[i - 1];
      const below = column[i + 1];
      if (above) tile.neighbours.above = above.index;
      if (below) tile.neighbours.below = below.index;
      const left = mostOverlapping(columns[c - 1], tile);
      const right = mostOverlapping(columns[c + 1], tile);
      if (left !== undefined) tile.neighbours.left = left;
      if (right !== undefined) tile.neighbours.right = right;
    }
  }
}

function mostOverlapping(column: TileShape[] | undefined, tile: TileShape): number | undefined {
  let best: number | undefined;
  let bestOverlap = 0;
  for (const other of column ?? []) {
    const overlap =
      Math.min(tile.view.y + tile.view.height, other.view.y + other.view.height) -
      Math.max(tile.view.y, other.view.y);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = other.index;
    }
  }
  return best;
}

/** Per tile, the notes beside nodes whose links lead to or come from another tile. */
function hintsAcrossTiles(
  drawing: Drawing,
  tileOf: ReadonlyMap<string, number>,
  ref: (index: number) => string,
): (tile: number) => Map<string, NodeHints> {
  const out = new Map<string, Set<number>>();
  const into = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, id: string, tile: number) => {
    const set = map.get(id);
    if (set) set.add(tile);
    else map.set(id, new Set([tile]));
  };
  for (const { link } of drawing.links) {
    const from = tileOf.get(link.source);
    const to = tileOf.get(link.target);
    if (from === undefined || to === undefined || from === to) continue;
    add(out, link.source, to);
    add(into, link.target, from);
  }
  const refs = (set: Set<number> | undefined, arrow: string) => {
    if (!set) return [];
    const sorted = [...set].sort((a, b) => a - b);
    const shown = sorted.slice(0, MAX_REFS).map(ref);
    return [`${arrow} ${shown.join(', ')}${sorted.length > MAX_REFS ? ', …' : ''}`];
  };
  return (tile) => {
    const hints = new Map<string, NodeHints>();
    for (const id of new Set([...out.keys(), ...into.keys()])) {
      if (tileOf.get(id) !== tile) continue;
      hints.set(id, { out: refs(out.get(id), '→'), in: refs(into.get(id), '←') });
    }
    return hints;
  };
}

function columnLetter(index: number): string {
  let n = index;
  let label = '';
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}
