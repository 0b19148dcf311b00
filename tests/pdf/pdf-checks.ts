import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * poppler-utils and qpdf over a PDF's bytes (written to a temporary file, removed after): what the
 * PDF tests check a printed plan with. All installed here and in CI (.ci/run).
 */
export interface PdfFacts {
  qpdfCheck: string;
  pages: number;
  /** Page size in points, from pdfinfo. */
  width: number;
  height: number;
  tagged: boolean;
  /** pdftotext -raw, with whitespace removed (titles wrap over lines in the map and in tables). */
  squashedText: string;
  text: string;
  fonts: { name: string; embedded: boolean }[];
  images: number;
  /** Bookmark titles of the document outline. */
  bookmarks: string[];
}

export function pdfFacts(bytes: Uint8Array): PdfFacts {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-pdf-check-'));
  const file = join(dir, 'doc.pdf');
  try {
    writeFileSync(file, bytes);
    const run = (cmd: string, args: string[]) =>
      execFileSync(cmd, [...args], { encoding: 'utf8', maxBuffer: 256e6 });
    const qpdfCheck = run('qpdf', ['--check', file]);
    const info = run('pdfinfo', [file]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    const text = run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
    const fonts = run('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        // name, type (may hold spaces), encoding, then emb sub uni as yes/no, then the object id.
        const flags = /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
        return { name: line.split(/\s+/)[0] ?? '', embedded: flags?.[1] === 'yes' };
      });
    const images = run('pdfimages', ['-list', file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '').length;
    return {
      qpdfCheck,
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
      width: Number(size?.[1] ?? 0),
      height: Number(size?.[2] ?? 0),
      tagged: /Tagged:\s+yes/.test(info),
      squashedText: squash(text),
      text,
      fonts,
      images,
      bookmarks: bookmarks(run('qpdf', ['--json=2', '--json-key=qpdf', file])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const squash = (text: string) => text.replace(/\s+/g, '');

/** The /Title of every outline item in qpdf's JSON dump. */
function bookmarks(json: string): string[] {
  const parsed = JSON.parse(json) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
  const titles: string[] = [];
  for (const object of Object.values(parsed.qpdf[1])) {
    const value = object?.value;
    if (value && typeof value['/Title'] === 'string' && '/Parent' in value) {
      titles.push((value['/Title'] as string).replace(/^u:/, ''));
    }
  }
  return titles;
}

/** Page sizes in points, portrait (A4 595.3 × 841.9, A3 841.9 × 1190.6). */
export const PAPER_POINTS = {
  A4: { width: 595.28, height: 841.89 },
  A3: { width: 841.89, height: 1190.55 },
  Letter: { width: 612, height: 792 },
  Tabloid: { width: 792, height: 1224 },
} as const;
