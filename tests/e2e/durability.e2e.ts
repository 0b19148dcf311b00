import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNode, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

/**
 * "Every edit is persisted within 500 ms and on window close", in the real browser: an edit made
 * a moment before the window closes, well inside autosave's 250 ms debounce, is in the document
 * when the app is opened again, because leaving the page saves at once (flush-on-exit.ts).
 */
describe('an edit made just before the window closes', () => {
  let app: ServedApp;

  beforeAll(async () => {
    app = await serveApp();
  });

  afterAll(() => closeServed(app));

  const titles = (page: Page) => page.locator('.plan-node__title').allTextContents();

  it('is saved by the closing page and there when the app is opened again', async () => {
    const page = await openPage(app);
    await page.getByTestId('new-map').click();
    await addNode(page, 'goal', 'Draft title');
    await waitSaved(page);

    // Typing on the selected node renames it; the window closes right after, before autosave's timer.
    await page.keyboard.type('Said in the last second');
    await page.keyboard.press('Enter');
    await page.close({ runBeforeUnload: true });

    const again = await openPage(app);
    await expect.poll(() => titles(again), { timeout: 10_000 }).toEqual(['Said in the last second']);
    await again.context().close();
  });

  it('is kept by asking before leaving while it waits behind a save still in flight', async () => {
    const page = await openPage(app);
    await page.getByTestId('new-map').click();
    // The new map replaces the one the first test left, which this page opened first.
    await expect.poll(() => page.locator('[data-testid="plan-node"]').count()).toBe(0);
    await addNode(page, 'goal', 'Draft title');
    await waitSaved(page);

    // The next save is held on its way to the server, as on a slow disk; the edit after it waits
    // for its answer, which a closed page would never hear.
    const held: Route[] = [];
    let holding = true;
    await page.route('**/api/saveChanges', (route) => {
      if (holding) held.push(route);
      else void route.continue();
    });
    await page.keyboard.type('Second title');
    await page.keyboard.press('Enter');
    await expect.poll(() => held.length).toBe(1);
    await page.keyboard.type('Third title');
    await page.keyboard.press('Enter');

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss(); // "Stay on page"
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);

    holding = false;
    for (const route of held) await route.continue();
    await waitSaved(page);
    await page.close();

    const again = await openPage(app);
    await expect.poll(() => titles(again), { timeout: 10_000 }).toEqual(['Third title']);
    await again.context().close();
  });
});
