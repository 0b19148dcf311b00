import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { newMapFromTemplate } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

/**
 * What has the keyboard focus, in words a failure can be read by: the body, the canvas, or a
 * control with its accessible name (and the map its row belongs to).
 */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    if (element.dataset.testid === 'canvas') return 'canvas';
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
    // A map row names its map; its delete confirmation names it in the question.
    const item = element.closest('.map-row');
    const row =
      item?.querySelector('.map-row__name')?.textContent ??
      /“(.*)”/.exec(item?.querySelector('.map-row__confirm')?.textContent ?? '')?.[1];
    const where = row ? ` in ${row}` : element.dataset.testid ? ` #${element.dataset.testid}` : '';
    return `${element.tagName.toLowerCase()} "${name}"${where}`;
  });
}

describe('Focus follows the keyboard through the map list and the dialogs, never falling to the body', () => {
  let app: ServedApp;
  let page: Page;

  const rows = () => page.locator('[data-testid="map-row"]');
  const row = (name: string) => page.locator('[data-testid="map-row"]', { hasText: name });
  const confirm = () => page.getByTestId('confirm-delete');
  const names = () => page.locator('[data-testid="map-row"] .map-row__name').allTextContents();
  const deleteButton = (name: string) => row(name).getByRole('button', { name: `Delete: ${name}` });

  /** Starts the delete of a map the way a keyboard user does: its 🗑 focused, then Enter. */
  async function askToDelete(name: string): Promise<Locator> {
    await deleteButton(name).focus();
    await page.keyboard.press('Enter');
    await confirm().waitFor();
    return confirm();
  }

  /** A new blank map, renamed with the keyboard from its rename button. */
  async function newNamedMap(name: string): Promise<void> {
    const before = await rows().count();
    await page.getByTestId('new-map').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="map-row"]').length === n,
      before + 1,
      { timeout: 30_000 },
    );
    // The new map is the open one.
    const renameButton = page.locator('[data-testid="map-row"].is-open').getByRole('button', {
      name: /^Rename: /,
    });
    await renameButton.focus();
    await page.keyboard.press('Enter');
    const field = page.getByRole('textbox', { name: 'Map name' });
    await field.waitFor();
    await field.fill(name);
    await page.keyboard.press('Enter');
    await row(name).waitFor();
  }

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await page.getByTestId('new-map').waitFor();
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta']) await newNamedMap(name);
  });

  afterAll(() => closeServed(app, page));

  it('gives focus back to the rename button after a rename typed with the keyboard', async () => {
    const renameButton = row('Bravo').getByRole('button', { name: 'Rename: Bravo' });
    await renameButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Map name' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('button "Rename: Bravo" in Bravo');
  });

  it('opens the delete confirmation with focus on Keep, and Escape cancels back to the 🗑 button', async () => {
    const asking = await askToDelete('Bravo');
    expect(await asking.textContent()).toContain('Delete “Bravo”?');
    await expect.poll(() => focused(page)).toBe('button "Keep" in Bravo');
    expect(await axeViolations(page, '[data-testid="map-list"]')).toEqual([]);

    // Shift+Tab and Tab move between its two choices, and it stays open.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button "Delete" in Bravo');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button "Keep" in Bravo');
    expect(await confirm().count()).toBe(1);

    await page.keyboard.press('Escape');
    await expect.poll(() => confirm().count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('button "Delete: Bravo" in Bravo');
    expect(await names()).toContain('Bravo');
  });

  it('Keep also gives focus back to the 🗑 button, and Tab out of the confirmation closes it', async () => {
    await askToDelete('Bravo');
    await page.keyboard.press('Enter'); // on Keep
    await expect.poll(() => confirm().count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('button "Delete: Bravo" in Bravo');

    await askToDelete('Bravo');
    await page.keyboard.press('Tab');
    await expect.poll(() => confirm().count()).toBe(0);
    // Focus went on to whatever follows, and it is not the body.
    expect(await focused(page)).not.toBe('body');
    expect(await names()).toContain('Bravo');
  });

  it('closes an open confirmation when another map is renamed or another delete is started', async () => {
    await askToDelete('Bravo');
    await row('Charlie').getByRole('button', { name: 'Rename: Charlie' }).click();
    const field = page.getByRole('textbox', { name: 'Map name' });
    await field.waitFor();
    expect(await confirm().count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => field.count()).toBe(0);

    await askToDelete('Bravo');
    await deleteButton('Charlie').click();
    await expect.poll(() => confirm().textContent()).toContain('Delete “Charlie”?');
    expect(await confirm().count()).toBe(1);
    await expect.poll(() => focused(page)).toBe('button "Keep" in Charlie');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm().count()).toBe(0);
  });

  it('after a confirmed delete puts focus on the next map, then the previous, then New map', async () => {
    const order = await names();
    const middle = order[1] ?? '';
    const next = order[2] ?? '';
    await askToDelete(middle);
    await page.keyboard.press('Shift+Tab'); // from Keep to Delete
    // The first try fails (a full disk, say): the map stays and Delete may be pressed again.
    await page.route(
      '**/api/deleteMap',
      (route) =>
        void route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            ok: false,
            error: { code: 'storage-failed', message: 'The disk is full.' },
          }),
        }),
      { times: 1 },
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('notice').last().textContent()).toContain('The disk is full.');
    // The map is still there, its confirmation still open with focus on Delete.
    expect(await confirm().textContent()).toContain(middle);
    await page.keyboard.press('Enter');
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(order.length - 1);
    expect(await names()).not.toContain(middle);
    await expect.poll(() => focused(page)).toMatch(new RegExp(`^button ".*" in ${next}$`));

    // The last row has no next one: focus goes to the row before it.
    let left = await names();
    const last = left.at(-1) ?? '';
    const before = left.at(-2) ?? '';
    await askToDelete(last);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(left.length - 1);
    await expect.poll(() => focused(page)).toMatch(new RegExp(`^button ".*" in ${before}$`));

    // With the mouse too, and once no map is left, focus is on New map.
    left = await names();
    for (const name of left) {
      await deleteButton(name).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect.poll(() => names(), { timeout: 30_000 }).not.toContain(name);
      await expect.poll(() => focused(page)).not.toBe('body');
    }
    expect(await rows().count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('button "+ New map" #new-map');
  });

  it('gives focus back to what had it when the shortcut sheet closes with Escape', async () => {
    await newNamedMap('Echo');
    await page.getByTestId('canvas').focus();
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('canvas');

    // F1 works from anywhere, e.g. a map row: focus returns there.
    await row('Echo').locator('.map-row__open').focus();
    await page.keyboard.press('F1');
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatch(/^button ".*" in Echo$/);
  });

  it('puts focus on the canvas of the new map after creating one from a template', async () => {
    const before = await rows().count();
    await page.getByTestId('new-from-template').focus();
    await page.keyboard.press('Enter');
    const picker = page.getByTestId('template-picker');
    await picker.waitFor();
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(before + 1);
    await expect.poll(() => focused(page)).toBe('canvas');

    // With the mouse, the same.
    await newMapFromTemplate(page, 'okrs');
    await expect.poll(() => focused(page)).toBe('canvas');
  });

  it("puts focus on the new map's canvas after Ctrl+N, even when a node of the old map had it", async () => {
    await page.locator('.react-flow__node').first().click();
    const before = await rows().count();
    await page.keyboard.press('Control+n');
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(before + 1);
    await expect.poll(() => focused(page)).toBe('canvas');
  });
});
