/**
 * A deck as plain data: what each slide holds and where, in points (SLIDE is 960 × 540). The
 * backend writes it as PowerPoint shapes; tests compare it with what a reader drew.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextRun {
  text: string;
  colour: string;
  bold?: boolean;
}

/** One paragraph: runs of one size. */
export interface Paragraph {
  runs: TextRun[];
  size: number;
  /** Space above the paragraph, in points. */
  spaceBefore?: number;
}

/** A shape with editable text in it (a node card, a chip, a heading, a block of lines). */
export interface TextShape {
  type: 'text';
  box: Box;
  paragraphs: Paragraph[];
  /** Inner margin on every side, in points; `bottom` overrides it below (room kept for a chip). */
  margin: number;
  marginBottom?: number;
  shape: 'rect' | 'roundRect';
  fill?: string;
  border?: { colour: string; dash: boolean; width: number };
  align: 'left' | 'center';
  valign: 'top' | 'middle' | 'bottom';
  /** The node this shape draws, if any. */
  nodeId?: string;
  /** The node whose card this chip sits on: the deck groups them, so they move together. */
  chipOf?: string;
}

/** A straight line, an arrow at its end when `arrow`. */
export interface LineShape {
  type: 'line';
  from: { x: number; y: number };
  to: { x: number; y: number };
  colour: string;
  arrow: boolean;
  dash: boolean;
  /**
   * The link this line draws, from a side of its source's shape to a side of its target's: the deck
   * writes it as a connector glued to both, so it follows a card that is moved. Left out for the
   * segments of a bracket.
   */
  link?: { source: string; target: string; from: 'left' | 'right'; to: 'left' | 'right' };
}

export interface TableCell {
  text: string;
  colour: string;
  fill?: string;
  bold?: boolean;
  align?: 'left' | 'right';
}

export interface TableShape {
  type: 'table';
  box: Box;
  /** Widths of the columns, summing to box.w. */
  columns: number[];
  rows: TableCell[][];
  /** Height of each row, summing to box.h. */
  rowHeights: number[];
  size: number;
  /** Inner margin of a cell, in points. */
  margin: number;
}

export type SlideElement = TextShape | LineShape | TableShape;

export type SlideKind = 'title' | 'overview' | 'goal' | 'metrics' | 'findings';

export interface SlidePlan {
  kind: SlideKind;
  /** The slide's heading as shown. */
  title: string;
  /** Lines first, so shapes are drawn over them. */
  elements: SlideElement[];
}

export interface DeckPlan {
  title: string;
  slides: SlidePlan[];
}
