import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASKED_KEY, NAME_KEY } from '../../renderer/src/room/presence-store';
import { serializeInterchange } from '../../shared/interchange';
import type { Checkin, MapLink, MapNode } from '../../shared/model';
import { dateOfDay } from '../../shared/model/checkin-cadence';
import { localToday } from '../../shared/model/local-today';
import { dayNumber } from '../../shared/model/metric-progress';
import { axeViolations } from './axe';
import { waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';
import { callFrom, joinAddress, shareOnLoopback } from './room-participants';

// Issue 17: "Update the numbers": a quarter's numbers entered by keyboard, saved as one undo step.

const today = localToday();
const daysAgo = (n: number) => dateOfDay((dayNumber(today) as number) - n);

const metric = (
  id: string,
  title: string,
  owner: string,
  unit: string,
  cadence: 'weekly' | 'monthly' | 'quarterly' | null,
  target: number,
  current: number | null = null,
  y = 0,
): MapNode => ({
  id,
  kind: 'metric',
  title,
  description: '',
  owner,
  position: { x: 700, y },
  unit,
  direction: 'higher',
  baseline: null,
  target,
  current,
  dueDate: null,
  cadence,
  source: '',
});

const NODES: MapNode[] = [
  {
    id: 'g1',
    kind: 'goal',
    title: 'Grow repeat purchases',
    description: '',
    owner: 'Mei',
    position: { x: 0, y: 0 },
    horizon: '',
    priority: null,
    status: 'active',
  },
  {
    id: 'm1',
    kind: 'mechanism',
    title: 'Member programme',
    description: '',
    owner: 'Jonas',
    position: { x: 350, y: 0 },
    function: null,
    startDate: null,
    dueDate: null,
    status: 'running',
  },
  metric('k1', 'Repeat purchase rate', 'Jonas', '%', 'weekly', 40, null, 0),
  metric('k2', 'Average order value', 'Mei', '¥', 'monthly', 180, null, 140),
  metric('k3', 'Active members', 'Jonas', 'members', 'weekly', 5000, null, 280),
  metric('k4', 'Churned members', 'Mei', 'members', 'quarterly', 100, null, 420),
  metric('k5', 'Net promoter score', '', '', null, 50, 30, 560),
  metric('k6', 'Refund rate', 'Mei', '%', 'weekly', 2, null, 700),
];
const LINKS: MapLink[] = [
  { id: 'l0', source: 'g1', target: 'm1' },
  ...['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map((k, i) => ({ id: `l${i + 1}`, source: 'm1', target: k })),
];
const checkin = (metricId: string, date: string, value: number): Checkin => ({
  id: `c_${metricId}`,
  metric: metricId,
  date,
  value,
  confidence: null,
  note: '',
  by: 'Mei',
});
const CHECKINS: Checkin[] = [
  checkin('k1', daysAgo(40), 31), // weekly, 33 days overdue: stale
  checkin('k2', daysAgo(32), 172), // monthly, a day or two past: due
  checkin('k3', daysAgo(2), 4200), // weekly, two days ago: up to date
  checkin('k6', daysAgo(12), 3), // weekly, 5 days overdue: stale
];
/** Owed first: stale by days overdue, due, never reported, up to date, no cadence. */
const ORDER = ['k1', 'k6', 'k2', 'k4', 'k3', 'k5'];

const dialog = (page: Page) => page.getByTestId('update-numbers');
const rowIds = (page: Page) =>
  page
    .locator('[data-testid="number-row"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-metric-id')));
const focusedMetric = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') === 'number-input'
      ? el.getAttribute('data-metric-id')
      : el?.getAttribute('data-testid');
  });
/** What the metric's card says of it (its status chip's sentence: the current value and target). */
const cardSays = (page: Page, id: string) =>
  page
    .locator(`[data-testid="plan-node"][data-node-id="${id}"] [data-testid="card-status"]`)
    .getAttribute('title');
const shotsDir = process.env.UPDATE_NUMBERS_SHOTS;

