import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import type { MapDocument } from '../../shared/contract/api';
import { createNode } from '../../shared/model';
import { axeViolations } from './axe';
import { addNode, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';
import { callFrom, titlesOn } from './room-participants';

/** A library holding one map whose goal has an execution path. */
function prepareLibrary(dir: string): void {
  const repo = new MapRepository(openDocument(join(dir, 'library.throughline'), { create: true }));
  try {
    repo.createMap('Offsite plan', {
      nodes: [
        createNode('goal', 'g1', 'Win the mid-market', { x: 0, y: 0 }),
        createNode('mechanism', 'm1', 'Partner programme', { x: 400, y: 0 }),
        createNode('metric', 'k1', 'Partner deals', { x: 800, y: 0 }),
      ],
      links: [
        { id: 'l1', source: 'g1', target: 'm1' },
        { id: 'l2', source: 'm1', target: 'k1' },
      ],
    });
  } finally {
    repo.close();
  }
}

const nodeTitled = (page: Page, title: string) =>
  page.locator('[data-testid="plan-node"]', { hasText: title }).count();

describe('a saved version opened read-only', () => {
  let app: ServedApp;
  let page: Page;
  /** Another window in the map's room: it must hear nothing while the version is shown. */
  let watcher: Page;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'throughline-e2e-version-view-'));
    prepareLibrary(dir);
    app = await serveApp(dir);
    page = await openPage(app, { width: 1280, height: 800 });
    watcher = await openPage(app, { width: 1024, height: 700 });
    for (const p of [page, watcher])
      await p.locator('[data-testid="plan-node"]', { hasText: 'Win the mid-market' }).waitFor();
  });

  afterAll(() => closeServed(app, page, watcher));

  async function openVersions() {
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-versions').click();
    await page.getByTestId('versions-dialog').waitFor();
  }

  async function saveVersion(label: string) {
    await openVersions();
    await page.getByTestId('version-label').fill(label);
    await page.getByTestId('version-save').click();
    await expect.poll(() => page.getByTestId('version-row').filter({ hasText: label }).count()).toBe(1);
    await page.getByTestId('versions-close').click();
    await page.getByTestId('versions-dialog').waitFor({ state: 'detached' });
  }

  const mapId = async () => {
    const maps = await callFrom<{ id: string }[]>(page, 'listMaps', {});
    return maps.value?.[0]?.id ?? '';
  };
  const stored = async () =>
    (await callFrom<MapDocument>(page, 'loadMap', { mapId: await mapId() })).value as MapDocument;

  it('shows the version on the canvas, refuses every edit, tells the room nothing, and leads back', async () => {
    await saveVersion('Offsite Q1');
    await addNode(page, 'mechanism', 'Added after the offsite');
    await page.keyboard.press('Escape');
    await waitSaved(page);
    await expect.poll(() => nodeTitled(watcher, 'Added after the offsite')).toBe(1);

    await openVersions();
    // By the keyboard: the version's Open button, then Enter.
    await page
      .getByTestId('version-row')
      .filter({ hasText: 'Offsite Q1' })
      .getByTestId('version-open')
      .focus();
    await page.keyboard.press('Enter');
    const banner = page.getByTestId('version-banner');
    await banner.waitFor();
    expect(await page.getByTestId('version-banner-title').textContent()).toMatch(
      /^Version "Offsite Q1" of .+ — read-only$/,
    );
    expect(await page.getByTestId('read-only-banner').count()).toBe(0);
    await expect.poll(() => nodeTitled(page, 'Added after the offsite')).toBe(0);
    expect(await nodeTitled(page, 'Partner deals')).toBe(1);
    // Keyboard: the way back has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'version-back',
    );
    expect(await axeViolations(page, '[data-testid="version-banner"]')).toEqual([]);
    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/version-view-1280x800.png' });

    const before = await stored();
    // Every edit is refused: typing a title, deleting, adding, undoing.
    await page.locator('[data-testid="plan-node"]', { hasText: 'Partner programme' }).click();
    await page.keyboard.type('Renamed in the version');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    expect(await nodeTitled(page, 'Partner programme')).toBe(1);
    expect(await nodeTitled(page, 'Renamed in the version')).toBe(0);
    expect(await page.locator('[data-testid="plan-node"]').count()).toBe(3);
    // The room heard nothing: the other window and the stored map are as they were.
    expect((await titlesOn(watcher)).sort()).toEqual(
      ['Added after the offsite', 'Partner deals', 'Partner programme', 'Win the mid-market'].sort(),
    );
    const after = await stored();
    expect(after.revision).toBe(before.revision);
    expect(after.nodes.length).toBe(4);

    // Chinese: the banner and its button.
    await page.getByTestId('language').selectOption('zh-CN');
    try {
      await expect
        .poll(() => page.getByTestId('version-banner-title').textContent())
        .toMatch(/^.+ 的版本“Offsite Q1”——只读$/);
      expect(await page.getByTestId('version-back').textContent()).toBe('回到实时地图');
      // The dialog's words for opening and comparing two versions.
      await openVersions();
      const words = (await page.getByTestId('versions-dialog').textContent()) ?? '';
      for (const word of ['打开', '选来比较']) expect(words).toContain(word);
      await page.getByTestId('versions-close').click();
      await page.getByTestId('versions-dialog').waitFor({ state: 'detached' });
      await page.screenshot({ path: '.tmp/screenshots/version-view-zh-1280x800.png' });
    } finally {
      await page.getByTestId('language').selectOption('en');
    }

    // Back by the keyboard: the live map in its room, editable again, and heard by the room.
    await page.getByTestId('version-back').focus();
    await page.keyboard.press('Enter');
    await banner.waitFor({ state: 'detached' });
    await expect.poll(() => nodeTitled(page, 'Added after the offsite')).toBe(1);
    await addNode(page, 'mechanism', 'Back on the live map');
    await page.keyboard.press('Escape');
    await waitSaved(page);
    await expect.poll(() => nodeTitled(watcher, 'Back on the live map')).toBe(1);
  });

  it('compares two versions: the newer shown read-only with the changes since the older', async () => {
    await saveVersion('Offsite Q2');
    await openVersions();
    // Open is offered only beside a version; Compare the two waits for two picks.
    const compareTwo = page.getByTestId('versions-compare-two');
    expect(await compareTwo.isDisabled()).toBe(true);
    await page
      .getByTestId('version-row')
      .filter({ hasText: 'Offsite Q2' })
      .getByTestId('version-pick')
      .check();
    expect(await compareTwo.isDisabled()).toBe(true);
    await page
      .getByTestId('version-row')
      .filter({ hasText: 'Offsite Q1' })
      .getByTestId('version-pick')
      .check();
    await compareTwo.click();
    await page.getByTestId('version-banner').waitFor();
    expect(await page.getByTestId('version-banner-title').textContent()).toContain('"Offsite Q2"');
    const panel = page.locator('aside[data-testid="version-compare"]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Changes from "Offsite Q1" to "Offsite Q2"');
    expect(await page.getByTestId('version-compare-summary').textContent()).toContain('Nodes: 2 added');
    await expect.poll(() => page.locator('[data-testid="plan-node"][data-compare="added"]').count()).toBe(2);
    await page.screenshot({ path: '.tmp/screenshots/version-compare-two-1280x800.png' });
    // Back to the live map: the comparison of the two versions goes with them.
    await page.getByTestId('version-back').click();
    await page.getByTestId('version-banner').waitFor({ state: 'detached' });
    await expect.poll(() => panel.count()).toBe(0);
    expect(await page.locator('[data-compare]').count()).toBe(0);
  });
});
