import type { CardStatus, CardStatusText } from '../model/card-status';
import type { MapNode } from '../model/types';
import { wrapText } from './text-measure';

/** Sizes of a printed node, in map units (one unit is one CSS pixel on the canvas at 100 %). */
export const BOX = {
  width: 240,
  minHeight: 88,
  padX: 14,
  padTop: 11,
  padBottom: 11,
  kindFont: 10.5,
  kindLine: 14,
  gap: 5,
  titleFont: 16,
  titleLine: 20.5,
  ownerFont: 12,
  ownerLine: 15,
  /** The status chip of a metric (value against target) or a goal (roll-up), above the owner. */
  statusFont: 11.5,
  statusLine: 24,
  /** Vertical space kept between two nodes that would otherwise overlap. */
  spacing: 16,
} as const;

/** Slack kept at the right edge: glyph widths are estimates. */
const WRAP_SLACK = 2;

/** A node as drawn: where, how big, and its title already split into lines. */
export interface NodeBox {
  node: MapNode;
  x: number;
  y: number;
  width: number;
  height: number;
  titleLines: string[];
  /** The status chip's words and status, or null (mechanisms, goals reaching no metric, no date given). */
  status: (CardStatusText & { status: CardStatus['status'] }) | null;
}

/** A node's status chip, if it has one (see cardStatuses); the drawing asks for each node once. */
export type StatusOf = (node: MapNode) => NodeBox['status'];

/** The title lines of a node; an empty title shows the placeholder, never nothing. */
export function titleLines(node: MapNode, untitled: string): string[] {
  const title = node.title.trim() === '' ? untitled : node.title;
  return wrapText(title, BOX.width - 2 * BOX.padX - WRAP_SLACK, BOX.titleFont, true);
}

/** Height that shows every line of the title: the box grows rather than cut a title. */
export function boxHeight(lines: number, withStatus = false): number {
  const content =
    BOX.padTop +
    BOX.kindLine +
    BOX.gap +
    lines * BOX.titleLine +
    BOX.gap +
    (withStatus ? BOX.statusLine : 0) +
    BOX.ownerLine +
    BOX.padBottom;
  return Math.max(BOX.minHeight, Math.ceil(content));
}

/**
 * Boxes at the stored positions. A box that grew with a long title, or nodes left on top of each
 * other (a map made without positions), would overlap: the lower box moves down just enough to
 * clear it, which may push the next one down in turn. Sweep by y, O(n · boxes in reach).
 */
export function layoutBoxes(
  nodes: readonly MapNode[],
  untitled: string,
  statusOf: StatusOf = () => null,
): NodeBox[] {
  const boxes = nodes.map((node) => {
    const lines = titleLines(node, untitled);
    const status = statusOf(node);
    return {
      node,
      x: node.position.x,
      y: node.position.y,
      width: BOX.width,
      height: boxHeight(lines.length, status !== null),
      titleLines: lines,
      status,
    };
  });
  const order = boxes
    .map((_, i) => i)
    .sort((a, b) => {
      const A = boxes[a] as NodeBox;
      const B = boxes[b] as NodeBox;
      return A.y - B.y || A.x - B.x || a - b;
    });
  // Boxes already placed whose bottom may still reach a box further down.
  let active: NodeBox[] = [];
  for (const index of order) {
    const box = boxes[index] as NodeBox;
    let top = box.y;
    // Repeat until no placed box overlaps: moving down can meet another one.
    for (let moved = true; moved; ) {
      moved = false;
      for (const other of active) {
        const overlapsX = other.x < box.x + box.width && box.x < other.x + other.width;
        const bottom = other.y + other.height + BOX.spacing;
        if (overlapsX && other.y <= top && bottom > top) {
          top = bottom;
          moved = true;
        }
      }
    }
    // Later boxes start at or below this one's stored y, so nothing above that can reach them.
    const from = box.y;
    box.y = top;
    active = active.filter((other) => other.y + other.height + BOX.spacing > from);
    active.push(box);
  }
  return boxes;
}
