import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

const node = (page: Page, title: string) => page.locator('.react-flow__node', { hasText: title });
const classOf = async (page: Page, title: string) => (await node(page, title).getAttribute('class')) ?? '';
const nodeCount = (page: Page) => page.locator('[data-testid="plan-node"]').count();

/** Types a chain with the keyboard: a goal, then each further title as the next kind with Tab. */
async function chain(page: Page, titles: string[]) {
  await page.getByTestId('add-goal').click();
  for (const [i, title] of titles.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(title);
  }
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

describe('Reading the map: goal focus, filters, theme and presentation', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await page.getByTestId('new-map').click();
    await chain(page, ['Raise order conversion', 'Coupon hints', 'Payment conversion']);
    await chain(page, ['Build brand awareness', 'Livestream campaign']);
    await page.keyboard.press('f');
    await waitSaved(page);
  });

  afterAll(() => closeServed(app, page));

  it('selecting a goal keeps its execution path in focus and dims the rest', async () => {
    await node(page, 'Raise order conversion').click();
    await expect.poll(() => classOf(page, 'Livestream campaign')).toContain('is-dimmed');
    expect(await classOf(page, 'Coupon hints')).toContain('is-in-focus');
    expect(await classOf(page, 'Payment conversion')).toContain('is-in-focus');
    expect(await page.locator('.react-flow__edge.is-in-focus').count()).toBe(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => classOf(page, 'Livestream campaign')).not.toContain('is-dimmed');
  });

  it('filters: flagged only and mechanisms by function', async () => {
    await page.getByTestId('toggle-filters').click();
    await page.getByTestId('filter-function-marketing').click();
    // A new mechanism's function is unset: no node is marketing, all are left out.
    await expect.poll(() => page.locator('.react-flow__node.is-filtered-out').count()).toBe(5);
    await page.getByTestId('filter-function-marketing').click();
    // Set on the card itself, then filtered by it.
    await node(page, 'Coupon hints').locator('.plan-node__function-select').selectOption('operations');
    await page.getByTestId('filter-function-operations').click();
    await expect.poll(() => classOf(page, 'Coupon hints')).not.toContain('is-filtered-out');
    expect(await classOf(page, 'Raise order conversion')).toContain('is-filtered-out');
    await page.getByTestId('filter-function-operations').click();
    await page.getByTestId('filter-flagged').check();
    // The measured chain's goal has findings (no owner) too; nothing unflagged is on this map.
    await expect.poll(() => page.locator('.react-flow__node.is-filtered-out').count()).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('toggle-filters').click();
    await expect.poll(() => page.getByTestId('filter-bar').count()).toBe(0);
  });

  it('switches to the dark theme and remembers it, and remembers snap to grid', async () => {
    await page.getByTestId('theme').selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(21, 24, 29)');
    await page.getByTestId('snap-toggle').click();
    expect(await page.getByTestId('snap-toggle').getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByTestId('snap-toggle').getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('theme').selectOption('system');
    await page.getByTestId('snap-toggle').click();
    await expect.poll(() => nodeCount(page)).toBe(5);
  });

  it('presents goal by goal with the path in focus and the findings, and edits nothing', async () => {
    await page.getByTestId('start-presentation').click();
    const overlay = page.getByTestId('presentation');
    await overlay.waitFor();
    expect(await page.locator('.app').getAttribute('class')).toContain('app--presenting');
    expect(await page.locator('.app__header').isVisible()).toBe(false);
    expect(await page.getByTestId('presentation-step').textContent()).toBe('Goal 1 of 2');
    expect(await page.getByTestId('presentation-verdict').textContent()).toContain('Has an execution path');
    await expect.poll(() => classOf(page, 'Livestream campaign')).toContain('is-dimmed');

    await page.keyboard.press('PageDown');
    await expect.poll(() => page.getByTestId('presentation-step').textContent()).toBe('Goal 2 of 2');
    expect(await page.getByTestId('presentation-verdict').textContent()).toContain('No execution path');
    expect(await overlay.textContent()).toContain('"Build brand awareness" has no execution path');
    await page.keyboard.press('ArrowRight'); // stays on the last goal
    expect(await page.getByTestId('presentation-step').textContent()).toBe('Goal 2 of 2');

    // No key edits the map while presenting.
    await page.keyboard.press('Delete');
    await page.keyboard.press('Tab');
    await page.keyboard.press('x');
    expect(await nodeCount(page)).toBe(5);

    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count()).toBe(0);
    expect(await page.locator('.app__header').isVisible()).toBe(true);
  });
});
