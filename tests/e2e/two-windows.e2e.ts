import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNode, waitSaved } from './canvas-actions';
import { closeServed, launchBrowser, openPage, type ServedApp, serveApp } from './harness';

describe('one map in two windows', () => {
  let app: ServedApp;
  let first: Page;
  let second: Page;

  beforeAll(async () => {
    app = await serveApp();
    first = await openPage(app);
    await first.getByTestId('new-map').click();
    await addNode(first, 'goal', 'Written in the first window');
    await waitSaved(first);
    second = await openPage(app);
  });

  afterAll(() => closeServed(app, first, second));

  const titles = (page: Page) => page.locator('.plan-node__title').allTextContents();

  it('opens read-only in the second window, and a take-over moves editing there without losing anything', async () => {
    await second.getByTestId('read-only-banner').waitFor();
    expect(await second.getByTestId('add-goal').isDisabled()).toBe(true);
    expect(await titles(second)).toEqual(['Written in the first window']);

    await second.getByTestId('take-over').click();
    await second.getByTestId('read-only-banner').waitFor({ state: 'detached' });
    await addNode(second, 'goal', 'Written in the second window');
    await waitSaved(second);

    // The first window learns within a heartbeat that it no longer holds the map.
    await first.getByTestId('read-only-banner').waitFor({ timeout: 10_000 });
    expect(await first.getByTestId('add-goal').isDisabled()).toBe(true);

    await first.getByTestId('take-over').click();
    await first.getByTestId('read-only-banner').waitFor({ state: 'detached' });
    await expect
      .poll(() => titles(first))
      .toEqual(['Written in the first window', 'Written in the second window']);
  });

  it('hands the map to the read-only window by itself when the editing window closes', async () => {
    await second.getByTestId('read-only-banner').waitFor({ timeout: 10_000 });
    await first.close({ runBeforeUnload: true });
    // Released on close, picked up at the next heartbeat with the latest content.
    await second.getByTestId('read-only-banner').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await second.getByTestId('add-goal').isEnabled()).toBe(true);
    expect((await titles(second)).sort()).toEqual([
      'Written in the first window',
      'Written in the second window',
    ]);
  });
});

describe('a window reloaded while its map is still opening', () => {
  let app: ServedApp;
  let first: Page;
  let page: Page;
  let other: Page;
  let raceMapId = '';

  beforeAll(async () => {
    app = await serveApp();
    first = await openPage(app);
    await first.getByTestId('new-map').click();
    await addNode(first, 'goal', 'Kept through the race');
    await waitSaved(first);
    await first.close({ runBeforeUnload: true });
  });

  afterAll(() => closeServed(app, first, page, other));

  it('leaves no hold behind, so the reloaded window edits at once', async () => {
    // The page's open of the map is held back until the page has reloaded, then delivered: the
    // server sees it after the old page ended its session, as when a reload beats a slow answer.
    // The reloaded page's own open waits until then too.
    const context = await (await launchBrowser()).newContext({ viewport: { width: 1440, height: 900 } });
    const held: Route[] = [];
    const heldTwice = new Promise<void>((resolve) => {
      void context.route('**/api/openMapSession', (route) => {
        held.push(route);
        if (held.length === 2) resolve();
      });
    });
    await app.served.signIn(context);
    page = await context.newPage();
    await page.goto(app.url);
    await expect.poll(() => held.length).toBe(1);
    await page.reload();
    await heldTwice;

    const [early, reloaded] = held as [Route, Route];
    const api = (method: string, data: unknown) =>
      context.request.post(`${new URL(app.url).origin}/api/${method}`, { data }).then((r) => r.json());
    const opening = early.request().postDataJSON() as { mapId: string; sessionId: string };
    // The old page ended its session as it went (a keepalive call Playwright does not show): wait
    // until the server says so. An ended session holds nothing, not even a map that does not exist.
    await expect
      .poll(() => api('keepMapSession', { mapId: 'no-such-map', sessionId: opening.sessionId }))
      .toMatchObject({ ok: true, value: { held: false } });
    raceMapId = opening.mapId;
    const late = await context.request.post(early.request().url(), { data: opening });
    expect(await late.json()).toMatchObject({ ok: true, value: { readOnly: true } });

    await reloaded.continue();
    await context.unroute('**/api/openMapSession');
    await page.locator('.plan-node__title', { hasText: 'Kept through the race' }).waitFor();
    expect(await page.getByTestId('read-only-banner').count()).toBe(0);
    expect(await page.getByTestId('add-goal').isEnabled()).toBe(true);
  });

  it('gives a map back as soon as its window moves to another map', async () => {
    await page.getByTestId('new-map').click();
    await page.locator(`[data-testid="map-row"][data-map-id="${raceMapId}"]:not(.is-open)`).waitFor();
    // Asked of the server at once: the map is free (well within the 6 s a forgotten hold lasts).
    const api = (method: string, data: unknown) =>
      page
        .context()
        .request.post(`${new URL(app.url).origin}/api/${method}`, { data })
        .then((r) => r.json());
    expect(await api('openMapSession', { mapId: raceMapId, sessionId: 'probe' })).toMatchObject({
      ok: true,
      value: { readOnly: false },
    });
    expect(await api('endMapSessions', { sessionId: 'probe' })).toMatchObject({
      ok: true,
      value: { released: 1 },
    });
    other = await openPage(app);
    await other.locator(`[data-testid="map-row"][data-map-id="${raceMapId}"] .map-row__open`).click();
    await other.locator('.plan-node__title', { hasText: 'Kept through the race' }).waitFor();
    expect(await other.getByTestId('read-only-banner').count()).toBe(0);
    expect(await other.getByTestId('add-goal').isEnabled()).toBe(true);
  });
});
