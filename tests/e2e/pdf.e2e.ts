import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printWithBrowser } from '../../electron/backend/services/pdf-export';
import { planCheckStrings } from '../../renderer/src/i18n/strings/plan-check';
import type { MapSummary } from '../../shared/contract/api';
import type { Language } from '../../shared/model/language';
import type { MapContent } from '../../shared/model/types';
import { type PdfChoicesInput, PdfChoicesSchema } from '../../shared/print/export-choices';
import { type TemplateId, templateContent, templateName } from '../../shared/templates';
import { groupFindings } from '../../shared/validation/finding-groups';
import { validateMap } from '../../shared/validation/validate';
import { generateLayeredMap } from '../bench/generate-map';
import { PAPER_POINTS, type PdfFacts, pdfFacts, squash } from '../pdf/pdf-checks';
import { axeViolations } from './axe';
import { closeServed, launchBrowser, openPage, removeDir, type ServedApp, serveApp } from './harness';

// The PDF as people get it: the built print view served by `throughline serve`, printed by
// Debian's Chromium with the options of shared/print/pdf-options.ts, then read back with
// poppler-utils and qpdf. One browser prints every case (CI has two cores).

let app: ServedApp;
let browser: Browser;
let page: Page;

/** Calls the contract from the app's page, as the renderer does. */
async function call<T>(method: string, args: unknown): Promise<T> {
  const response = await page.evaluate(
    async ({ method, args }) => {
      const reply = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
      return (await reply.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    { method, args },
  );
  if (!response.ok) throw new Error(`${method}: ${response.error?.message}`);
  return response.value as T;
}

async function print(mapId: string, mapName: string, choices: PdfChoicesInput): Promise<PdfFacts> {
  const bytes = await printWithBrowser(browser, app.served, {
    mapId,
    mapName,
    choices: PdfChoicesSchema.parse(choices),
  });
  return pdfFacts(bytes);
}

function expectPlan(facts: PdfFacts, content: MapContent, language: Language) {
  expect(facts.qpdfCheck).toContain('No syntax or stream encoding errors');
  for (const node of content.nodes) {
    if (node.title.trim() !== '') expect(facts.squashedText, node.title).toContain(squash(node.title));
  }
  const findings = validateMap(content);
  for (const finding of findings) {
    expect(facts.squashedText, finding.message[language]).toContain(squash(finding.message[language]));
  }
  expect(facts.fonts.length).toBeGreaterThan(0);
  expect(facts.fonts.every((f) => f.embedded)).toBe(true);
  expect(facts.images).toBe(0);
  expect(facts.tagged).toBe(true);
}

function expectPaper(facts: PdfFacts, paper: 'A4' | 'A3', landscape: boolean) {
  const { width, height } = PAPER_POINTS[paper];
  expect(facts.width).toBeCloseTo(landscape ? height : width, -1);
  expect(facts.height).toBeCloseTo(landscape ? width : height, -1);
  if (landscape) expect(facts.width).toBeGreaterThan(facts.height);
  else expect(facts.height).toBeGreaterThan(facts.width);
}

beforeAll(async () => {
  app = await serveApp();
  browser = await launchBrowser();
  page = await openPage(app);
}, 120_000);

afterAll(() => closeServed(app, page));

const CASES: { template: TemplateId; language: Language; paper: 'A4' | 'A3'; landscape: boolean }[] = [
  { template: 'product-launch-gap', language: 'en', paper: 'A4', landscape: false },
  { template: 'product-launch-gap', language: 'en', paper: 'A3', landscape: true },
  { template: 'shopping-festival', language: 'zh-CN', paper: 'A4', landscape: true },
  { template: 'shopping-festival', language: 'zh-CN', paper: 'A3', landscape: false },
];

describe('the PDF of a template map', () => {
  for (const { template, language, paper, landscape } of CASES) {
    it(`${template} in ${language}, ${paper} ${landscape ? 'landscape' : 'portrait'}: valid, sized, every title and finding, fonts embedded, vector, bookmarked`, async () => {
      const summary = await call<MapSummary>('createMapFromTemplate', { templateId: template, language });
      const content = templateContent(template, language);
      const facts = await print(summary.id, summary.name, {
        paper,
        orientation: landscape ? 'landscape' : 'portrait',
        language,
        subtitle: language === 'en' ? 'Leadership offsite' : '管理层务虚会',
        date: '2026-05-12',
        footer: language === 'en' ? 'Confidential' : '内部资料',
      });
      expectPaper(facts, paper, landscape);
      expectPlan(facts, content, language);
      expect(facts.squashedText).toContain(squash(templateName(template, language)));
      if (language === 'en') {
        expect(facts.text).toContain('Confidential');
        expect(facts.text).toMatch(/Page 1 of \d+/);
        expect(facts.text).toContain('12 May 2026');
      } else {
        expect(facts.text).toContain('内部资料');
        // pdftotext keeps the narrow spaces around the numbers or not, depending on the fonts installed.
        expect(facts.text).toMatch(/第\s?1\s?页，共\s?\d+\s?页/);
        expect(facts.text).toContain('2026年5月12日');
      }
      // A bookmark per goal, from the outline's headings.
      for (const node of content.nodes) {
        if (node.kind === 'goal') expect(facts.bookmarks.some((b) => b.includes(node.title))).toBe(true);
      }
    });
  }
});

describe('a print view that cannot be made', () => {
  it('prepares the printer for a map while the export dialog is open (the served app keeps it warm)', async () => {
    const summary = await call<MapSummary>('createMapFromTemplate', {
      templateId: 'checkout-conversion',
      language: 'en',
    });
    expect(await call('preparePdfExport', { mapId: summary.id, language: 'zh-CN' })).toEqual({ ready: true });
  });

  it("fails at once with the view's own message instead of printing an empty page", async () => {
    const job = { mapId: 'no-such-map', mapName: 'Gone', choices: PdfChoicesSchema.parse({}) };
    await expect(printWithBrowser(browser, app.served, job)).rejects.toThrow(/The print view failed: .*map/i);
  });
});

describe('a big map', () => {
  it('prints a 300-node map over several pages: the overview, readable tiles, and every title', async () => {
    const map = generateLayeredMap(300, 7);
    const { serializeInterchange } = await import('../../shared/interchange/format');
    const summary = await call<MapSummary>('importMapJson', {
      text: serializeInterchange('Generated 300', map),
    });
    const facts = await print(summary.id, summary.name, {
      paper: 'A3',
      orientation: 'landscape',
      language: 'en',
    });
    expect(facts.pages).toBeGreaterThan(3);
    expectPaper(facts, 'A3', true);
    expectPlan(facts, map, 'en');
    expect(facts.text).toMatch(/Map, part A1 \(1 of \d+\)/);
    expect(facts.text).toMatch(/→ p\. \d+/);
    // The findings in the panel's groups and order: strategy, links, data, notes, each headed.
    const groups = groupFindings(validateMap(map));
    expect(groups.length).toBeGreaterThan(1);
    const headings = groups.map(({ group, findings }) =>
      facts.squashedText.lastIndexOf(squash(`${planCheckStrings.en.groups[group]}: ${findings.length}`)),
    );
    expect(headings.every((at) => at >= 0)).toBe(true);
    expect(headings).toEqual([...headings].sort((a, b) => a - b));
  });
});

describe('the command line', () => {
  it('throughline export --format pdf --paper A3 --landscape --lang zh-CN writes a Chinese PDF, and only it', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { serializeInterchange } = await import('../../shared/interchange/format');
    const dir = mkdtempSync(join(tmpdir(), 'throughline-pdf-cli-'));
    try {
      const content = templateContent('okrs', 'zh-CN');
      const file = join(dir, 'okrs.json');
      writeFileSync(file, serializeInterchange(templateName('okrs', 'zh-CN'), content));
      const out = join(dir, 'okrs.pdf');
      const root = new URL('../..', import.meta.url).pathname;
      execFileSync(
        process.execPath,
        [
          join(root, 'electron/cli/bin.mjs'),
          'export',
          file,
          '--format',
          'pdf',
          '--out',
          out,
          '--paper',
          'A3',
          '--landscape',
          '--lang',
          'zh-CN',
        ],
        { stdio: 'pipe' },
      );
      const facts = pdfFacts(readFileSync(out));
      expectPaper(facts, 'A3', true);
      expectPlan(facts, content, 'zh-CN');
      expect(readdirSync(dir).sort()).toEqual(['okrs.json', 'okrs.pdf']);
    } finally {
      removeDir(dir);
    }
  });
});

describe('Export PDF in the app', () => {
  it('opens from the File menu, makes the PDF on the server and downloads it; a missing section is refused', async () => {
    await call('createMapFromTemplate', {
      templateId: 'product-launch-gap',
      language: 'en',
      name: 'Launch for the dialog',
    });
    await page.reload();
    await page.locator('[data-testid="map-row"]', { hasText: 'Launch for the dialog' }).click();
    // The reloaded app opens its first map by itself too: the map must be open before the export.
    await expect.poll(() => page.locator('.toolbar__title').textContent()).toBe('Launch for the dialog');
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-export-pdf').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();
    // The title starts as the map's name, asked of the server when the dialog opens.
    await expect.poll(() => page.getByTestId('export-title').inputValue()).toBe('Launch for the dialog');
    expect(await axeViolations(page, '[data-testid="export-dialog"]')).toEqual([]);

    for (const section of ['map', 'outline', 'metrics', 'findings']) {
      await page.getByTestId(`export-section-${section}`).uncheck();
    }
    await page.getByTestId('export-submit').click();
    await page.getByTestId('export-error').waitFor();
    await page.getByTestId('export-section-map').check();
    await page.getByTestId('export-section-findings').check();

    await page.getByTestId('export-paper').selectOption('A3');
    await page.getByTestId('export-title').fill('Board pack <Q3> & more');
    await page.getByTestId('export-footer').fill('Confidential');
    const pending = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByTestId('export-submit').click();
    const download = await pending;
    expect(download.suggestedFilename()).toBe('Board pack Q3 & more.pdf');
    const facts = pdfFacts(readFileSync(await download.path()));
    expectPaper(facts, 'A3', true);
    expect(facts.text).toContain('Board pack <Q3> & more');
    expect(facts.text).toContain('Confidential');
    // The outline and metrics sections were left out.
    expect(facts.bookmarks.some((b) => b === 'Outline')).toBe(false);
    await dialog.waitFor({ state: 'detached' });
  });
});
