import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateContent, templateName } from '../../shared/templates';
import {
  downloadFromFileMenu,
  edgeCount,
  fitView,
  newMapFromTemplate,
  setReadingSize,
  setSidePanels,
  waitSaved,
} from './canvas-actions';
import { withoutFilePickers } from './file-pickers';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

// Issue 13, "Offsite-ready": the projector width, the reading size, status on cards and the
// verdict shown while a link is dragged, in a real Chromium on the browser mode.

const TEMPLATE = 'data-driven-growth';
const LONG_MAP =
  'Offsite 2027 strategy map for the whole leadership team with every regional business unit and every programme 大促增长战略全景图';
const LONG_FILE =
  'Leadership offsite board pack final version agreed by everyone in the room 2027 领导层战略研讨会最终版本文件.throughline';
const fixture = new URL('../fixtures/good-map.json', import.meta.url).pathname;

async function pick(page: Page, menuItem: string, file: string) {
  await page.getByTestId('file-menu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(menuItem).click();
  await (await chooser).setFiles(file);
}

/** Whether the page scrolls sideways, and which of the must-see controls are not wholly on screen. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const inside = (selector: string) => {
      const el = document.querySelector(selector);
      if (!el) return `${selector} missing`;
      const r = el.getBoundingClientRect();
      const ok = r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
      return ok ? null : `${selector} at ${Math.round(r.left)}..${Math.round(r.right)} of ${innerWidth}`;
    };
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      outside: [
        inside('[data-testid="language"]'),
        inside('[data-testid="save-state"]'),
        inside('[data-testid="overview-map"]'),
      ].filter((x) => x !== null),
    };
  });
}

/** On-screen font sizes after the viewport's zoom: the smallest title, owner and badge. */
function screenFontSizes(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const smallest = (selector: string) => {
      const sizes = [...document.querySelectorAll(selector)].map(
        (el) => Number.parseFloat(getComputedStyle(el).fontSize) * zoom,
      );
      return sizes.length === 0 ? Number.NaN : Math.min(...sizes);
    };
    return {
      zoom,
      title: smallest('.plan-node__title'),
      owner: smallest('.plan-node__owner'),
      status: smallest('.plan-node .card-status'),
      flag: smallest('.plan-node__badge'),
      fn: smallest('.plan-node__function'),
    };
  });
}

/** Pairs of nodes whose boxes overlap on screen (they must not, at any reading size). */
function overlaps(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => ({
      id: el.dataset.id,
      r: el.getBoundingClientRect(),
    }));
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]?.r as DOMRect;
        const b = boxes[j]?.r as DOMRect;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          found.push(`${boxes[i]?.id}/${boxes[j]?.id}`);
      }
    return found;
  });
}

