import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Box, SlidePlan } from '../../shared/slides/deck-types';

/** A word as poppler's `pdftotext -bbox` places it on a page, in points from the top left. */
export interface PdfWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Converts a deck to PDF with LibreOffice Impress in headless mode, as a reader without PowerPoint
 * opens it, with a profile of its own in `dir` (so it never meets another soffice). Returns the PDF's path.
 */
export function deckToPdf(pptx: string, dir: string): string {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
  } catch {
    throw new Error(
      "No LibreOffice here: install Debian's libreoffice-impress (.ci/run does) to read the decks.",
    );
  }
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      pptx,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return join(dir, `${pptx.replace(/^.*\//, '').replace(/\.pptx$/, '')}.pdf`);
}

/** Every page's words with their boxes (pdftotext -bbox), in page order. */
export function pdfWords(pdf: string): PdfWord[][] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 256e6,
  });
  const pages: PdfWord[][] = [];
  for (const page of html.split('<page ').slice(1)) {
    const words: PdfWord[] = [];
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      words.push({
        text: unescapeXml(m[5] as string),
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
      });
    }
    pages.push(words);
  }
  return pages;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text a slide element carries, or null for a line. */
export function elementText(element: SlidePlan['elements'][number]): string | null {
  if (element.type === 'line') return null;
  if (element.type === 'table') return element.rows.flatMap((row) => row.map((cell) => cell.text)).join(' ');
  return element.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ');
}

/** Characters of a text as a sorted list, whitespace left out: what a reader drew, in any order. */
export function characters(text: string): string {
  return [...text.replace(/\s+/g, '')].sort().join('');
}

/**
 * Whether a word lies inside a box. poppler boxes a word by its font's whole height (ascent and
 * descent, up to 1.45 em in Noto Sans CJK), taller than the line the shape lays it out on, so a
 * word may stick out by a few points (`slack`, and 15 % of its height) while its line is inside;
 * a line that ran out of its shape is out by a whole line.
 */
const inside = (word: PdfWord, box: Box, fixed: number) => {
  const slack = Math.max(fixed, 0.15 * (word.y1 - word.y0));
  return (
    word.x0 >= box.x - slack &&
    word.x1 <= box.x + box.w + slack &&
    word.y0 >= box.y - slack &&
    word.y1 <= box.y + box.h + slack
  );
};

export interface SlideCheck {
  /** Words drawn outside every shape that holds text. */
  stray: PdfWord[];
  /** Shapes whose words, inside them, are not exactly their text. */
  mismatched: { text: string; drawn: string }[];
}

/**
 * Whether every word of a page lies wholly inside a shape of its slide and each shape holds exactly
 * its own characters: each word goes to the smallest shape around its centre, and must lie inside
 * it (within `slack` points). A text that ran out of its shape (below, or past its right side) has
 * words outside it, which then belong to no shape or to the wrong one.
 */
export function checkSlide(slide: SlidePlan, words: readonly PdfWord[], slack = 1.5): SlideCheck {
  const shapes = slide.elements
    .map((element) => ({ element, text: elementText(element) }))
    .filter(
      (s): s is { element: Exclude<SlidePlan['elements'][number], { type: 'line' }>; text: string } =>
        s.text !== null && s.text.trim() !== '',
    );
  const drawn = new Map<number, string[]>();
  const stray: PdfWord[] = [];
  for (const word of words) {
    const cx = (word.x0 + word.x1) / 2;
    const cy = (word.y0 + word.y1) / 2;
    let best = -1;
    let area = Number.POSITIVE_INFINITY;
    for (const [i, { element }] of shapes.entries()) {
      const b = element.box;
      if (cx < b.x || cx > b.x + b.w || cy < b.y || cy > b.y + b.h) continue;
      if (b.w * b.h < area) {
        area = b.w * b.h;
        best = i;
      }
    }
    const shape = shapes[best];
    if (!shape || !inside(word, shape.element.box, slack)) {
      stray.push(word);
      continue;
    }
    drawn.set(best, [...(drawn.get(best) ?? []), word.text]);
  }
  const mismatched: SlideCheck['mismatched'] = [];
  for (const [i, { text }] of shapes.entries()) {
    const got = (drawn.get(i) ?? []).join('');
    if (characters(got) !== characters(text)) mismatched.push({ text, drawn: got });
  }
  return { stray, mismatched };
}
