import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNode, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

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
