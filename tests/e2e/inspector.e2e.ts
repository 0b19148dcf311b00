import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { addNode, dragLink, edgeCount, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';
import { callFrom, joinAddress, shareOnLoopback } from './room-participants';

/** One field of the inspector, by its key (title, owner, baseline, dueDate…). */
function field(page: Page, key: string): Locator {
  return page.locator(`[data-testid="inspector"] [data-field="${key}"]`);
}

/** The toolbar's Fit to screen (React Flow's own control has the same name), then the animation. */
async function fitView(page: Page): Promise<void> {
  await page
    .locator('.app__header')
    .getByRole('button', { name: /fit to screen|适应屏幕/i })
    .click();
  await page.waitForTimeout(300);
}

/** Where a node is clicked: near its top-left corner, clear of the minimap in the bottom-right. */
const NODE_SPOT = { x: 16, y: 12 };

/** Clicks a node on the canvas and waits for the inspector to show it. */
async function select(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="plan-node"][data-node-id="${id}"]`).click({ position: NODE_SPOT });
  await page.waitForSelector(`[data-testid="inspector"][data-node-id="${id}"]`);
}

/** Types a value into a text or number field and presses Enter, as a user does. */
async function type(page: Page, key: string, value: string): Promise<void> {
  await field(page, key).fill(value);
  await field(page, key).press('Enter');
}

/** The message shown next to a field, through its aria-describedby. */
async function messageOf(page: Page, key: string): Promise<string | null> {
  const input = field(page, key);
  const describedBy = await input.getAttribute('aria-describedby');
  if (!describedBy) return null;
  return page.evaluate((id) => document.getElementById(id)?.textContent ?? null, describedBy);
}

const progress = (page: Page) => page.getByTestId('metric-progress');

describe('the inspector, end to end in Chromium', () => {
  let app: ServedApp;
  let page: Page;
  let goal = '';
  let mechanism = '';
  let metric = '';

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await page.getByTestId('new-map').click();
    await page.waitForSelector('[data-testid="map-row"]');
    goal = await addNode(page, 'goal', 'Raise order conversion');
    mechanism = await addNode(page, 'mechanism', 'Clear coupon and shipping hints');
    metric = await addNode(page, 'metric', 'Payment-page conversion');
    await fitView(page);
    await dragLink(page, goal, mechanism);
    await dragLink(page, mechanism, metric);
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__edge').length === 2);
    await waitSaved(page);
  });

  afterAll(() => closeServed(app, page));

  it('says when no node or several nodes are selected', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await expect.poll(() => page.getByTestId('inspector-empty').textContent()).toMatch(/select a node/i);
    await page.locator(`[data-testid="plan-node"][data-node-id="${goal}"]`).click({ position: NODE_SPOT });
    await page
      .locator(`[data-testid="plan-node"][data-node-id="${metric}"]`)
      .click({ position: NODE_SPOT, modifiers: ['Control'] });
    await expect
      .poll(() => page.getByTestId('inspector-empty').textContent())
      .toMatch(/2 nodes are selected/);
    expect(await page.locator('[data-testid="inspector"] [data-field]').count()).toBe(0);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await expect.poll(() => page.getByTestId('inspector-empty').textContent()).toMatch(/select a node/i);
  });

  it('shows a metric’s progress and status from the values typed, and saves each edit once', async () => {
    await select(page, metric);
    expect(await page.getByTestId('inspector').getAttribute('data-kind')).toBe('metric');
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('unknown');

    await type(page, 'unit', '%');
    await type(page, 'baseline', '61');
    await type(page, 'target', '70');
    await type(page, 'current', '65');
    // No due date: nothing to be late against, so it says so rather than guess from 44 %.
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('no-due-date');
    expect(await page.getByTestId('metric-status').textContent()).toMatch(/no due date/i);
    await type(page, 'dueDate', '2099-12-31');
    // 4 of 9 points: 44 % of the way, a due date but no start: at risk.
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('at-risk');
    expect(await page.getByTestId('metric-status').textContent()).toMatch(/at risk/i);
    expect(await page.getByTestId('progress-summary').textContent()).toMatch(/65%.*44%/);
    expect(await progress(page).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('44');

    await type(page, 'current', '68');
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('on-track');
    expect(await page.getByTestId('metric-status').textContent()).toMatch(/on track/i);
    // Overshooting is achieved; the bar is clamped, the words give the real share.
    await type(page, 'current', '79');
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('achieved');
    expect(await progress(page).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('progress-summary').textContent()).toMatch(/200%/);
    await waitSaved(page);

    // Keystrokes change nothing until Enter (or leaving the field): one edit, one change.
    await field(page, 'current').fill('');
    await field(page, 'current').pressSequentially('68');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    expect(await progress(page).getAttribute('data-status')).toBe('achieved');
    await field(page, 'current').press('Enter');
    await expect.poll(() => progress(page).getAttribute('data-status')).toBe('on-track');
    await waitSaved(page);
  });

  it('refuses text in a number field with a clear message and saves nothing', async () => {
    await select(page, metric);
    await field(page, 'baseline').fill('abc');
    await field(page, 'baseline').press('Enter');
    await expect.poll(() => messageOf(page, 'baseline')).toMatch(/not a number/i);
    expect(await field(page, 'baseline').getAttribute('aria-invalid')).toBe('true');
    // Leaving the field does not save it either.
    await field(page, 'target').focus();
    expect(await field(page, 'baseline').inputValue()).toBe('abc');
    expect(await page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    expect(await progress(page).getAttribute('data-status')).toBe('on-track');

    // Escape puts the saved value back and clears the message.
    await field(page, 'baseline').press('Escape');
    expect(await field(page, 'baseline').inputValue()).toBe('61');
    expect(await field(page, 'baseline').getAttribute('aria-invalid')).toBeNull();
    await field(page, 'baseline').fill('abc');
    await field(page, 'baseline').press('Enter');
    await expect.poll(() => messageOf(page, 'baseline')).toMatch(/not a number/i);
  });

  it('refuses an impossible date with a clear message and saves nothing', async () => {
    await select(page, metric);
    // Typed into the date input segment by segment (en-US: month, day, year): 31 February.
    await field(page, 'dueDate').click();
    await page.keyboard.type('02312027');
    await field(page, 'dueDate').press('Enter');
    await expect.poll(() => messageOf(page, 'dueDate')).toMatch(/not a valid date/i);
    expect(await field(page, 'dueDate').getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
  });

  it('does not commit on Enter while an input method is composing', async () => {
    await select(page, metric);
    await field(page, 'source').fill('数据');
    await field(page, 'source').dispatchEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true });
    await page.waitForTimeout(200);
    expect(await page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await field(page, 'source').press('Escape');
    expect(await field(page, 'source').inputValue()).toBe('');
  });

  it('clears the "no owner" finding once an owner is set', async () => {
    const noOwner = (id: string) =>
      page.locator(`[data-testid="finding"][data-code="node-without-owner"][data-node-id="${id}"]`).count();
    // Owner notes are folded under "Notes" until opened.
    const notes = page.locator('[data-testid="finding-group"][data-group="notes"]');
    expect(await noOwner(metric)).toBe(0);
    await notes.getByTestId('finding-group-toggle').click();
    expect(await noOwner(metric)).toBe(1);
    await select(page, metric);
    await type(page, 'owner', 'Head of payments');
    await expect.poll(() => noOwner(metric)).toBe(0);
    expect(await page.locator(`[data-testid="plan-node"][data-node-id="${metric}"]`).textContent()).toContain(
      'Head of payments',
    );
    await waitSaved(page);
  });

  it('saves a valid value still being typed when the user clicks another node', async () => {
    await select(page, goal);
    await field(page, 'owner').fill('Chief operating officer');
    await select(page, mechanism);
    await select(page, goal);
    expect(await field(page, 'owner').inputValue()).toBe('Chief operating officer');
  });

  it('shows a mechanism’s function as a chip and a goal’s health from its metrics', async () => {
    await select(page, mechanism);
    // A new mechanism's function starts unset (issue 13).
    expect(await page.getByTestId('function-chip').textContent()).toMatch(/not set/i);
    await field(page, 'function').selectOption('marketing');
    await expect.poll(() => page.getByTestId('function-chip').textContent()).toMatch(/marketing/i);
    await type(page, 'startDate', '2026-01-01');
    // A due date before the start date is refused, with the start date named.
    await field(page, 'dueDate').fill('2025-12-31');
    await field(page, 'dueDate').press('Enter');
    await expect.poll(() => messageOf(page, 'dueDate')).toMatch(/before the start date \(Jan 1, 2026\)/);
    await field(page, 'dueDate').press('Escape');
    // The metric's due date again (the impossible date typed above left the field empty): with
    // none, its status would be "no due date" and so would the goal's.
    await select(page, metric);
    await type(page, 'dueDate', '2099-12-31');

    await select(page, goal);
    const health = page.getByTestId('goal-health');
    await expect.poll(() => health.getAttribute('data-metrics')).toBe('1');
    expect(await health.getAttribute('data-status')).toBe('on-track');
    expect(await page.getByTestId('goal-status').textContent()).toMatch(/on track/i);
    await field(page, 'priority').selectOption('high');
    await type(page, 'horizon', 'FY2027');
    await waitSaved(page);
  });

  it('links two nodes that already exist, and removes a link, from the inspector by keyboard', async () => {
    const second = await addNode(page, 'mechanism', 'Member benefits');
    await waitSaved(page);
    await select(page, goal);
    const links = page.getByTestId('inspector-links');
    await expect
      .poll(() => links.getByTestId('links-out').textContent())
      .toContain('Clear coupon and shipping hints');
    const target = page.getByTestId('link-target');
    // What the kinds allow and is not linked yet: not the goal itself, not its linked mechanism.
    expect((await target.locator('option').allTextContents()).slice(1).sort()).toEqual([
      'Mechanism: Member benefits',
      'Metric: Payment-page conversion',
    ]);
    await target.focus();
    await target.selectOption({ label: 'Mechanism: Member benefits' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => edgeCount(page)).toBe(3);
    // The Link button is disabled once used: focus goes back to the list of nodes, not the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('link-target');
    await expect.poll(() => links.getByTestId('links-out').textContent()).toContain('Member benefits');

    // A link that would close a loop is refused, with the reason, and nothing changes.
    await select(page, mechanism);
    await page.getByTestId('link-target').selectOption({ label: 'Mechanism: Member benefits' });
    await page.getByTestId('link-add').click();
    await expect.poll(() => edgeCount(page)).toBe(4);
    await select(page, second);
    await page
      .getByTestId('link-target')
      .selectOption({ label: 'Mechanism: Clear coupon and shipping hints' });
    await page.getByTestId('link-add').click();
    await expect.poll(() => page.getByTestId('link-refusal').textContent()).toMatch(/would make a loop/);
    expect(await edgeCount(page)).toBe(4);

    // Removing: the × of a link, from either end.
    await page
      .getByRole('button', { name: 'Remove the link from “Clear coupon and shipping hints”' })
      .click();
    await expect.poll(() => edgeCount(page)).toBe(3);
    await select(page, goal);
    await page.getByRole('button', { name: 'Remove the link to “Member benefits”' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => edgeCount(page)).toBe(2);
    // Its button went with it: focus is on the next one, not on the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Remove the link to “Clear coupon and shipping hints”');
    await page.keyboard.press('Control+z');
    await expect.poll(() => edgeCount(page)).toBe(3);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => edgeCount(page)).toBe(2);
    await waitSaved(page);
  });

  it('has no serious or critical accessibility violations in the inspector', async () => {
    for (const id of [metric, mechanism, goal]) {
      await select(page, id);
      // Show a validation message too, so it is checked as well.
      if (id === metric) {
        await field(page, 'target').fill('lots');
        await field(page, 'target').press('Enter');
        await expect.poll(() => messageOf(page, 'target')).toMatch(/not a number/i);
      }
      const violations = await axeViolations(page, '[data-testid="inspector"]');
      expect(violations, `${id}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      if (id === metric) await field(page, 'target').press('Escape');
    }
  });

  it('shows every field disabled to a view-only participant, with the values the room has', async () => {
    await waitSaved(page);
    const share = await shareOnLoopback(page);
    const viewer = await joinAddress(share.viewUrl, {
      viewport: { width: 1440, height: 900 },
      name: 'Observer',
    });
    try {
      await viewer.getByTestId('read-only-banner').waitFor();
      await viewer.waitForSelector(`[data-testid="plan-node"][data-node-id="${metric}"]`);
      await fitView(viewer);
      await select(viewer, metric);
      await viewer.getByTestId('inspector-read-only').waitFor();
      const fields = viewer.locator('[data-testid="inspector"] [data-field]');
      expect(await fields.count()).toBeGreaterThan(5);
      for (const f of await fields.all()) expect(await f.isDisabled()).toBe(true);
      expect(await field(viewer, 'current').inputValue()).toBe('68');
    } finally {
      await viewer.context().close();
      await callFrom(page, 'stopSharing');
    }
  });

  it('keeps every valid value across a reload, and none of the refused ones', async () => {
    await waitSaved(page);
    await page.reload();
    await page.waitForSelector(`[data-testid="plan-node"][data-node-id="${metric}"]`);
    await select(page, metric);
    expect(await field(page, 'unit').inputValue()).toBe('%');
    expect(await field(page, 'baseline').inputValue()).toBe('61');
    expect(await field(page, 'target').inputValue()).toBe('70');
    expect(await field(page, 'current').inputValue()).toBe('68');
    expect(await field(page, 'dueDate').inputValue()).toBe('2099-12-31');
    expect(await field(page, 'source').inputValue()).toBe('');
    expect(await field(page, 'owner').inputValue()).toBe('Head of payments');
    expect(await progress(page).getAttribute('data-status')).toBe('on-track');

    await select(page, mechanism);
    expect(await field(page, 'function').inputValue()).toBe('marketing');
    expect(await field(page, 'startDate').inputValue()).toBe('2026-01-01');
    expect(await field(page, 'dueDate').inputValue()).toBe('');

    await select(page, goal);
    expect(await field(page, 'priority').inputValue()).toBe('high');
    expect(await field(page, 'horizon').inputValue()).toBe('FY2027');
    expect(await field(page, 'owner').inputValue()).toBe('Chief operating officer');
  });
});