describe('Update the numbers: every metric’s value for the period by keyboard, one undo step', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app, { width: 1280, height: 800 });
    // The name this window gives the room, remembered from an earlier visit: who enters the numbers.
    await page.evaluate(
      ([key, asked]) => {
        localStorage.setItem(key, 'Mei Lin');
        localStorage.setItem(asked, 'true');
      },
      [NAME_KEY, ASKED_KEY] as const,
    );
    await page.reload();
    await page.getByTestId('new-from-template').waitFor();
    const file = join(app.dir, 'numbers.json');
    writeFileSync(
      file,
      serializeInterchange('Member numbers', { nodes: NODES, links: LINKS, checkins: CHECKINS }),
    );
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-import-json').click();
    await (await chooser).setFiles(file);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="plan-node"]').length === 8,
      null,
      {
        timeout: 15_000,
      },
    );
    await waitSaved(page);
  });

  afterAll(() => closeServed(app, page));

  it('lists owed numbers first, enters four values by keyboard, saves them, and one Ctrl+Z takes all back', async () => {
    expect(await cardSays(page, 'k1')).toContain('31%');
    const entry = page.getByTestId('update-numbers-entry');
    expect(await entry.textContent()).toContain('4 metrics owe a number');
    if (shotsDir) await page.screenshot({ path: join(shotsDir, 'main-1280x800.png') });
    await page.keyboard.press('Control+Shift+M');
    await dialog(page).waitFor();
    expect(await rowIds(page)).toEqual(ORDER);
    expect(
      await page
        .locator('[data-testid="number-row"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state'))),
    ).toEqual(['stale', 'stale', 'due', 'never', 'fresh', 'no-cadence']);
    const k1 = page.locator('[data-testid="number-row"][data-metric-id="k1"]');
    expect(await k1.getByTestId('number-state').textContent()).toMatch(/Stale\s*33 days overdue/);
    expect(await k1.getByTestId('number-last').textContent()).toContain('31%');
    expect(await page.getByTestId('update-numbers-date').inputValue()).toBe(today);
    await expect.poll(() => focusedMetric(page)).toBe('k1');
    expect(await page.getByRole('textbox', { name: 'New value for Repeat purchase rate' }).count()).toBe(1);

    await page.keyboard.type('36');
    await page.keyboard.press('Enter');
    expect(await focusedMetric(page)).toBe('k6');
    // Not a number: the message is by the field, and Enter does not move on.
    await page.keyboard.type('abc');
    const k6 = page.locator('[data-testid="number-row"][data-metric-id="k6"]');
    expect(await k6.getByTestId('number-error').textContent()).toMatch(/not a number/i);
    expect(await k6.getByTestId('number-input').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page, '[data-testid="update-numbers"]')).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await focusedMetric(page)).toBe('k6');
    expect(await page.getByTestId('update-numbers-save').textContent()).toBe('Save 1 value');
    // Saving now saves nothing and says why; the focus stays on the field to fix.
    await page.keyboard.press('Control+Enter');
    expect(await page.getByTestId('update-numbers-status').textContent()).toBe(
      'Nothing saved: 1 field needs fixing (marked below).',
    );
    expect(await focusedMetric(page)).toBe('k6');
    expect(await cardSays(page, 'k1')).toContain('31%');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2.5');
    expect(await k6.getByTestId('number-error').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    expect(await focusedMetric(page)).toBe('k2');
    await page.keyboard.type('185');
    await page.keyboard.press('Enter');
    // Nothing for the quarterly metric this time: down past it; up and down again.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await focusedMetric(page)).toBe('k4');
    await page.keyboard.press('Enter');
    await page.keyboard.type('4,350');
    await page.keyboard.press('Enter');
    // The batch's date: a day that is not one refuses the save; a day before a metric's last
    // value says the value goes into its history only.
    const dateField = page.getByTestId('update-numbers-date');
    await dateField.fill('2026-02-30');
    expect(await page.locator('#update-numbers-date-error').textContent()).toMatch(/not a valid date/i);
    await page.getByTestId('update-numbers-save').click();
    expect(await page.getByTestId('update-numbers-status').textContent()).toMatch(/^Nothing saved/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('update-numbers-date');
    await dateField.fill(daysAgo(3));
    const k3 = page.locator('[data-testid="number-row"][data-metric-id="k3"]');
    expect(await k3.textContent()).toContain('Before the last value');
    await dateField.fill(today);
    expect(await k3.textContent()).not.toContain('Before the last value');
    await page.locator('[data-testid="number-input"][data-metric-id="k5"]').focus();
    await page.keyboard.press('Enter');
    expect(await focusedMetric(page)).toBe('update-numbers-save');
    expect(await page.getByTestId('update-numbers-save').textContent()).toBe('Save 4 values');
    if (shotsDir) await shoot(page, 'en');
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('.notice', { hasText: 'Saved 4 values' }).count())
      .toBeGreaterThan(0);

    await expect.poll(() => cardSays(page, 'k1')).toContain('36%');
    expect(await cardSays(page, 'k6')).toContain('2.5%');
    expect(await cardSays(page, 'k2')).toContain('¥185');
    expect(await cardSays(page, 'k3')).toContain('4,350 members');
    expect(await entry.textContent()).toContain('1 metric owes a number');
    await waitSaved(page);
    // Stored as check-ins dated today, entered by the name the room knows this window by.
    const maps = await callFrom<{ id: string }[]>(page, 'listMaps');
    const stored = await callFrom<{ checkins: Checkin[] }>(page, 'loadMap', { mapId: maps.value?.[0]?.id });
    const added = (stored.value?.checkins ?? []).filter((c) => c.date === today);
    expect(added.map((c) => [c.metric, c.value, c.by]).sort()).toEqual([
      ['k1', 36, 'Mei Lin'],
      ['k2', 185, 'Mei Lin'],
      ['k3', 4350, 'Mei Lin'],
      ['k6', 2.5, 'Mei Lin'],
    ]);
    expect(added.every((c) => /^c_[a-z0-9]{9}$/.test(c.id))).toBe(true);

    // One undo takes the whole batch back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => cardSays(page, 'k1')).toContain('31%');
    expect(await cardSays(page, 'k6')).toContain('3%');
    expect(await cardSays(page, 'k2')).toContain('¥172');
    expect(await cardSays(page, 'k3')).toContain('4,200 members');
    expect(await entry.textContent()).toContain('4 metrics owe a number');
    await waitSaved(page);
    // Opened again (a reload, as a participant joining), the map is whole with the batch undone.
    await page.reload();
    await page.waitForSelector('[data-testid="plan-node"][data-node-id="k1"]', { state: 'attached' });
    expect(await page.locator('[data-testid="plan-node"]').count()).toBe(8);
    await expect.poll(() => cardSays(page, 'k1')).toContain('31%');
  });

  it('Escape closes it, but not while an input method is composing', async () => {
    await page.keyboard.press('Control+Shift+M');
    await dialog(page).waitFor();
    await expect.poll(() => focusedMetric(page)).toBe('k1');
    await page.evaluate(() =>
      document.activeElement?.dispatchEvent(
        new CompositionEvent('compositionstart', { bubbles: true, data: '' }),
      ),
    );
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    expect(await dialog(page).count()).toBe(1);
    await page.evaluate(() =>
      document.activeElement?.dispatchEvent(
        new CompositionEvent('compositionend', { bubbles: true, data: '' }),
      ),
    );
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
  });

  it('works in Chinese: an owner’s metrics, full-width digits, saved and undone as one step', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    expect(await page.getByTestId('update-numbers-entry').textContent()).toContain('4 个指标待更新数值');
    await page.getByTestId('open-update-numbers').click();
    await page.getByRole('dialog', { name: '更新数值' }).waitFor();
    expect(await page.getByRole('columnheader', { name: '新数值' }).count()).toBe(1);
    expect(await page.getByTestId('number-state').first().textContent()).toMatch(/已过期\s*逾期 33 天/);
    await page.getByTestId('update-numbers-owner').selectOption('Jonas');
    expect(await rowIds(page)).toEqual(['k1', 'k3']);
    await page.getByTestId('update-numbers-owed').check();
    expect(await rowIds(page)).toEqual(['k1']);
    await page.getByTestId('update-numbers-owed').uncheck();
    await page.getByTestId('update-numbers-owner').selectOption('');
    expect(await rowIds(page)).toEqual(ORDER);

    await page.locator('[data-testid="number-input"][data-metric-id="k1"]').focus();
    await page.keyboard.insertText('３８');
    await page.keyboard.press('Enter');
    expect(await focusedMetric(page)).toBe('k6');
    await page.keyboard.type('x');
    expect(await page.getByTestId('number-error').textContent()).toContain('不是数字');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText('１.５');
    await page
      .locator('[data-testid="number-row"][data-metric-id="k6"] [data-testid="number-confidence"]')
      .selectOption('at-risk');
    expect(await page.getByTestId('update-numbers-save').textContent()).toBe('保存 2 个数值');
    expect(await axeViolations(page, '[data-testid="update-numbers"]')).toEqual([]);
    if (shotsDir) await shoot(page, 'zh-CN');
    await page.keyboard.press('Control+Enter');
    await dialog(page).waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('.notice', { hasText: '已保存 2 个数值' }).count())
      .toBeGreaterThan(0);
    await expect.poll(() => cardSays(page, 'k1')).toContain('38%');
    expect(await cardSays(page, 'k6')).toContain('1.5%');
    await waitSaved(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cardSays(page, 'k1')).toContain('31%');
    expect(await cardSays(page, 'k6')).toContain('3%');
    await waitSaved(page);
    await page.getByTestId('language').selectOption('en');
  });

  it('is read-only for a view-only participant: the numbers, no inputs, and a note saying so', async () => {
    const share = await shareOnLoopback(page);
    const viewer = await joinAddress(share.viewUrl, { name: 'Observer' });
    try {
      await viewer.getByTestId('read-only-banner').waitFor();
      await viewer.waitForSelector('[data-testid="plan-node"][data-node-id="k1"]', { state: 'attached' });
      await viewer.keyboard.press('Control+Shift+M');
      await dialog(viewer).waitFor();
      expect(await rowIds(viewer)).toEqual(ORDER);
      expect(await viewer.getByTestId('number-input').count()).toBe(0);
      expect(await viewer.getByTestId('update-numbers-save').count()).toBe(0);
      expect(await viewer.locator('#update-numbers-intro').textContent()).toMatch(/view only/i);
      expect(await axeViolations(viewer, '[data-testid="update-numbers"]')).toEqual([]);
      if (shotsDir) {
        await viewer.screenshot({ path: join(shotsDir, 'update-numbers-view-only-1280x800.png') });
      }
      await viewer.keyboard.press('Escape');
      await dialog(viewer).waitFor({ state: 'detached' });
    } finally {
      await viewer.context().close();
      await callFrom(page, 'stopSharing');
    }
  });

  it('takes a 30-metric map’s numbers by keyboard alone, saved as one step and undone as one', async () => {
    const nodes: MapNode[] = [
      { ...NODES[1], id: 'mm' } as MapNode,
      ...Array.from({ length: 30 }, (_, i) =>
        metric(
          `q${i + 1}`,
          `Quarterly metric ${String(i + 1).padStart(2, '0')}`,
          i % 2 ? 'Ann' : 'Bo',
          'pts',
          'quarterly',
          100,
          null,
          i * 120,
        ),
      ),
    ];
    const links = nodes.slice(1).map((n, i) => ({ id: `ql${i}`, source: 'mm', target: n.id }));
    const old = nodes.slice(1).map((n, i) => ({ ...checkin(n.id, daysAgo(100), i), id: `cq${i}` }));
    const file = join(app.dir, 'thirty.json');
    writeFileSync(file, serializeInterchange('Thirty metrics', { nodes, links, checkins: old }));
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-import-json').click();
    await (await chooser).setFiles(file);
    await expect
      .poll(() => page.locator('.toolbar__title').textContent(), { timeout: 15_000 })
      .toBe('Thirty metrics');
    await page.waitForSelector('[data-testid="plan-node"][data-node-id="q1"]', { state: 'attached' });
    await waitSaved(page);

    const started = Date.now();
    await page.keyboard.press('Control+Shift+M');
    await dialog(page).waitFor();
    await expect.poll(() => focusedMetric(page)).toBe('q1');
    for (let i = 1; i <= 30; i++) {
      await page.keyboard.type(String(500 + i));
      await page.keyboard.press('Enter');
    }
    expect(await focusedMetric(page)).toBe('update-numbers-save');
    expect(await page.getByTestId('update-numbers-save').textContent()).toBe('Save 30 values');
    if (shotsDir) await shoot(page, 'en-30');
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'detached' });
    console.log(`e2e: 30 values typed and saved by keyboard in ${Date.now() - started} ms`);
    for (const i of [1, 15, 30]) await expect.poll(() => cardSays(page, `q${i}`)).toContain(`${500 + i} pts`);
    await waitSaved(page);
    await page.keyboard.press('Control+z');
    for (const i of [1, 15, 30]) await expect.poll(() => cardSays(page, `q${i}`)).toContain(`${i - 1} pts`);
    await waitSaved(page);
  });
});

/** Screenshots of the view at the two widths, for a person to look at (UPDATE_NUMBERS_SHOTS=dir). */
async function shoot(page: Page, language: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(shotsDir, `update-numbers-${language}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
