import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeCount, goToNode, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

const nodeCount = (page: Page) => page.locator('[data-testid="plan-node"]').count();
const titles = (page: Page) => page.locator('.plan-node__title').allTextContents();
const selectedTitle = (page: Page) =>
  page.locator('.react-flow__node.selected .plan-node__title').textContent();
const hasPathError = async (page: Page) =>
  (await page.getByTestId('findings-panel').textContent())?.includes('has no execution path') ?? false;

/** Sends a keydown the way an IME does while a composition is in progress. */
function composingKey(page: Page, key: string) {
  return page.evaluate((k) => {
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, isComposing: true }),
    );
  }, key);
}

describe('Keyboard-first editing in Chromium', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await page.getByTestId('new-map').click();
  });

  afterAll(() => closeServed(app, page));

  it('builds a goal → mechanism → metric chain with Tab and typing alone, without losing a letter', async () => {
    await page.getByTestId('add-goal').click();
    await page.keyboard.type('Raise order conversion');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Coupon and shipping hints');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Payment-page conversion');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeCount(page)).toBe(3);
    expect((await titles(page)).sort()).toEqual([
      'Coupon and shipping hints',
      'Payment-page conversion',
      'Raise order conversion',
    ]);
    expect(await edgeCount(page)).toBe(2);
    await expect.poll(() => hasPathError(page)).toBe(false);
  });

  it('moves along links with the arrows, adds a sibling with Enter and renames by typing', async () => {
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => selectedTitle(page)).toBe('Coupon and shipping hints');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Member benefits');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeCount(page)).toBe(4);
    expect(await edgeCount(page)).toBe(3);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => selectedTitle(page)).toBe('Coupon and shipping hints');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Member rewards');
    await page.keyboard.press('Enter');
    await expect.poll(() => titles(page)).toContain('Member rewards');
    await page.keyboard.press('F2');
    await page.keyboard.press('Escape');
    await expect.poll(() => titles(page)).toContain('Member rewards');
  });

  it('treats no key as a shortcut during an IME composition', async () => {
    const before = await nodeCount(page);
    await composingKey(page, 'Enter');
    await composingKey(page, 'Tab');
    await composingKey(page, 'Delete');
    expect(await nodeCount(page)).toBe(before);
    // In the title field too: Enter that confirms a composition does not end the rename.
    await page.keyboard.press('F2');
    const field = page.locator('.plan-node__title-input');
    await field.waitFor();
    await composingKey(page, 'Enter');
    expect(await field.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => field.count()).toBe(0);
  });

  it('takes back a node added with Enter and left unnamed with Escape, and goes on from where it was', async () => {
    const before = await nodeCount(page);
    await page.keyboard.press('Enter');
    await page.locator('.plan-node__title-input').waitFor();
    await expect.poll(() => nodeCount(page)).toBe(before + 1);
    await page.keyboard.type('A stray');
    await page.keyboard.press('Escape');
    await expect.poll(() => nodeCount(page)).toBe(before);
    await expect.poll(() => selectedTitle(page)).toBe('Member rewards');
    expect(await titles(page)).not.toContain('A stray');
  });

  it('deletes with its links as one step, and undo / redo take whole actions back and forth', async () => {
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeCount(page)).toBe(3);
    expect(await edgeCount(page)).toBe(2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(page)).toBe(4);
    expect(await edgeCount(page)).toBe(3);
    await page.keyboard.press('Control+z'); // the rename to "Member rewards"
    await expect.poll(() => titles(page)).toContain('Member benefits');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => titles(page)).toContain('Member rewards');
    // A selection change does not end the redo branch.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+y');
    await expect.poll(() => titles(page)).toContain('Member rewards');
  });

  it('copies, pastes and duplicates the selection, and selects all', async () => {
    await page.keyboard.press('Escape');
    await goToNode(page, 'Payment-page conversion');
    await expect.poll(() => selectedTitle(page)).toBe('Payment-page conversion');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodeCount(page)).toBe(5);
    await page.keyboard.press('Control+d');
    await expect.poll(() => nodeCount(page)).toBe(6);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(page)).toBe(4);
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(4);
    await page.keyboard.press('Escape');
  });

  it('says why Shift+Tab adds nothing under a metric or a mechanism', async () => {
    await goToNode(page, 'Payment-page conversion');
    await expect.poll(() => selectedTitle(page)).toBe('Payment-page conversion');
    const before = await nodeCount(page);
    await page.keyboard.press('Shift+Tab');
    await expect
      .poll(() => page.getByTestId('notice').last().textContent())
      .toBe('Only a goal has sub-goals: select a goal and press Shift+Tab.');
    expect(await nodeCount(page)).toBe(before);
    await page.keyboard.press('Escape');
  });

  it('finds a node by title or owner with Ctrl+F and selects it', async () => {
    await page.keyboard.press('Control+f');
    const search = page.getByTestId('search-input');
    await search.waitFor();
    await search.fill('conversion');
    await expect.poll(() => page.getByTestId('search-status').textContent()).toBe('1 of 2');
    // Both matches are outlined as soon as they are typed, before Enter.
    const outlined = () =>
      page.locator('[data-testid="plan-node"][data-search-hit] .plan-node__title').allTextContents();
    await expect
      .poll(async () => (await outlined()).sort())
      .toEqual(['Payment-page conversion', 'Raise order conversion']);
    await search.press('Enter');
    await expect.poll(() => selectedTitle(page)).toBe('Raise order conversion');
    await search.press('Enter');
    await expect.poll(() => selectedTitle(page)).toBe('Payment-page conversion');
    await search.press('Escape');
    await expect.poll(() => search.count()).toBe(0);
    await expect.poll(outlined).toEqual([]);
  });

  it('shows the shortcut sheet with ? and closes it with Escape', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-sheet');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    expect(await sheet.textContent()).toContain('Add a linked child of the next kind');
    // Help ▸ About in the browser: the sheet names the version.
    expect(await page.getByTestId('about').textContent()).toMatch(/Throughline \d+\.\d+\.\d+/);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
  });

  it('keeps everything, undo included, across autosave and a reload', async () => {
    await waitSaved(page);
    await page.reload();
    await expect.poll(() => nodeCount(page)).toBe(4);
    expect((await titles(page)).sort()).toEqual([
      'Coupon and shipping hints',
      'Member rewards',
      'Payment-page conversion',
      'Raise order conversion',
    ]);
    expect(await edgeCount(page)).toBe(3);
    // The reloaded page gave the map back as it left, so the new one edits it at once.
    expect(await page.getByTestId('read-only-banner').count()).toBe(0);
    expect(await page.getByTestId('add-goal').isEnabled()).toBe(true);
  });
});
