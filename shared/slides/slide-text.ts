import { textWidth, wrapText } from '../render/text-measure';

/**
 * The slide's page and how text is sized on it, in points (1/72 inch). A 16:9 slide of 13.333 ×
 * 7.5 inches, PowerPoint's "Widescreen".
 */
export const SLIDE = { width: 960, height: 540 } as const;

/**
 * Height of one line as a share of the font size. Noto Sans CJK, the Chinese font LibreOffice uses,
 * has the tallest lines of the fonts a deck meets (about 1.45 em); a box sized for it holds the
 * same text in Arial, Calibri, Microsoft YaHei or PingFang.
 */
export const LINE_HEIGHT = 1.5;

/** Slack kept at a line's right edge: glyph widths are estimates (text-measure.ts). */
const WRAP_SLACK = 0.97;

/** Height of `lines` lines of text at `size` points. */
export function linesHeight(lines: number, size: number): number {
  return lines * size * LINE_HEIGHT;
}

/** The lines a text wraps into in a box `width` points wide, as text-measure.ts breaks them. */
export function slideLines(text: string, width: number, size: number, bold = false): string[] {
  const lines = wrapText(text, width * WRAP_SLACK, size, bold);
  return lines.length === 0 ? [''] : lines;
}

/** Width of a text on one line, in points. */
export function slideTextWidth(text: string, size: number, bold = false): number {
  return textWidth(text, size, bold) / WRAP_SLACK;
}

export interface FittedText {
  size: number;
  lines: string[];
  /** False when even the smallest size did not fit: `lines` were cut and end with an ellipsis. */
  whole: boolean;
}

/**
 * The largest size from `max` down to `min` (in half points) at which a text, wrapped to `width`,
 * fits `height`. When none does, the text is set at `min` and cut to the lines that fit, the last
 * ending in "…": a title never runs out of its shape. With 300 characters at most (LIMITS.title)
 * and the sizes the deck gives its shapes, the cut does not happen in practice.
 */
export function fitText(
  text: string,
  width: number,
  height: number,
  max: number,
  min: number,
  bold = false,
): FittedText {
  for (let size = max; size >= min; size -= 0.5) {
    const lines = slideLines(text, width, size, bold);
    if (linesHeight(lines.length, size) <= height) return { size, lines, whole: true };
  }
  const lines = slideLines(text, width, min, bold);
  const room = Math.max(1, Math.floor(height / (min * LINE_HEIGHT)));
  const kept = lines.slice(0, room);
  let last = kept[kept.length - 1] ?? '';
  while (last !== '' && slideTextWidth(`${last}…`, min, bold) > width) last = [...last].slice(0, -1).join('');
  kept[kept.length - 1] = `${last}…`;
  return { size: min, lines: kept, whole: false };
}
