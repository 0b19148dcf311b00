import { describe, expect, it } from 'vitest';
import {
  formatPrintDate,
  HEADER_FOOTER_MIN_MM,
  PAPERS,
  PdfChoicesSchema,
  parsePrintViewQuery,
  pdfEngineOptions,
  printViewQuery,
} from '../../shared/print';

const choices = (input: Parameters<typeof PdfChoicesSchema.parse>[0] = {}) => PdfChoicesSchema.parse(input);

describe('pdfEngineOptions', () => {
  it('gives both engines the same paper, orientation and margins, in their own units', () => {
    const options = pdfEngineOptions(
      choices({ paper: 'A3', orientation: 'landscape', marginMm: 20 }),
      'Plan',
    );
    expect(options.electron).toMatchObject({
      pageSize: 'A3',
      landscape: true,
      printBackground: true,
      displayHeaderFooter: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    expect(options.playwright).toMatchObject({
      format: 'A3',
      landscape: true,
      printBackground: true,
      displayHeaderFooter: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    });
    // 20 mm is 0.7874 in.
    expect(options.electron.margins.left).toBeCloseTo(20 / 25.4, 4);
    expect(options.playwright.margin).toEqual({ top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' });
    expect(options.pageCss).toBe('@page { size: 420mm 297mm; margin: 20mm 20mm 20mm 20mm; }');
    expect(options.electron.headerTemplate).toBe(options.playwright.headerTemplate);
    expect(options.electron.footerTemplate).toBe(options.playwright.footerTemplate);
  });

  it('keeps room for the header and footer in narrow margins', () => {
    const options = pdfEngineOptions(choices({ marginMm: 8 }), 'Plan');
    expect(options.marginsMm).toEqual({
      top: HEADER_FOOTER_MIN_MM,
      bottom: HEADER_FOOTER_MIN_MM,
      left: 8,
      right: 8,
    });
    expect(options.playwright.margin.top).toBe(`${HEADER_FOOTER_MIN_MM}mm`);
    expect(options.electron.margins.top).toBeCloseTo(HEADER_FOOTER_MIN_MM / 25.4, 4);
  });

  it('sizes every paper in portrait and landscape, landscape wider than tall', () => {
    for (const paper of PAPERS) {
      const portrait = pdfEngineOptions(choices({ paper }), 'Plan');
      const landscape = pdfEngineOptions(choices({ paper, orientation: 'landscape' }), 'Plan');
      expect(portrait.contentPx.height).toBeGreaterThan(portrait.contentPx.width);
      expect(landscape.contentPx.width).toBeGreaterThan(landscape.contentPx.height);
      expect(portrait.electron.pageSize).toBe(paper);
      expect(landscape.playwright.format).toBe(paper);
    }
    // Letter is 8.5 × 11 in; the CSS page names it in millimetres (CSS has no "tabloid" keyword).
    expect(pdfEngineOptions(choices({ paper: 'Letter' }), 'P').pageCss).toContain('size: 215.9mm 279.4mm');
    expect(pdfEngineOptions(choices({ paper: 'Tabloid' }), 'P').pageCss).toContain('size: 279.4mm 431.8mm');
  });

  it('puts title, subtitle, date, footer and page X of Y in the header and footer, with inline sizes', () => {
    const options = pdfEngineOptions(
      choices({ title: 'Board pack', subtitle: 'Q3', date: '2026-05-12', footer: 'Confidential' }),
      'Map name',
    );
    const { headerTemplate, footerTemplate } = options.playwright;
    expect(headerTemplate).toContain('Board pack · Q3');
    expect(headerTemplate).toContain('12 May 2026');
    expect(headerTemplate).toContain('font-size:9px');
    expect(footerTemplate).toContain('Confidential');
    expect(footerTemplate).toContain(
      'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    );
    expect(footerTemplate).toContain('font-size:9px');
    // Without a title the map's name heads the pages.
    expect(pdfEngineOptions(choices(), 'Map name').playwright.headerTemplate).toContain('Map name');
  });

  it('writes the page numbers and date in Chinese for a Chinese document', () => {
    const options = pdfEngineOptions(
      choices({ language: 'zh-CN', date: '2026-05-12', footer: '内部资料' }),
      '计划',
    );
    expect(options.playwright.footerTemplate).toContain(
      '第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页',
    );
    expect(options.playwright.headerTemplate).toContain('2026年5月12日');
    expect(options.playwright.footerTemplate).toContain('内部资料');
  });

  it('escapes user text, so it can never become markup or a page-number field', () => {
    const options = pdfEngineOptions(
      choices({ title: '<span class="pageNumber"></span>', footer: '<img src=x onerror=alert(1)> & "q"' }),
      'Plan',
    );
    const { headerTemplate, footerTemplate } = options.electron;
    expect(headerTemplate).toContain('&lt;span class=&quot;pageNumber&quot;&gt;');
    expect(headerTemplate.match(/class="pageNumber"/g)).toBeNull();
    expect(footerTemplate).not.toContain('<img');
    expect(footerTemplate).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;');
    expect(footerTemplate.match(/class="pageNumber"/g)?.length).toBe(1);
  });
});

describe('print view address', () => {
  it('round-trips the map id and every choice', () => {
    const original = choices({
      paper: 'Tabloid',
      orientation: 'landscape',
      marginMm: 8,
      sections: ['map', 'findings'],
      title: 'Plan & more ?=#',
      subtitle: '子标题',
      date: '2026-01-31',
      footer: 'Confidential',
      language: 'zh-CN',
      changesSince: 'v_offsite_q1',
    });
    const parsed = parsePrintViewQuery(`?${printViewQuery('map_1', original)}`);
    expect(parsed).toEqual({ ok: true, mapId: 'map_1', choices: original });
  });

  it('refuses an address without a valid map or with a bad choice', () => {
    expect(parsePrintViewQuery('?paper=A4').ok).toBe(false);
    expect(parsePrintViewQuery('?map=a/b').ok).toBe(false);
    expect(parsePrintViewQuery('?map=m1&paper=A9').ok).toBe(false);
    expect(parsePrintViewQuery('?map=m1&margin=abc').ok).toBe(false);
    // The version of "Changes since …" is an id or nothing.
    expect(parsePrintViewQuery('?map=m1&since=a/b').ok).toBe(false);
    expect(parsePrintViewQuery('?map=m1')).toMatchObject({ ok: true, choices: { changesSince: '' } });
    expect(parsePrintViewQuery('?map=m1')).toMatchObject({
      ok: true,
      choices: { paper: 'A4', sections: ['map', 'outline', 'metrics', 'findings'] },
    });
  });

  it('formats dates for people and leaves other text alone', () => {
    expect(formatPrintDate('2026-02-03', 'en')).toBe('3 February 2026');
    expect(formatPrintDate('2026-02-03', 'zh-CN')).toBe('2026年2月3日');
    expect(formatPrintDate('', 'en')).toBe('');
  });
});
