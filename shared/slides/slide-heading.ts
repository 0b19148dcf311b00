import type { TextShape } from './deck-types';
import { fitText, LINE_HEIGHT, SLIDE } from './slide-text';

/** Margins of every slide and the heading's band, in points. */
export const FRAME = {
  side: 36,
  top: 20,
  headingHeight: 56,
  /** Where a slide's content starts, below its heading. */
  contentTop: 80,
  bottom: 516,
} as const;

export const INK = '#1f2937';
export const MUTED = '#4b5563';

/**
 * A slide's heading: shrinking from 26 to 11 points until it fits its band (three lines at the
 * smallest, which hold a title of 300 characters, LIMITS.title), so a goal title of any length is
 * shown whole on its slide.
 */
export function slideHeading(text: string): TextShape {
  const width = SLIDE.width - 2 * FRAME.side;
  const fitted = fitText(text, width - 4, FRAME.headingHeight - 4, 26, 11, true);
  return {
    type: 'text',
    box: { x: FRAME.side, y: FRAME.top, w: width, h: FRAME.headingHeight },
    paragraphs: [
      {
        runs: [{ text: fitted.whole ? text : fitted.lines.join(' '), colour: INK, bold: true }],
        size: fitted.size,
      },
    ],
    margin: 2,
    shape: 'rect',
    align: 'left',
    valign: 'middle',
  };
}

/** A block of plain text at (x, y), `w` wide, as tall as its lines. */
export function textBlock(
  paragraphs: TextShape['paragraphs'],
  x: number,
  y: number,
  w: number,
  lineCount: (paragraph: TextShape['paragraphs'][number]) => number,
): TextShape {
  const height = paragraphs.reduce(
    (sum, p) => sum + (p.spaceBefore ?? 0) + lineCount(p) * p.size * LINE_HEIGHT,
    0,
  );
  return {
    type: 'text',
    box: { x, y, w, h: Math.ceil(height) + 4 },
    paragraphs,
    margin: 2,
    shape: 'rect',
    align: 'left',
    valign: 'top',
  };
}
