import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { addNode, dragLink, fitView, goToNode, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

/**
 * A metric's check-ins in the inspector (added, corrected, refused and deleted by keyboard), its
 * card (sparkline, latest value, stale state) and the "stale only" filter, in English and Chinese.
 */
const shots = process.env.CHECKIN_SCREENSHOTS ?? '/tmp/checkins-shots';

const NODE_SPOT = { x: 16, y: 12 };
const card = (page: Page, id: string) => page.locator(`[data-testid="plan-node"][data-node-id="${id}"]`);
const section = (page: Page) => page.getByTestId('checkins');
const addForm = (page: Page) => page.getByTestId('checkin-add');
const rows = (page: Page) => section(page).getByTestId('checkin');
const inAdd = (page: Page, key: string) => addForm(page).locator(`[data-checkin-field="${key}"]`);
const field = (page: Page, key: string): Locator =>
  page.locator(`[data-testid="inspector"] [data-field="${key}"]`);

async function select(page: Page, id: string): Promise<void> {
  await card(page, id).click({ position: NODE_SPOT });
  await page.waitForSelector(`[data-testid="inspector"][data-node-id="${id}"]`);
}

/** Replaces the text of the focused field by typing, as a user does. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+a');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
}

/** Adds a check-in with the keyboard only: date, Tab, value, Tab, Tab (confidence left), note, Enter. */
async function addByKeyboard(page: Page, date: string | null, value: string, note = ''): Promise<void> {
  await inAdd(page, 'date').focus();
  if (date !== null) await retype(page, date);
  await page.keyboard.press('Tab');
  await retype(page, value);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await retype(page, note);
  await page.keyboard.press('Enter');
}

/** The values of the history as shown, newest first. */
const shownValues = (page: Page) => rows(page).getByTestId('checkin-value').allTextContents();
const sparkPoints = (page: Page, id: string) =>
  card(page, id).getByTestId('card-sparkline').getAttribute('data-points', { timeout: 5000 });

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, name) });
}

/** The card at a readable zoom, for a person to look at; the view is fitted again after. */
async function cardCloseUp(page: Page, id: string, title: string, name: string): Promise<void> {
  await goToNode(page, title);
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
  await page.waitForTimeout(300);
  mkdirSync(shots, { recursive: true });
  await page.locator(`.react-flow__node[data-id="${id}"]`).screenshot({ path: join(shots, name) });
  await fitView(page);
}

