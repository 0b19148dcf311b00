/**
 * Text widths without a DOM: each glyph's advance estimated from its character class, in ems.
 * CJK ideographs, kana, Hangul and full-width forms are 1 em; Latin letters average about
 * 0.55–0.6 em. The figures are those of DejaVu Sans, the widest Latin font of the print stack
 * (measured in Chromium), so wrapped lines fit the box in every font of the stack.
 */

/** Whether a code point is drawn full width (one em) in CJK fonts. */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const NARROW = new Set([..."iljI.,;:!|'`ı"]);
const SEMI_NARROW = new Set([...'frt()[]{}"-/\\*']);
const WIDE_LATIN = new Set([...'mwMW@%&']);

/** Estimated advance of one character, in ems of a regular weight. */
export function glyphWidthEm(char: string): number {
  const cp = char.codePointAt(0) ?? 0;
  if (isWide(cp)) return 1;
  if (char === ' ') return 0.32;
  if (NARROW.has(char)) return 0.32;
  if (SEMI_NARROW.has(char)) return 0.44;
  if (WIDE_LATIN.has(char)) return 0.92;
  if (char >= 'A' && char <= 'Z') return 0.68;
  if (char >= '0' && char <= '9') return 0.64;
  return 0.57;
}

/** Bold Latin is about 13 % wider in DejaVu Sans; CJK stays one em. */
const BOLD_FACTOR = 1.13;

/** Estimated width of a string in pixels (or map units) at a font size. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const char of text) {
    const em = glyphWidthEm(char);
    ems += bold && em < 1 ? em * BOLD_FACTOR : em;
  }
  return ems * fontSize;
}

/** Punctuation that must not start a line (Chinese line-breaking rules, kinsoku). */
const NO_LINE_START = new Set([...'，。、；：！？）》」』】〕〉”’…·,.;:!?)]}%']);

/**
 * Splits text into lines no wider than `maxWidth`: breaks at spaces for Latin words and between
 * any two ideographs for CJK, never before closing punctuation. A word wider than a line is split
 * between characters. Nothing is ever dropped: joining the lines gives back the words.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const units = breakUnits(text.replace(/\s+/g, ' ').trim());
  const lines: string[] = [];
  let line = '';
  const push = () => {
    const trimmed = line.trimEnd();
    if (trimmed !== '') lines.push(trimmed);
    line = '';
  };
  for (const unit of units) {
    const candidate = line + unit;
    if (textWidth(candidate.trimEnd(), fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line.trim() !== '') push();
    const word = unit.trimStart();
    if (textWidth(word.trimEnd(), fontSize, bold) <= maxWidth) {
      line = word;
      continue;
    }
    // A single word longer than the line: split it by characters.
    for (const char of word) {
      if (line !== '' && textWidth(line + char, fontSize, bold) > maxWidth) push();
      line += char;
    }
  }
  push();
  return lines;
}

/**
 * Units between which a line may break: a Latin word with its trailing spaces, or one ideograph
 * with any closing punctuation that follows it.
 */
function breakUnits(text: string): string[] {
  const units: string[] = [];
  let current = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (NO_LINE_START.has(char) || (char === ' ' && current !== '')) {
      current += char;
      continue;
    }
    const wide = isWide(cp);
    const endsWithSpace = current.endsWith(' ');
    const last = [...current].pop();
    const lastWide = last !== undefined && isWide(last.codePointAt(0) ?? 0);
    if (current !== '' && (wide || endsWithSpace || lastWide)) {
      units.push(current);
      current = '';
    }
    current += char;
  }
  if (current !== '') units.push(current);
  return units;
}
