import { cardStatuses, cardStatusText } from '../model/card-status';
import type { MechanismFunction, NodeKind } from '../model/kinds';
import type { Language } from '../model/language';
import type { MapLink, MapNode } from '../model/types';
import type { Finding } from '../validation/findings';
import { flagsOfFindings, type NodeFlag } from '../validation/node-flags';
import { validateMap } from '../validation/validate';
import { type LaneHeader, laneHeaders } from './lane-headers';
import { layoutBoxes, type NodeBox, type StatusOf } from './node-box';

/** Words the drawing shows, in the reader's language (the print view passes its translations). */
export interface MapSvgLabels {
  kinds: Readonly<Record<NodeKind, string>>;
  functions: Readonly<Record<MechanismFunction, string>>;
  /** The chip of a mechanism whose function is not set yet. */
  functionUnset: string;
  /** The owner line, e.g. "Owner: COO". */
  owner: (owner: string) => string;
  noOwner: string;
  untitled: string;
  /** The lane headers' words, by the kind of the lane's nodes: Strategy, Operations, Metrics. */
  lanes: Readonly<Record<NodeKind, string>>;
}

export interface MapSvgInput {
  nodes: readonly MapNode[];
  links: readonly MapLink[];
  labels: MapSvgLabels;
  /** The map's findings when the caller has them already; otherwise validateMap runs. */
  findings?: readonly Finding[];
  /**
   * Given, metrics carry their value against the target and goals their roll-up, in status
   * colours, judged on `today` (YYYY-MM-DD) and worded in `language`; left out, no status.
   */
  status?: { today: string; language: Language };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type LinkRoute = 'forward' | 'same-column' | 'backward';

/** A link as drawn: one cubic curve, where its arrow points, and the box it spans. */
export interface LinkShape {
  link: MapLink;
  source: NodeBox;
  target: NodeBox;
  route: LinkRoute;
  /** Path data of the curve. */
  d: string;
  /** The arrow's tip and the direction it points (+1 right, −1 left). */
  tip: { x: number; y: number; direction: 1 | -1 };
  /** The middle of the curve, where a flagged link carries its mark. */
  mid: { x: number; y: number };
  flagged: boolean;
  bounds: Rect;
}

/** Everything drawn, computed once and reused by the overview and every tile. */
export interface Drawing {
  boxes: NodeBox[];
  byId: ReadonlyMap<string, NodeBox>;
  links: LinkShape[];
  flags: ReadonlyMap<string, NodeFlag>;
  labels: MapSvgLabels;
  /** The headers above the lanes, when the map is laid out in lanes. */
  lanes: LaneHeader[];
  /** The whole drawing with a margin: the overview's viewBox. */
  bounds: Rect;
}

/** Room around the drawing, for badges and the curves of links within a column. */
const MARGIN = 22;
/** How far a link between two nodes of one column bulges out to the left. */
const BRACKET_MIN = 30;
const BRACKET_MAX = 80;

/** Lays the map out for drawing: boxes, link curves, badges and the bounds. O(n + links). */
export function prepareDrawing(input: MapSvgInput): Drawing {
  const findings = input.findings ?? validateMap({ nodes: input.nodes, links: input.links });
  const boxes = layoutBoxes(input.nodes, input.labels.untitled, statusFunction(input));
  const byId = new Map<string, NodeBox>();
  for (const box of boxes) if (!byId.has(box.node.id)) byId.set(box.node.id, box);

  const { nodes: flags, links: flaggedLinks } = flagsOfFindings(findings);

  const links: LinkShape[] = [];
  for (const link of input.links) {
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    // A dangling link has nothing to draw between; the findings section names it.
    if (!source || !target) continue;
    links.push(linkShape(link, source, target, flaggedLinks.has(link.id)));
  }

  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const include = (r: Rect) => {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  };
  const lanes = laneHeaders(
    boxes.map((box) => ({ kind: box.node.kind, x: box.x, y: box.y, width: box.width, height: box.height })),
  );
  for (const box of boxes) include(box);
  for (const shape of links) include(shape.bounds);
  for (const header of lanes) include(header);
  const bounds =
    boxes.length === 0
      ? { x: 0, y: 0, width: 400, height: 120 }
      : {
          x: minX - MARGIN,
          y: minY - MARGIN,
          width: maxX - minX + 2 * MARGIN,
          height: maxY - minY + 2 * MARGIN,
        };
  return { boxes, byId, links, flags, labels: input.labels, lanes, bounds };
}

function statusFunction(input: MapSvgInput): StatusOf | undefined {
  const { status } = input;
  if (!status) return undefined;
  const lookup = cardStatuses(input.nodes, input.links, status.today);
  return (node) => {
    const card = lookup(node.id);
    return card ? { ...cardStatusText(card, status.language), status: card.status } : null;
  };
}

/**
 * A smooth curve with horizontal ends. Forward (target to the right): from the source's right
 * side to the target's left side. Within one column (sub-goals, enabling mechanisms): a bracket
 * on the left, from left side to left side, so it never runs under the nodes and every arrow
 * still arrives on a left side while the right sides keep the links to the next lane. Backward
 * (a forbidden link pointing back up the lanes): from the source's left side to the target's right.
 */
function linkShape(link: MapLink, source: NodeBox, target: NodeBox, flagged: boolean): LinkShape {
  const sy = source.y + source.height / 2;
  const ty = target.y + target.height / 2;
  const sourceRight = source.x + source.width;
  const targetRight = target.x + target.width;
  let route: LinkRoute;
  let sx: number;
  let tx: number;
  let c1: number;
  let c2: number;
  let direction: 1 | -1;
  if (target.x >= sourceRight + 12) {
    route = 'forward';
    sx = sourceRight;
    tx = target.x;
    const bend = Math.max(30, (tx - sx) / 2);
    c1 = sx + bend;
    c2 = tx - bend;
    direction = 1;
  } else if (targetRight > source.x && target.x < sourceRight) {
    route = 'same-column';
    sx = source.x;
    tx = target.x;
    const bulge = Math.min(BRACKET_MAX, Math.max(BRACKET_MIN, Math.abs(ty - sy) / 4));
    c1 = Math.min(sx, tx) - bulge;
    c2 = c1;
    direction = 1;
  } else {
    route = 'backward';
    sx = source.x;
    tx = targetRight;
    const bend = Math.max(30, (sx - tx) / 2);
    c1 = sx - bend;
    c2 = tx + bend;
    direction = -1;
  }
  // The curve stops at the arrow's base, so the line does not poke through the arrowhead.
  const end = tx + (direction === 1 ? -ARROW_LENGTH : ARROW_LENGTH);
  const d = `M${r(sx)} ${r(sy)}C${r(c1)} ${r(sy)} ${r(c2)} ${r(ty)} ${r(end)} ${r(ty)}`;
  const xs = [sx, c1, c2, tx];
  const left = Math.min(...xs);
  const top = Math.min(sy, ty) - ARROW_LENGTH;
  return {
    link,
    source,
    target,
    route,
    d,
    tip: { x: tx, y: ty, direction },
    // A cubic Bézier's point at t = 1/2: (P0 + 3·P1 + 3·P2 + P3) / 8.
    mid: { x: (sx + 3 * c1 + 3 * c2 + end) / 8, y: (sy + ty) / 2 },
    flagged,
    bounds: { x: left, y: top, width: Math.max(...xs) - left, height: Math.abs(ty - sy) + 2 * ARROW_LENGTH },
  };
}

export const ARROW_LENGTH = 9;

/** Coordinates with at most one decimal: smaller files, same drawing. */
export function r(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