describe('metric check-ins in Chromium', () => {
  let app: ServedApp;
  let page: Page;
  let metric = '';
  let fresh = '';
  let goal = '';

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app, { width: 1280, height: 800 });
    // The participant's name, as the room's name prompt remembers it: check-ins say who entered them.
    await page.evaluate(() => localStorage.setItem('throughline.presence.name', 'Lin Wei'));
    await page.reload();
    await page.getByTestId('new-map').click();
    await page.waitForSelector('[data-testid="map-row"]');
    goal = await addNode(page, 'goal', 'Grow repeat purchases');
    const mechanism = await addNode(page, 'mechanism', 'Member benefits');
    metric = await addNode(page, 'metric', 'Repeat purchase rate');
    fresh = await addNode(page, 'metric', 'Refund rate');
    await fitView(page);
    await dragLink(page, goal, mechanism);
    await dragLink(page, mechanism, metric);
    await dragLink(page, mechanism, fresh);
    await waitSaved(page);
    await select(page, metric);
    for (const [key, value] of [
      ['unit', '%'],
      ['baseline', '10'],
      ['target', '25'],
    ] as const) {
      await field(page, key).fill(value);
      await field(page, key).press('Enter');
    }
    await field(page, 'cadence').selectOption('weekly');
    await select(page, fresh);
    await field(page, 'cadence').selectOption('monthly');
  });

  afterAll(() => closeServed(app, page));

  it('adds check-ins by keyboard, newest first, with who entered them; the card follows', async () => {
    await select(page, metric);
    await expect.poll(() => section(page).getAttribute('data-count')).toBe('0');
    await expect.poll(() => field(page, 'current').getAttribute('readonly')).toBeNull();
    // The date starts at today.
    expect(await inAdd(page, 'date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await addByKeyboard(page, '2026-10-05', '12', 'first week');
    await addByKeyboard(page, '2026-10-19', '15.5');
    await addByKeyboard(page, '2026-10-12', '13');
    await expect.poll(() => shownValues(page)).toEqual(['15.5%', '13%', '12%']);
    expect(await rows(page).first().getByTestId('checkin-date').textContent()).toBe('2026-10-19');
    expect(await rows(page).last().getByTestId('checkin-by').textContent()).toBe('by Lin Wei');
    expect(await rows(page).last().getByTestId('checkin-note').textContent()).toBe('first week');
    await expect.poll(() => page.getByTestId('checkins-status').textContent()).toMatch(/2026-10-12 added/);
    // After a check-in the value field is ready for the next number, the form cleared.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-checkin-field'))).toBe(
      'value',
    );
    expect(await inAdd(page, 'value').inputValue()).toBe('');

    // The card: the latest value against the target in its chip, and a sparkline of three points.
    await expect.poll(() => sparkPoints(page, metric)).toBe('3');
    expect(await card(page, metric).getByTestId('card-status').textContent()).toContain('15.5');
    // The trend chart, named and summarised.
    expect(await page.getByTestId('trend-chart').getAttribute('data-points')).toBe('3');
    expect(await page.getByTestId('trend-summary').textContent()).toMatch(
      /3 check-ins from 2026-10-05 to 2026-10-19: from 12% to 15.5%\. Target 25%/,
    );
  });

  it('makes Current read-only, from the latest check-in', async () => {
    expect(await field(page, 'current').getAttribute('readonly')).not.toBeNull();
    expect(await field(page, 'current').inputValue()).toBe('15.5');
    expect(await page.getByTestId('current-from-checkin').textContent()).toMatch(
      /From the check-in of 2026-10-19/,
    );
    await field(page, 'current').focus();
    await page.keyboard.type('99');
    await page.keyboard.press('Enter');
    expect(await field(page, 'current').inputValue()).toBe('15.5');
  });

  it('refuses bad input beside the field and writes nothing', async () => {
    await addByKeyboard(page, '2026-10-26', 'abc');
    const error = addForm(page).locator('[data-error-for="value"]');
    await expect.poll(() => error.textContent()).toMatch(/Not a number, so not saved/);
    expect(await inAdd(page, 'value').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-checkin-field'))).toBe(
      'value',
    );

    await retype(page, '2,000,000,000,000,000');
    await page.keyboard.press('Enter');
    await expect.poll(() => error.textContent()).toMatch(/Too large, so not saved/);

    await addByKeyboard(page, '', '20');
    await expect
      .poll(() => addForm(page).locator('[data-error-for="date"]').textContent())
      .toMatch(/type the day of this number/);
    await addByKeyboard(page, '2026-02-30', '20');
    await expect
      .poll(() => addForm(page).locator('[data-error-for="date"]').textContent())
      .toMatch(/Not a valid date/);
    expect(await section(page).getAttribute('data-count')).toBe('3');
    expect(await sparkPoints(page, metric)).toBe('3');
    // Escape drops the draft and the messages.
    await page.keyboard.press('Escape');
    expect(await addForm(page).getByTestId('checkin-error').count()).toBe(0);
    expect(await inAdd(page, 'value').inputValue()).toBe('');
  });

  it('corrects a check-in in place by keyboard; Escape cancels', async () => {
    const middle = rows(page).nth(1);
    await middle.locator('[data-action="correct"]').focus();
    await page.keyboard.press('Enter');
    const edit = page.getByTestId('checkin-edit');
    await edit.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-checkin-field'))).toBe(
      'value',
    );
    await retype(page, '99');
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });
    expect(await shownValues(page)).toEqual(['15.5%', '13%', '12%']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('correct');

    await page.keyboard.press('Enter');
    await edit.waitFor();
    await retype(page, 'x');
    await page.keyboard.press('Enter');
    await expect.poll(() => edit.locator('[data-error-for="value"]').count()).toBe(1);
    await retype(page, '14');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // confidence: on track
    await page.keyboard.press('Enter');
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => shownValues(page)).toEqual(['15.5%', '14%', '12%']);
    expect(await rows(page).nth(1).getByTestId('checkin-confidence').getAttribute('data-status')).toBe(
      'on-track',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Correct the check-in of 2026-10-12',
    );

    // Correcting the latest moves the card and Current with it.
    await rows(page).first().locator('[data-action="correct"]').focus();
    await page.keyboard.press('Enter');
    await retype(page, '16');
    await page.keyboard.press('Enter');
    await expect.poll(() => field(page, 'current').inputValue()).toBe('16');
    await expect.poll(() => card(page, metric).getByTestId('card-status').textContent()).toContain('16');
  });

  it('deletes a check-in by keyboard and brings it back with Ctrl+Z', async () => {
    await rows(page).last().locator('[data-action="delete"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shownValues(page)).toEqual(['16%', '14%']);
    await expect
      .poll(() => page.getByTestId('checkins-status').textContent())
      .toMatch(/2026-10-05 deleted\. Press Ctrl\+Z to undo/);
    await expect.poll(() => sparkPoints(page, metric)).toBe('2');
    // Focus stays in the history, on a button, where Ctrl+Z is the map's undo.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await page.keyboard.press('Control+z');
    await expect.poll(() => shownValues(page)).toEqual(['16%', '14%', '12%']);
    await expect.poll(() => sparkPoints(page, metric)).toBe('3');
  });

  it('fades a stale metric with the date of its last value; "stale only" dims the rest', async () => {
    // The fresh metric's number is today's (the form's default date).
    await select(page, fresh);
    const counts = () =>
      page.evaluate(() => {
        const map = (globalThis as { __throughlineRenderCounts?: Map<string, number> })
          .__throughlineRenderCounts;
        return [...(map?.keys() ?? [])];
      });
    await page.evaluate(() =>
      (globalThis as { __throughlineRenderCounts?: Map<string, number> }).__throughlineRenderCounts?.clear(),
    );
    await addByKeyboard(page, null, '2');
    await expect.poll(() => card(page, fresh).getByTestId('card-status').textContent()).toContain('2');
    // A check-in re-renders its own card only (a new CheckinIndex leaves the other cards' selectors equal).
    expect(await counts()).toEqual([fresh]);
    // One number is no line yet: the sparkline starts with the second.
    expect(await card(page, fresh).getByTestId('card-sparkline').count()).toBe(0);
    expect(await card(page, fresh).getAttribute('data-stale')).toBeNull();

    await expect.poll(() => card(page, metric).getAttribute('data-stale')).toBe('2026-10-19');
    expect(await card(page, metric).getByTestId('card-stale').textContent()).toContain(
      'last value 2026-10-19',
    );
    expect(await card(page, metric).getAttribute('class')).toContain('is-stale');

    await page.getByTestId('toggle-filters').click();
    const toggle = page.getByTestId('filter-stale');
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.isChecked()).toBe(true);
    const flowNode = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
    await expect.poll(() => flowNode(fresh).getAttribute('class')).toContain('is-filtered-out');
    await expect.poll(() => flowNode(goal).getAttribute('class')).toContain('is-filtered-out');
    expect(await flowNode(metric).getAttribute('class')).not.toContain('is-filtered-out');
    await select(page, metric);
    await shoot(page, 'checkins-en-1280x800.png');
    await section(page).scrollIntoViewIfNeeded();
    await shoot(page, 'checkins-en-inspector-1280x800.png');
    await cardCloseUp(page, metric, 'Repeat purchase rate', 'checkins-en-card.png');
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => flowNode(fresh).getAttribute('class')).not.toContain('is-filtered-out');
  });

  it('has no serious accessibility violations in the inspector with the check-ins open', async () => {
    await select(page, metric);
    await rows(page).first().locator('[data-action="correct"]').click();
    await page.getByTestId('checkin-edit').waitFor();
    expect(await axeViolations(page, '[data-testid="inspector"]')).toEqual([]);
    await page.keyboard.press('Escape');
    // The card with its sparkline and stale state too.
    expect(await axeViolations(page, `.react-flow__node[data-id="${metric}"]`)).toEqual([]);
  });

  it('speaks Chinese: the section, the messages, the card and the filter', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    try {
      await select(page, metric);
      await expect.poll(() => section(page).locator('h3').textContent()).toBe('数值记录');
      await expect
        .poll(() => card(page, metric).getByTestId('card-stale').textContent())
        .toContain('最近数值 2026-10-19');
      expect(await page.getByTestId('current-from-checkin').textContent()).toContain(
        '来自 2026-10-19 的数值记录',
      );
      await addByKeyboard(page, '2026年10月26日', '不是数');
      await expect
        .poll(() => addForm(page).locator('[data-error-for="value"]').textContent())
        .toMatch(/不是数字，未保存/);
      // Full-width digits from a Chinese input method are read as numbers.
      await inAdd(page, 'value').focus();
      await retype(page, '１７');
      await page.keyboard.press('Enter');
      await expect.poll(() => shownValues(page)).toEqual(['17%', '16%', '14%', '12%']);
      expect(await rows(page).first().getByTestId('checkin-by').textContent()).toBe('由 Lin Wei 录入');
      await expect.poll(() => card(page, metric).getAttribute('data-stale')).toBe('2026-10-26');
      await expect.poll(() => sparkPoints(page, metric)).toBe('4');
      expect(await page.getByTestId('filter-bar').textContent()).toContain('只看数值过期的指标');
      expect(await axeViolations(page, '[data-testid="inspector"]')).toEqual([]);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await fitView(page);
      await shoot(page, 'checkins-zh-1920x1080.png');
      await section(page).scrollIntoViewIfNeeded();
      await shoot(page, 'checkins-zh-inspector-1920x1080.png');
      await cardCloseUp(page, metric, 'Repeat purchase rate', 'checkins-zh-card.png');
    } finally {
      await page.getByTestId('language').selectOption('en');
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
