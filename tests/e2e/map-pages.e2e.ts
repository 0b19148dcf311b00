import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAP_PAGE_SIZE } from '../../shared/contract/api';
import { writeManyMapsLibrary } from '../bench/hostile-library';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

const COUNT = 2 * MAP_PAGE_SIZE + 50;

describe('a document with more maps than one page', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'throughline-e2e-'));
    writeManyMapsLibrary(join(dir, 'library.throughline'), dir, COUNT);
    app = await serveApp(dir);
    page = await openPage(app, { width: 1280, height: 800 });
    await page.getByTestId('map-list').waitFor();
  });
  afterAll(() => closeServed(app, page));

  it('lists the first page, then the rest on request, each map once', async () => {
    const rows = page.getByTestId('map-row');
    await expect.poll(() => rows.count()).toBe(MAP_PAGE_SIZE);
    // The most recently changed map is listed first and opened.
    expect(await rows.first().locator('.map-row__name').textContent()).toMatch(
      new RegExp(`^Map ${COUNT - 1} `),
    );
    await page.getByTestId('maps-more').click();
    await expect.poll(() => rows.count()).toBe(2 * MAP_PAGE_SIZE);
    expect(await page.getByTestId('maps-shown').textContent()).toBe(
      `${2 * MAP_PAGE_SIZE} of ${COUNT} maps shown`,
    );
    if (process.env.THROUGHLINE_SCREENSHOT) {
      await page.getByTestId('map-list').evaluate((list) => list.scrollTo(0, list.scrollHeight));
      await page.mouse.move(640, 400);
      await page.screenshot({ path: process.env.THROUGHLINE_SCREENSHOT });
    }
    await page.getByTestId('maps-more').click();
    await expect.poll(() => rows.count()).toBe(COUNT);
    expect(await page.getByTestId('maps-more').count()).toBe(0);
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-map-id')));
    expect(new Set(ids).size).toBe(COUNT);
    // A map from a later page opens like any other.
    await rows.last().locator('.map-row__open').click();
    await expect.poll(() => rows.last().getAttribute('class'), { timeout: 10_000 }).toMatch(/is-open/);
  });
});
