import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { slidesPptx } from '../../electron/backend/services/slides/slides-pptx';
import { serializeInterchange } from '../../shared/interchange';
import { LANGUAGES } from '../../shared/model/language';
import { deckPlan } from '../../shared/slides/deck-plan';
import { generateLayeredMap } from '../bench/generate-map';
import { runCli } from '../cli/run-cli';
import { boardMap, TODAY } from './board-map';
import { characters, checkSlide, deckToPdf, elementText, pdfWords } from './reader';

const dir = process.env.KEEP_DECKS ?? mkdtempSync(join(tmpdir(), 'throughline-pptx-reader-'));
afterAll(() => {
  if (!process.env.KEEP_DECKS) rmSync(dir, { recursive: true, force: true });
});

/**
 * The deck as a reader without PowerPoint sees it: LibreOffice Impress (Debian's
 * libreoffice-impress, installed by .ci/run) converts it to PDF, and poppler reads the PDF's words
 * and where they are. Each slide must show all its words, and each word must sit inside the
 * shape that holds it: no title, value or finding runs out of its shape, in either language.
 */
describe('the slides in LibreOffice Impress', () => {
  for (const language of LANGUAGES) {
    it(`shows every slide's text inside its shapes (${language})`, { timeout: 180_000 }, () => {
      const map = boardMap(language);
      const plan = deckPlan(map, language, TODAY);
      const pptx = join(dir, `deck-${language}.pptx`);
      return slidesPptx(map, language, TODAY).then((bytes) => {
        writeFileSync(pptx, bytes);
        const pages = pdfWords(deckToPdf(pptx, dir));
        expect(pages.length).toBe(plan.slides.length);
        const kinds = plan.slides.map((s) => s.kind);
        expect(kinds[0]).toBe('title');
        expect(kinds).toContain('overview');
        expect(kinds.filter((k) => k === 'goal').length).toBeGreaterThanOrEqual(3);
        expect(kinds).toContain('metrics');
        expect(kinds[kinds.length - 1]).toBe('findings');
        for (const [i, slide] of plan.slides.entries()) {
          const words = pages[i] ?? [];
          const all = characters(words.map((w) => w.text).join(''));
          const expected = characters(slide.elements.map((e) => elementText(e) ?? '').join(''));
          expect(all, `slide ${i + 1} (${slide.title}) shows its text`).toBe(expected);
          const check = checkSlide(slide, words);
          expect(check.stray, `slide ${i + 1} (${slide.title}): words outside their shapes`).toEqual([]);
          expect(check.mismatched, `slide ${i + 1} (${slide.title}): shapes holding other text`).toEqual([]);
        }
      });
    });
  }

  it('keeps a 200-node map legible: long paths and tables split over slides, every word in its shape', {
    timeout: 180_000,
  }, async () => {
    const map = { name: 'Generated 200', ...generateLayeredMap(200, 42) };
    const plan = deckPlan(map, 'en', TODAY);
    const pptx = join(dir, 'deck-200.pptx');
    writeFileSync(pptx, await slidesPptx(map, 'en', TODAY));
    const pages = pdfWords(deckToPdf(pptx, dir));
    expect(pages.length).toBe(plan.slides.length);
    for (const [i, slide] of plan.slides.entries()) {
      const check = checkSlide(slide, pages[i] ?? []);
      expect(check.stray, `slide ${i + 1} (${slide.title}): words outside their shapes`).toEqual([]);
      expect(check.mismatched, `slide ${i + 1} (${slide.title}): shapes holding other text`).toEqual([]);
    }
  });

  it('is what `throughline export --format pptx` writes, in Chinese with --lang zh-CN', {
    timeout: 120_000,
  }, async () => {
    const map = boardMap('zh-CN');
    const file = join(dir, '双十一.json');
    writeFileSync(file, serializeInterchange(map.name, map));
    const out = join(dir, 'board.pptx');
    const result = await runCli(['export', file, '--format', 'pptx', '--lang', 'zh-CN', '--out', out], {
      THROUGHLINE_USER_DATA: join(dir, 'user-data'),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`已将“${map.name}”导出到 ${out}`);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', deckToPdf(out, dir), '-'], { encoding: 'utf8' });
    const squashed = text.replace(/\s+/g, '');
    expect(squashed).toContain(map.name.replace(/\s+/g, ''));
    expect(squashed).toContain('检查结果');
    expect(squashed).toContain('全景图');
  });
});
