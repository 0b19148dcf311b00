import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { createNode } from '../../shared/model';
import { axeViolations } from './axe';
import { addNode, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

/** A library that already holds a map, as on the second day of use, so opening it makes the day's backup. */
function prepareLibrary(dir: string): void {
  const repo = new MapRepository(openDocument(join(dir, 'library.throughline'), { create: true }));
  try {
    repo.createMap('Board plan', {
      nodes: [createNode('goal', 'g1', 'Win the mid-market', { x: 0, y: 0 })],
      links: [],
    });
  } finally {
    repo.close();
  }
}

const nodeTitled = (page: Page, title: string) =>
  page.locator('[data-testid="plan-node"]', { hasText: title }).count();

describe('Restore from backup in the browser mode', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'throughline-e2e-backups-'));
    prepareLibrary(dir);
    app = await serveApp(dir);
    page = await openPage(app);
    await page.locator('[data-testid="plan-node"]', { hasText: 'Win the mid-market' }).waitFor();
  });

  afterAll(() => closeServed(app, page));

  async function openDialog() {
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-restore').click();
    await page.getByTestId('restore-dialog').waitFor();
  }

  it('restores the backup made when the library was opened, after backing up the current state', async () => {
    // The backup made at start, beside the library.
    await expect
      .poll(() => readdirSync(join(app.dir, 'backups')).filter((f) => f.endsWith('.throughline')).length)
      .toBe(1);

    await addNode(page, 'mechanism', 'Added after the backup');
    await waitSaved(page);
    expect(await nodeTitled(page, 'Added after the backup')).toBe(1);

    await openDialog();
    const options = page.getByTestId('restore-option');
    await expect.poll(() => options.count()).toBe(1);
    expect(await options.first().textContent()).toContain('1 map');
    expect(await axeViolations(page, '[data-testid="restore-dialog"]')).toEqual([]);
    // The date is written out in the page's locale (en-US in these tests), not as an ISO string.
    const shownDate = (await options.first().locator('.dialog__choice-name').textContent()) ?? '';
    expect(shownDate).toContain(String(new Date().getFullYear()));
    expect(shownDate).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    await page.getByTestId('restore-choose').click();
    expect(await page.getByTestId('restore-dialog').textContent()).toContain('is backed up first');
    expect(await axeViolations(page, '[data-testid="restore-dialog"]')).toEqual([]);
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('restore-dialog').waitFor({ state: 'detached' });

    // The map is back as it was when the backup was made.
    await expect.poll(() => nodeTitled(page, 'Win the mid-market')).toBe(1);
    await expect.poll(() => nodeTitled(page, 'Added after the backup')).toBe(0);
    await expect
      .poll(() => page.getByTestId('notice').filter({ hasText: 'Restored the backup' }).count())
      .toBeGreaterThan(0);

    // The state it replaced is now the newest backup, so the restore itself can be undone.
    await openDialog();
    await expect.poll(() => options.count()).toBe(2);
    await page.getByTestId('restore-choose').click(); // the newest is chosen first
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('restore-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => nodeTitled(page, 'Added after the backup')).toBe(1);

    // And the restored document keeps taking edits.
    await addNode(page, 'metric', 'Measured after restoring');
    await waitSaved(page);
  });

  it('closes with Escape and changes nothing', async () => {
    await openDialog();
    await expect.poll(() => page.getByTestId('restore-option').count()).toBe(3);
    await page.keyboard.press('Escape');
    await page.getByTestId('restore-dialog').waitFor({ state: 'detached' });
    expect(await nodeTitled(page, 'Measured after restoring')).toBe(1);
  });
});
