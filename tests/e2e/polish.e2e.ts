import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateContent, templateName } from '../../shared/templates';
import { goalFocus } from '../../shared/validation/goal-focus';
import { fitView, newMapFromTemplate, setReadingSize, setSidePanels, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

// The facilitator's walk-through of the offsite features in a real Chromium: what it found cut
// off, too small or off screen, each measured on the page as the room sees it.

const TEMPLATE = 'data-driven-growth';

/** Titles whose visible lines reach below the title's box (their descenders are cut off). */
function clippedTitles(page: Page) {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const title of document.querySelectorAll<HTMLElement>('.plan-node__title')) {
      const box = title.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(title);
      // The lines shown: those that start inside the box (a clamped third line is hidden on purpose).
      const lines = [...range.getClientRects()].filter(
        (r) => r.height > 0 && r.top + r.height / 2 < box.bottom,
      );
      const lowest = Math.max(...lines.map((r) => r.bottom));
      if (lowest > box.bottom + 1)
        cut.push(`${title.textContent}: text to ${lowest.toFixed(1)}, box to ${box.bottom.toFixed(1)}`);
    }
    return cut;
  });
}

/** Status chips that run past their card's right edge. */
function chipsOutside(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const chip of document.querySelectorAll<HTMLElement>('.plan-node [data-testid="card-status"]')) {
      const card = chip.closest('.plan-node') as HTMLElement;
      const c = chip.getBoundingClientRect();
      const k = card.getBoundingClientRect();
      // Inside the card, and all its text shown: nothing cut by the card's edge or an ellipsis.
      const shown = [chip, ...chip.children].filter((el) => el.clientWidth > 1);
      const cut = shown.some((el) => el.scrollWidth > el.clientWidth + 1);
      if (cut || c.right > k.right - 1 || c.left < k.left)
        out.push(
          `${chip.textContent}: ${c.left.toFixed(0)}..${c.right.toFixed(0)} in ${k.left.toFixed(0)}..${k.right.toFixed(0)}`,
        );
    }
    return out;
  });
}

/** The smallest title on screen, in px after the viewport's zoom. */
function smallestTitle(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const sizes = [...document.querySelectorAll('.plan-node__title')].map(
      (el) => Number.parseFloat(getComputedStyle(el).fontSize) * zoom,
    );
    return Math.min(...sizes);
  });
}

