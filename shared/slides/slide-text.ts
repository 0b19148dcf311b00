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

/**
 * Symbols the status chips and findings use (▲ ★ ✓ ✕ ◷ · – …): CJK fonts draw them a full em wide,
 * where text-measure.ts counts them as Latin letters.
 */
const SYMBOL = /[\u00b7\u2013\u2014\u2026\u2190-\u21ff\u2500-\u27bf]/u;
const WIDE_CHAR =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u;

/**
 * Width of a text as a slide reader sets it: text-measure.ts's estimate, with the symbols a CJK
 * font draws wide at a full em, and a quarter em wherever Chinese meets a Latin letter or digit
 * (LibreOffice and PowerPoint space them apart, "2027 年").
 */
function readerWidth(text: string, size: number, bold: boolean): number {
  let extra = 0;
  let previous: 'wide' | 'latin' | 'space' = 'space';
  for (const char of text) {
    if (SYMBOL.test(char)) extra += Math.max(0, 1 - textWidth(char, 1, bold));
    const now = char === ' ' ? 'space' : WIDE_CHAR.test(char) ? 'wide' : 'latin';
    if ((now === 'wide' && previous === 'latin') || (now === 'latin' && previous === 'wide')) extra += 0.25;
    previous = now;
  }
  return textWidth(text, size, bold) + extra * size;
}

/** Height of `lines` lines of text at `size` points. */
export function linesHeight(lines: number, size: number): number {
  return lines * size * LINE_HEIGHT;
}

/**
 * The lines a text wraps into in a box `width` points wide, as text-measure.ts breaks them, the
 * line narrowed by how much wider the reader sets this text than text-measure.ts estimates.
 */
export function slideLines(text: string, width: number, size: number, bold = false): string[] {
  const estimate = textWidth(text, size, bold);
  const widen = estimate === 0 ? 1 : readerWidth(text, size, bold) / estimate;
  const lines = wrapText(text, (width * WRAP_SLACK) / widen, size, bold);
  return lines.length === 0 ? [''] : lines;
}

/** Width of a text on one line, in points, as a reader sets it. */
export function slideTextWidth(text: string, size: number, bold = false): number {
  return readerWidth(text, size, bold) / WRAP_SLACK;
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
