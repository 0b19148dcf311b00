import type { Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNode, waitSaved } from './canvas-actions';
import { closeServed, launchBrowser, openPage, type ServedApp, serveApp } from './harness';

/**
 * "Every edit is persisted within 500 ms and on window close", in the real browser: an edit made
 * a moment before the window closes is in the document when the app is opened again (the room
 * stores each change as it arrives), and a change the room has not confirmed makes the page ask
 * before it goes (leave-guard.ts).
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

  it('is kept by asking before leaving while the room has not confirmed it, and stored once it can be', async () => {
    // The page's room connection runs through a relay here that can hold what the page sends, as
    // a Wi-Fi that dropped would: the changes wait in the page, which says so.
    let holding = false;
    const held: (string | Buffer)[] = [];
    const relay: { toServer: (message: string | Buffer) => void } = { toServer: () => {} };
    const page = await openPageRouted(app, async (route) => {
      const server = route.connectToServer();
      relay.toServer = (message) => server.send(message);
      route.onMessage((message) => {
        if (holding) held.push(message);
        else server.send(message);
      });
    });
    await page.getByTestId('new-map').click();
    // The new map replaces the one the first test left, which this page opened first.
    await expect.poll(() => page.locator('[data-testid="plan-node"]').count()).toBe(0);
    await addNode(page, 'goal', 'Draft title');
    await waitSaved(page);

    holding = true;
    await page.keyboard.type('Second title');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('pending');
    expect(await page.getByTestId('save-state').textContent()).toContain('1 change waiting');

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss(); // "Stay on page"
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);

    holding = false;
    for (const message of held.splice(0)) relay.toServer(message);
    await waitSaved(page);
    await page.close();

    const again = await openPage(app);
    await expect.poll(() => titles(again), { timeout: 10_000 }).toEqual(['Second title']);
    await again.context().close();
  });
});

/** A page whose room WebSockets go through `relay` (Playwright's routeWebSocket), set before it loads. */
async function openPageRouted(app: ServedApp, relay: (route: WebSocketRoute) => void | Promise<void>) {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await app.served.signIn(context);
  const page = await context.newPage();
  await page.routeWebSocket(/\/sync\//, relay);
  await page.goto(app.url);
  return page;
}