describe('Offsite-ready: projector width, reading size, status on cards, link verdicts', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app, { width: 1280, height: 800 });
    // The long file name comes from a downloaded copy and a file input, not Chromium's pickers.
    await withoutFilePickers(page);
    await page.getByTestId('new-from-template').waitFor();
    await newMapFromTemplate(page, TEMPLATE);
    await waitSaved(page);
  });

  afterAll(() => closeServed(app, page));

  it('never scrolls sideways at 1280 px or wider, whatever the map and file are called', async () => {
    // A document with a very long file name, holding a map with a very long name.
    const saved = await downloadFromFileMenu(page, 'file-save-as');
    const copy = `${app.dir}/${LONG_FILE}`;
    writeFileSync(copy, saved.bytes);
    await pick(page, 'file-open', copy);
    await expect.poll(() => page.getByTestId('file-menu').textContent()).toContain('Leadership offsite');
    const longJson = `${app.dir}/long.json`;
    writeFileSync(longJson, readFileSync(fixture, 'utf8').replace('"Growth 2026"', JSON.stringify(LONG_MAP)));
    await pick(page, 'file-import-json', longJson);
    await expect.poll(() => page.locator('.toolbar__title').textContent()).toBe(LONG_MAP);
    await waitSaved(page);

    const seen: string[] = [];
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: width === 1280 ? 720 : 1080 });
      for (const language of ['en', 'zh-CN'] as const) {
        await page.getByTestId('language').selectOption(language);
        for (const shown of [true, false]) {
          await setSidePanels(page, shown);
          await page.waitForTimeout(100);
          const result = await overflow(page);
          seen.push(
            `${width} ${language} ${shown ? 'panels' : 'wide'}: scroll ${result.scrollWidth}/${result.innerWidth} ${result.outside.join('; ')}`,
          );
          expect(result.scrollWidth, seen.at(-1)).toBeLessThanOrEqual(result.innerWidth);
          expect(result.outside, seen.at(-1)).toEqual([]);
          // A wide screen uses its room for the map's name instead of cutting it at 320 px.
          if (width === 1920 && !shown) {
            const titleWidth = await page.locator('.toolbar__title').evaluate((el) => el.clientWidth);
            expect(titleWidth, seen.at(-1)).toBeGreaterThan(340);
          }
        }
      }
    }
    // With the filter bar and the search open as well, at the narrowest, in Chinese.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('language').selectOption('zh-CN');
    await setSidePanels(page, true);
    await page.getByTestId('toggle-filters').click();
    await page.getByTestId('open-search').click();
    await page.waitForTimeout(100);
    const busy = await overflow(page);
    expect(busy.scrollWidth, busy.outside.join('; ')).toBeLessThanOrEqual(busy.innerWidth);
    expect(busy.outside).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('toggle-filters').click();
    // The names are shortened on screen, and whole in the tooltip.
    expect(await page.locator('.toolbar__title').getAttribute('title')).toBe(LONG_MAP);
    await page.getByTestId('language').selectOption('en');
    await setSidePanels(page, true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('reading size: titles ≥ 14 px and owners and badges ≥ 11 px on screen after Fit at 1280×800', async () => {
    // The template map, in the document opened above.
    await page.locator('[data-testid="map-row"]', { hasText: templateName(TEMPLATE, 'en') }).click();
    const lastNode = templateContent(TEMPLATE, 'en').nodes.at(-1)?.id;
    await page.locator(`[data-testid="plan-node"][data-node-id="${lastNode}"]`).waitFor();
    expect(await page.locator('[data-testid="plan-node"]').count()).toBe(14);
    // One card without an owner, so a finding badge is on the map too.
    const flagged = templateContent(TEMPLATE, 'en').nodes.find((n) => n.kind === 'mechanism')?.id ?? '';
    await page
      .locator(`[data-testid="plan-node"][data-node-id="${flagged}"]`)
      .click({ position: { x: 16, y: 12 } });
    await page.locator('[data-testid="inspector"] [data-field="owner"]').fill('');
    await page.locator('[data-testid="inspector"] [data-field="owner"]').press('Enter');
    await expect.poll(() => page.getByTestId('flag-badge').count()).toBeGreaterThan(0);
    // A projector: the side panels hidden, as the facilitator does with Ctrl+\.
    await setSidePanels(page, false);
    await setReadingSize(page, 'key', false);
    await fitView(page);
    const before = await screenFontSizes(page);
    // As before: a fitted 14-node map is drawn small.
    expect(before.title).toBeLessThan(12);
    // The status chips fit on the cards without pushing one card into the next.
    expect(await overlaps(page)).toEqual([]);

    await setReadingSize(page, 'key', true);
    await fitView(page);
    const after = await screenFontSizes(page);
    expect(after.title, JSON.stringify(after)).toBeGreaterThanOrEqual(14);
    expect(after.owner, JSON.stringify(after)).toBeGreaterThanOrEqual(11);
    expect(after.status, JSON.stringify(after)).toBeGreaterThanOrEqual(11);
    expect(after.flag, JSON.stringify(after)).toBeGreaterThanOrEqual(11);
    expect(after.fn, JSON.stringify(after)).toBeGreaterThanOrEqual(11);
    // Wider nodes, so titles wrap less, and no card runs into another.
    const width = await page
      .locator('.plan-node')
      .first()
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(width / after.zoom).toBeGreaterThan(300);
    expect(await overlaps(page)).toEqual([]);

    // The 16-node shopping-festival template too: no card runs into another, on or off.
    await setSidePanels(page, true);
    await newMapFromTemplate(page, 'shopping-festival');
    await setSidePanels(page, false);
    for (const on of [true, false]) {
      await setReadingSize(page, 'key', on);
      await fitView(page);
      expect(await overlaps(page), `reading size ${on}`).toEqual([]);
    }
    // Tidied into lanes at the normal size, then read from the back of the room: the lanes keep
    // room for the reading size, so no card runs into another either way.
    await setReadingSize(page, 'key', false);
    await page.getByTestId('auto-layout').click();
    await waitSaved(page);
    for (const on of [true, false]) {
      await setReadingSize(page, 'key', on);
      await fitView(page);
      expect(await overlaps(page), `tidied, reading size ${on}`).toEqual([]);
    }
    await setReadingSize(page, 'key', true);
    await setSidePanels(page, true);
    await page.locator('[data-testid="map-row"]', { hasText: templateName(TEMPLATE, 'en') }).click();
    await page.locator(`[data-testid="plan-node"][data-node-id="${lastNode}"]`).waitFor();

    // Remembered on this machine, and on the shortcut sheet.
    await page.reload();
    await page.locator('[data-testid="map-row"]', { hasText: templateName(TEMPLATE, 'en') }).click();
    await page.locator(`[data-testid="plan-node"][data-node-id="${lastNode}"]`).waitFor();
    expect(await page.getByTestId('reading-size-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('canvas').getAttribute('data-reading-size')).toBe('true');
    await page.getByTestId('open-shortcuts').click();
    const sheet = page.getByTestId('shortcut-sheet');
    expect(await sheet.textContent()).toMatch(/Ctrl\+Shift\+L\s*Reading size/);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await setReadingSize(page, 'key', false);
    await setSidePanels(page, true);
  });

  it('shows each metric’s value against its target and each goal’s roll-up on the cards', async () => {
    const content = templateContent(TEMPLATE, 'en');
    const metrics = content.nodes.filter((n) => n.kind === 'metric');
    const goals = content.nodes.filter((n) => n.kind === 'goal');
    for (const metric of metrics) {
      if (metric.kind !== 'metric') continue;
      const chip = page.locator(
        `[data-testid="plan-node"][data-node-id="${metric.id}"] [data-testid="card-status"]`,
      );
      expect(await chip.count(), metric.id).toBe(1);
      if (metric.current !== null && metric.target !== null)
        expect(await chip.textContent()).toMatch(/\d.*\/.*\d/);
      const colour = await chip.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(colour).not.toBe('rgba(0, 0, 0, 0)');
    }
    for (const goal of goals) {
      const chip = page.locator(
        `[data-testid="plan-node"][data-node-id="${goal.id}"] [data-testid="card-status"]`,
      );
      expect(await chip.count(), goal.id).toBe(1);
      expect(await chip.textContent()).toMatch(/metric/);
    }
    // The chip agrees with the inspector.
    const metric = metrics[0]?.id ?? '';
    await page
      .locator(`[data-testid="plan-node"][data-node-id="${metric}"]`)
      .click({ position: { x: 16, y: 12 } });
    const inspectorStatus = await page.getByTestId('metric-progress').getAttribute('data-status');
    expect(
      await page
        .locator(`[data-testid="plan-node"][data-node-id="${metric}"] [data-testid="card-status"]`)
        .getAttribute('data-status'),
    ).toBe(inspectorStatus);
    // Mechanisms carry none.
    const mechanism = content.nodes.find((n) => n.kind === 'mechanism')?.id ?? '';
    expect(
      await page
        .locator(`[data-testid="plan-node"][data-node-id="${mechanism}"] [data-testid="card-status"]`)
        .count(),
    ).toBe(0);
    // In Chinese too.
    await page.getByTestId('language').selectOption('zh-CN');
    const goalChip = page.locator(
      `[data-testid="plan-node"][data-node-id="${goals[0]?.id}"] [data-testid="card-status"]`,
    );
    await expect.poll(() => goalChip.textContent()).toMatch(/个指标/);
    await page.getByTestId('language').selectOption('en');
  });

  it('shows the values in the presentation caption', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.getByTestId('start-presentation').click();
    const caption = page.getByTestId('presentation');
    await caption.waitFor();
    await expect.poll(() => page.getByTestId('presentation-status').count()).toBe(1);
    expect(await page.getByTestId('presentation-goal-status').textContent()).toMatch(/metric/);
    const rows = page.getByTestId('presentation-metric');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().textContent()).toMatch(/\d.*\/.*\d/);
    await page.keyboard.press('Escape');
    await caption.waitFor({ state: 'detached' });
  });

  it('a metric has no source handle: nothing to start a link from', async () => {
    const metric = templateContent(TEMPLATE, 'en').nodes.find((n) => n.kind === 'metric')?.id ?? '';
    const node = page.locator(`.react-flow__node[data-id="${metric}"]`);
    expect(await node.locator('.react-flow__handle.source').count()).toBe(0);
    expect(await node.locator('.react-flow__handle.target').count()).toBe(1);
  });

  it('says while a link is dragged whether it is allowed, and why not, before the mouse is released', async () => {
    await fitView(page);
    const content = templateContent(TEMPLATE, 'en');
    const mechanism = 'm-experiments';
    const goal = content.nodes.find((n) => n.kind === 'goal')?.id ?? '';
    const box = async (selector: string) => {
      const b = await page.locator(selector).boundingBox({ timeout: 5000 });
      if (!b) throw new Error(`${selector} not visible`);
      return b;
    };
    const from = await box(`.react-flow__node[data-id="${mechanism}"] .react-flow__handle.source`);
    const over = await box(`.react-flow__node[data-id="${goal}"]`);
    const links = await edgeCount(page);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(over.x + over.width / 2, over.y + over.height / 2, { steps: 12 });
    // Before release: the refusal and its reason beside the pointer, the line and the goal in the refused style.
    const label = page.getByTestId('link-drag-label');
    await expect.poll(() => label.count()).toBe(1);
    expect(await label.textContent()).toMatch(/Not allowed\. Only a goal can point to a goal/);
    expect(await label.getAttribute('data-state')).toBe('invalid');
    expect(await page.getByTestId('link-drag-line').getAttribute('data-state')).toBe('invalid');
    expect(
      await page
        .locator(`.react-flow__node[data-id="${goal}"]`)
        .evaluate((el) => el.classList.contains('is-link-target-invalid')),
    ).toBe(true);
    const stroke = await page
      .locator('.link-drag__path')
      .evaluate((el) => getComputedStyle(el).strokeDasharray);
    expect(stroke).not.toBe('none');
    await page.mouse.up();
    await expect.poll(() => label.count()).toBe(0);
    expect(await edgeCount(page)).toBe(links);
    expect(
      await page
        .locator(`.react-flow__node[data-id="${goal}"]`)
        .evaluate((el) => el.classList.contains('is-link-target-invalid')),
    ).toBe(false);

    // Over a metric it may measure, it says so, and a drop on the card's body links.
    const metric = content.nodes.find(
      (n) => n.kind === 'metric' && !content.links.some((l) => l.source === mechanism && l.target === n.id),
    )?.id;
    const onto = await box(`.react-flow__node[data-id="${metric}"]`);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 12 });
    await expect.poll(() => label.count()).toBe(1);
    await expect.poll(() => label.getAttribute('data-state')).toBe('valid');
    expect(await label.textContent()).toMatch(/Release to link/);
    await page.mouse.up();
    await expect.poll(() => edgeCount(page)).toBe(links + 1);
  });
});
