import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspMetaContent } from '../../shared/contract/csp';
import { PdfChoicesSchema } from '../../shared/print/export-choices';
import { PRINT_PAGE, printViewQuery } from '../../shared/print/print-query';
import { goToNode, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

// Titles that would run code if any view rendered them as markup or followed them as links. The
// app's CSP would block inline handlers too; the checks below prove more than that: the markup is
// never parsed into elements at all (no <img>, no <script>, no CSP violation), and every view shows
// the characters exactly as typed.
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const LINK = 'javascript:window.__pwned=1';
const TITLES = [IMG, SCRIPT, LINK];
const MAP_NAME = '<b onmouseover="window.__pwned=1">Board</b>';

/** Records CSP violations and anything that sets the canary, from before the app's scripts run. */
async function watchForInjection(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => {
      // zod 4 probes once whether eval is allowed (new Function, caught) and the CSP refuses it: that
      // is the policy working, not a title. z.config({ jitless: true }) in the renderer would skip it.
      if (event.blockedURI === 'eval' && event.sample === '') return;
      violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
}

/** What must hold on every view: nothing ran, nothing was parsed from a title into an element. */
async function expectInert(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    violations: (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    injectedImages: document.querySelectorAll('img[src="x"]').length,
    injectedBold: document.querySelectorAll('b[onmouseover]').length,
    injectedScripts: [...document.querySelectorAll('script')].filter((s) =>
      s.textContent?.includes('__pwned'),
    ).length,
    javascriptLinks: [...document.querySelectorAll('a[href], [src], [action]')].filter((el) =>
      /^\s*javascript:/i.test(
        el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '',
      ),
    ).length,
  }));
  expect(state).toEqual({
    pwned: undefined,
    violations: [],
    injectedImages: 0,
    injectedBold: 0,
    injectedScripts: 0,
    javascriptLinks: 0,
  });
}

describe('titles with markup are shown as text and never run, in every view', () => {
  let app: ServedApp;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await watchForInjection(page);
    await page.reload();
    await page.getByTestId('file-menu').waitFor();

    // Three goals with no execution path, so each title also appears in a finding.
    const file = join(app.dir, 'hostile.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'throughline-map',
        version: 1,
        name: MAP_NAME,
        nodes: TITLES.map((title, i) => ({
          id: `g${i}`,
          kind: 'goal',
          title,
          owner: title,
          description: title,
          position: { x: 0, y: i * 160 },
        })),
        links: [],
      }),
    );
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-import-json').click();
    await (await chooser).setFiles(file);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="plan-node"]').length === 3,
      null,
      {
        timeout: 15_000,
      },
    );
    await waitSaved(page);
  });

  afterAll(() => closeServed(app, page));

  it('on the canvas and in the map list', async () => {
    const shown = await page.locator('[data-testid="plan-node"] .plan-node__title').allTextContents();
    expect(shown.sort()).toEqual([...TITLES].sort());
    expect(await page.locator('[data-testid="map-row"] .map-row__name').allTextContents()).toContain(
      MAP_NAME,
    );
    await expectInert(page);
  });

  it('in the findings', async () => {
    const messages = await page.locator('[data-testid="finding"] .finding__message').allTextContents();
    for (const title of TITLES) {
      expect(
        messages.some((message) => message.includes(`"${title}"`) || message.includes(`“${title}”`)),
        title,
      ).toBe(true);
    }
    await expectInert(page);
  });

  it('in search and in the inspector', async () => {
    for (const title of TITLES) {
      await goToNode(page, title);
      const inspector = page.getByTestId('inspector');
      await expect.poll(() => inspector.getAttribute('data-kind')).toBe('goal');
      expect(await inspector.locator('[data-field="title"]').inputValue()).toBe(title);
      expect(await inspector.locator('[data-field="owner"]').inputValue()).toBe(title);
      expect(await inspector.locator('[data-field="description"]').inputValue()).toBe(title);
      // The node search found selected is the one with this title.
      const selected = page.locator('.react-flow__node.selected .plan-node__title');
      expect(await selected.textContent()).toBe(title);
    }
    await page.keyboard.press('Control+f');
    await page.getByTestId('search-input').fill('<script>');
    await expect.poll(() => page.getByTestId('search-status').textContent()).toBe('1 of 1');
    await page.getByTestId('search-input').press('Escape');
    await expectInert(page);
  });

  it('in the print view the PDF is made from, title and footer included', async () => {
    const mapId = await page
      .locator('[data-testid="map-row"]', { hasText: 'Board' })
      .getAttribute('data-map-id');
    if (!mapId) throw new Error('the imported map is not listed');
    const print = await page.context().newPage();
    print.on('pageerror', (error) => pageErrors.push(error.message));
    await watchForInjection(print);
    const choices = PdfChoicesSchema.parse({ title: IMG, subtitle: SCRIPT, footer: LINK });
    await print.goto(`${new URL(app.url).origin}/${PRINT_PAGE}?${printViewQuery(mapId, choices)}`);
    await print.waitForFunction(
      () =>
        document.documentElement.dataset.printReady === 'true' || document.documentElement.dataset.printError,
      null,
      { timeout: 30_000 },
    );
    expect(await print.evaluate(() => document.documentElement.dataset.printError)).toBeUndefined();
    const text = await print.evaluate(() => document.body.textContent ?? '');
    for (const title of TITLES) expect(text, title).toContain(title);
    await expectInert(print);
    await print.close();
  });

  it('would notice markup that did get parsed, and the CSP would still stop its handler', async () => {
    const probe = await page.context().newPage();
    await watchForInjection(probe);
    await probe.goto(new URL(app.url).origin);
    await probe.getByTestId('file-menu').waitFor();
    await probe.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), IMG);
    await probe.waitForFunction(
      () => ((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).length > 0,
    );
    await expect(expectInert(probe)).rejects.toThrow(/to deeply equal/);
    expect(await probe.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await probe.close();
  });

  it('carries the policy in a meta tag too, for the desktop window that loads these pages from file://', async () => {
    const origin = new URL(app.url).origin;
    for (const path of ['/', `/${PRINT_PAGE}`]) {
      const response = await page.context().request.get(`${origin}${path}`);
      const html = await response.text();
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      expect(meta?.[1]?.replace(/&#39;/g, "'"), path).toBe(cspMetaContent());
    }
    // In the page, the meta tag is what the browser applies (with the header, which adds frame-ancestors).
    const applied = await page.evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    );
    expect(applied).toBe(cspMetaContent());
  });

  it('raised no page error anywhere', () => {
    expect(pageErrors).toEqual([]);
  });
});