describe('Offsite polish: nothing cut off, big enough, in view', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app, { width: 1280, height: 800 });
    await page.getByTestId('new-from-template').waitFor();
    await newMapFromTemplate(page, TEMPLATE);
    await waitSaved(page);
  });

  afterAll(() => closeServed(app, page));

  it('reading size: no title loses the bottom of its letters (g, y, p)', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      await page.getByTestId('language').selectOption(language);
      await setReadingSize(page, 'button', true);
      await fitView(page);
      expect(await page.locator('.canvas--reading .plan-node__title').count()).toBe(14);
      expect(await clippedTitles(page), language).toEqual([]);
      await setReadingSize(page, 'button', false);
      expect(await clippedTitles(page), `${language} normal size`).toEqual([]);
    }
    await page.getByTestId('language').selectOption('en');
    await setSidePanels(page, true);
  });

  it('a metric’s status chip stays inside its card, with long figures, in both languages', async () => {
    const metric = templateContent(TEMPLATE, 'en').nodes.find((n) => n.kind === 'metric')?.id ?? '';
    // Long figures on one metric: a big current value against a big target with a long unit.
    await page
      .locator(`[data-testid="plan-node"][data-node-id="${metric}"]`)
      .click({ position: { x: 16, y: 12 } });
    const field = (key: string) => page.locator(`[data-testid="inspector"] [data-field="${key}"]`);
    await field('unit').fill('CNY per order');
    await field('unit').press('Enter');
    await field('current').fill('215000.75');
    await field('current').press('Enter');
    await field('target').fill('2200000.5');
    await field('target').press('Enter');
    await waitSaved(page);
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    for (const language of ['en', 'zh-CN'] as const) {
      await page.getByTestId('language').selectOption(language);
      for (const reading of [false, true]) {
        await setReadingSize(page, 'button', reading);
        await fitView(page);
        await page.screenshot({ path: `/tmp/polish-chip-${language}-${reading}.png` });
        expect(await chipsOutside(page), `${language} reading ${reading}`).toEqual([]);
      }
    }
    await setReadingSize(page, 'button', false);
    await page.getByTestId('language').selectOption('en');
    expect(
      await page.locator('[data-testid="map-row"]', { hasText: templateName(TEMPLATE, 'en') }).count(),
    ).toBe(1);
  });

  it('reading size alone reaches 14 px titles after Fit at 1280×800: it hides the side panels there', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await setReadingSize(page, 'button', false);
    await setSidePanels(page, true);
    const toggle = page.getByTestId('reading-size-toggle');
    expect(await toggle.getAttribute('title')).toMatch(/1600 px.*side panels/);
    await toggle.click();
    await expect
      .poll(() => page.getByTestId('side-panels-toggle').getAttribute('aria-pressed'))
      .toBe('false');
    await fitView(page);
    const title = await smallestTitle(page);
    expect(title).toBeGreaterThanOrEqual(14);
    // Remembered, as before.
    await page.reload();
    await page.locator('[data-testid="map-row"]').first().waitFor({ state: 'attached' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('side-panels-toggle').getAttribute('aria-pressed')).toBe('false');
    // Turned off, the panels it hid come back; in Chinese the tooltip says the same.
    await toggle.click();
    await expect.poll(() => page.getByTestId('side-panels-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('language').selectOption('zh-CN');
    expect(await toggle.getAttribute('title')).toMatch(/1600 像素.*侧栏/);
    await page.getByTestId('language').selectOption('en');
    // On a wide screen the panels stay.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('side-panels-toggle').getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('a click on the closed-loop finding frames the goal and its whole execution path, never past 100%', async () => {
    await newMapFromTemplate(page, 'product-launch-gap');
    const finding = page.locator('[data-testid="finding"][data-code="goal-without-closed-loop"]').first();
    const goal = (await finding.getAttribute('data-node-id')) ?? '';
    const content = templateContent('product-launch-gap', 'en');
    // Its execution path, as the presentation frames it: the TV spot and the rest of its mechanisms.
    const path = [...(goalFocus(goal, content.nodes, content.links)?.nodeIds ?? [])];
    const mechanisms = path.filter((id) => content.nodes.find((n) => n.id === id)?.kind === 'mechanism');
    expect(mechanisms).toContain('m-tv');
    // Start far from it: zoomed in on another corner of the map.
    const far = content.nodes.at(-1)?.id ?? '';
    await page
      .locator(`[data-testid="plan-node"][data-node-id="${far}"]`)
      .click({ position: { x: 16, y: 12 } });
    for (let i = 0; i < 4; i++)
      await page.getByTestId('canvas').locator('.react-flow__controls-zoomin').click();
    await finding.click();
    await page.waitForTimeout(500); // the framing animates for 300 ms
    const outside = await page.evaluate((ids) => {
      const pane = (document.querySelector('.react-flow') as HTMLElement).getBoundingClientRect();
      return ids.filter((id) => {
        const el = document.querySelector(`.react-flow__node[data-id="${id}"]`);
        if (!el) return true;
        const r = el.getBoundingClientRect();
        return r.left < pane.left || r.top < pane.top || r.right > pane.right || r.bottom > pane.bottom;
      });
    }, path);
    expect(outside).toEqual([]);
    const zoom = await page.evaluate(
      () =>
        new DOMMatrixReadOnly(
          getComputedStyle(document.querySelector('.react-flow__viewport') as HTMLElement).transform,
        ).a,
    );
    expect(zoom).toBeLessThanOrEqual(1);
    expect(await page.locator(`.react-flow__node[data-id="${goal}"]`).getAttribute('class')).toContain(
      'selected',
    );
  });

  it('presents a big goal large: a compact caption, the path centred in the area above it', async () => {
    // The product launch map is open (the test above); its top goal reaches every other node.
    for (const [width, height] of [
      [1280, 720],
      [1280, 800],
    ] as const) {
      for (const language of ['en', 'zh-CN'] as const) {
        await page.setViewportSize({ width, height });
        await page.getByTestId('language').selectOption(language);
        await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
        await page.getByTestId('start-presentation').click();
        const caption = page.getByTestId('presentation');
        await caption.waitFor();
        for (let step = 0; step < 3; step++) {
          await page.waitForTimeout(600); // the framing animates for 250 ms, after a frame
          const m = await page.evaluate(() => {
            const box = (
              document.querySelector('[data-testid="presentation"]') as HTMLElement
            ).getBoundingClientRect();
            const pane = (document.querySelector('.react-flow') as HTMLElement).getBoundingClientRect();
            const framed = [...document.querySelectorAll('.react-flow__node.is-in-focus')].map((el) =>
              el.getBoundingClientRect(),
            );
            const top = Math.min(...framed.map((r) => r.top));
            const bottom = Math.max(...framed.map((r) => r.bottom));
            const left = Math.min(...framed.map((r) => r.left));
            const right = Math.max(...framed.map((r) => r.right));
            return {
              captionShare: box.height / innerHeight,
              // Where the framed nodes' centre sits in the area above the caption, 0.5 = the middle.
              y: ((top + bottom) / 2 - pane.top) / (box.top - pane.top),
              x: ((left + right) / 2 - pane.left) / pane.width,
              clear: bottom <= box.top,
              count: framed.length,
            };
          });
          const label = `${width}x${height} ${language} goal ${step + 1}: ${JSON.stringify(m)}`;
          expect(m.count, label).toBeGreaterThan(0);
          expect(m.captionShare, label).toBeLessThanOrEqual(0.25);
          expect(Math.abs(m.y - 0.5), label).toBeLessThanOrEqual(0.1);
          expect(Math.abs(m.x - 0.5), label).toBeLessThanOrEqual(0.1);
          expect(m.clear, label).toBe(true);
          if (width === 1280 && height === 720 && step === 0)
            await page.screenshot({ path: `/tmp/polish-present-${language}.png` });
          await page.keyboard.press('PageDown');
        }
        await page.keyboard.press('Escape');
        await caption.waitFor({ state: 'detached' });
      }
    }
    await page.getByTestId('language').selectOption('en');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('a refused link says why in one sentence, in one notice each time, in both languages', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await fitView(page);
    const box = async (selector: string) => {
      const b = await page.locator(selector).boundingBox({ timeout: 5000 });
      if (!b) throw new Error(`${selector} not visible`);
      return b;
    };
    const notices = page.getByTestId('notice');
    for (const language of ['en', 'zh-CN'] as const) {
      await page.getByTestId('language').selectOption(language);
      for (const onto of ['handle', 'body'] as const) {
        for (let attempt = 0; attempt < 2; attempt++) {
          const from = await box('.react-flow__node[data-id="m-tv"] .react-flow__handle.source');
          const to = await box(
            onto === 'handle'
              ? '.react-flow__node[data-id="g-purchase"] .react-flow__handle.target'
              : '.react-flow__node[data-id="g-purchase"]',
          );
          await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
          await page.mouse.down();
          await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
          const label = page.getByTestId('link-drag-label');
          await expect.poll(() => label.count()).toBe(1);
          // One colon at most: "Not allowed. Only a goal can point to a goal: links run …".
          const said = (await label.textContent()) ?? '';
          expect(said.split(/[:：]/).length, said).toBeLessThanOrEqual(2);
          await page.mouse.up();
          const what = `${language} ${onto} attempt ${attempt + 1}`;
          await page.waitForTimeout(200);
          expect(await notices.allTextContents(), what).toHaveLength(1);
          const text = (await notices.first().textContent()) ?? '';
          expect(text.split(/[:：]/).length, text).toBeLessThanOrEqual(2);
          expect(text, what).toContain(language === 'en' ? 'Link refused.' : '无法连接。');
        }
      }
    }
    // The export dialog's paper sizes, named in Chinese with their size.
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-export-pdf').click();
    const papers = await page.getByTestId('export-paper').locator('option').allTextContents();
    expect(papers).toEqual([
      'A4（210 × 297 毫米）',
      'A3（297 × 420 毫米）',
      '美式信纸 Letter（8.5 × 11 英寸）',
      '小报 Tabloid（11 × 17 英寸）',
    ]);
    // The margins in the same style: the size in 毫米, in full-width brackets.
    const margins = await page.getByTestId('export-margins').locator('option').allTextContents();
    expect(margins.length).toBe(3);
    for (const margin of margins) expect(margin).toMatch(/^.+（\d+ 毫米）$/);
    await page.keyboard.press('Escape');
    await page.getByTestId('language').selectOption('en');
  });

  it('says once that a map has no goals, how to add the first, and nothing about goals with no map', async () => {
    await page.getByTestId('new-map').click();
    await expect
      .poll(() => page.locator('.canvas__empty').textContent())
      .toContain('Press Enter to add the first goal');
    const panel = page.getByTestId('findings-panel');
    expect(((await panel.textContent()) ?? '').split('No goals yet').length - 1).toBe(1);
    await page.getByTestId('language').selectOption('zh-CN');
    await expect
      .poll(() => page.locator('.canvas__empty').textContent())
      .toContain('按 Enter 添加第一个目标');
    expect(((await panel.textContent()) ?? '').split('还没有目标').length - 1).toBe(1);
    await page.getByTestId('language').selectOption('en');
    // With no map at all (each deleted through the contract, then the page opened again), the
    // panel says to open or create one, and nothing about goals.
    await waitSaved(page);
    await page.evaluate(async () => {
      const call = async (method: string, args: unknown) => {
        const reply = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        });
        return ((await reply.json()) as { value: unknown }).value;
      };
      const maps = (await call('listMaps', {})) as { id: string }[];
      for (const map of maps) await call('deleteMap', { mapId: map.id });
    });
    await page.reload();
    await page.getByTestId('new-map').waitFor();
    expect(await page.getByTestId('map-row').count()).toBe(0);
    await expect.poll(() => page.getByTestId('findings-no-map').count()).toBe(1);
    expect(await panel.textContent()).not.toContain('No goals yet');
    expect(await page.getByTestId('health-summary').count()).toBe(0);
  });
});
