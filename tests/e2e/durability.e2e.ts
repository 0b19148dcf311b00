import type { Page } from 'playwright-core';
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
});
