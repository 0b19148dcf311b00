import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { createNode } from '../../shared/model';
import { axeViolations } from './axe';
import { addNode, dragLink, edgeCount, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

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

describe('versions of a map in the browser mode', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'throughline-e2e-versions-'));
    prepareLibrary(dir);
    app = await serveApp(dir);
    page = await openPage(app, { width: 1280, height: 800 });
    await page.locator('[data-testid="plan-node"]', { hasText: 'Win the mid-market' }).waitFor();
  });

  afterAll(() => closeServed(app, page));

  async function openVersions(item: 'file-save-version' | 'file-versions') {
    await page.getByTestId('file-menu').click();
    await page.getByTestId(item).click();
    await page.getByTestId('versions-dialog').waitFor();
  }

  it('saves a version, shows what changed since, and restores it as one undoable change', async () => {
    await openVersions('file-save-version');
    await expect.poll(() => page.getByTestId('versions-empty').count()).toBe(1);
    await page.getByTestId('version-label').fill('Offsite Q1');
    await page.getByTestId('version-save').click();
    await expect.poll(() => page.getByTestId('version-row').count()).toBe(1);
    expect(await page.getByTestId('version-row').textContent()).toContain('Offsite Q1');
    expect(await page.getByTestId('version-row').textContent()).toContain('3 nodes');
    expect(await axeViolations(page, '[data-testid="versions-dialog"]')).toEqual([]);
    await page.getByTestId('versions-close').click();
    await page.getByTestId('versions-dialog').waitFor({ state: 'detached' });

    const added = await addNode(page, 'mechanism', 'Added after the offsite');
    await page.keyboard.press('Escape');
    await dragLink(page, 'g1', added);
    await expect.poll(() => edgeCount(page)).toBe(3);
    await page.locator('[data-testid="plan-node"]', { hasText: 'Partner deals' }).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeTitled(page, 'Partner deals')).toBe(0);
    await page.locator('[data-testid="plan-node"]', { hasText: 'Partner programme' }).click();
    await page.keyboard.type('Reseller programme');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeTitled(page, 'Reseller programme')).toBe(1);
    await waitSaved(page);

    await openVersions('file-versions');
    await page.getByTestId('version-compare').first().click();
    const panel = page.locator('aside[data-testid="version-compare"]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Changes since "Offsite Q1"');
    const summary = (await page.getByTestId('version-compare-summary').textContent()) ?? '';
    expect(summary).toContain('Nodes: 1 added, 1 removed');
    expect(summary).toContain('links: 1 added, 1 removed');
    // On the canvas: the new node outlined, the deleted one a ghost in its old place.
    await expect
      .poll(() =>
        page.locator('[data-testid="plan-node"][data-compare="added"]', { hasText: 'Added after' }).count(),
      )
      .toBe(1);
    expect(await page.getByTestId('compare-ghost').textContent()).toContain('Partner deals');
    // The renamed node: marked changed, its badge saying what changed.
    const badge = page.locator(
      '[data-testid="plan-node"][data-compare="changed"] [data-testid="compare-badge"]',
    );
    expect(await badge.getAttribute('title')).toBe('Title: "Partner programme" → "Reseller programme"');
    // The link removed with the metric as a dashed ghost; the link drawn since in green.
    expect(await page.getByTestId('compare-ghost-link').count()).toBe(1);
    const greenLinks = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('.react-flow__edge .react-flow__edge-path')].filter(
            (path) => getComputedStyle(path).stroke === 'rgb(21, 128, 61)',
          ).length,
      );
    expect(await greenLinks()).toBe(1);
    await page
      .getByTestId('version-compare-item')
      .filter({ hasText: 'Added after the offsite' })
      .first()
      .click();
    await expect
      .poll(() => page.locator('.react-flow__node.selected', { hasText: 'Added after the offsite' }).count())
      .toBe(1);
    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/versions-compare-1280x800.png' });
    await page.getByTestId('version-compare-close').click();
    await expect.poll(() => page.getByTestId('compare-ghost').count()).toBe(0);
    expect(await greenLinks()).toBe(0);
    expect(await page.locator('[data-compare]').count()).toBe(0);

    await openVersions('file-versions');
    await page.getByTestId('version-restore').first().click();
    await page.getByTestId('versions-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => nodeTitled(page, 'Added after the offsite')).toBe(0);
    await expect.poll(() => nodeTitled(page, 'Partner deals')).toBe(1);
    await expect.poll(() => nodeTitled(page, 'Partner programme')).toBe(1);
    await expect
      .poll(() => page.getByTestId('notice').filter({ hasText: 'Restored the version "Offsite Q1"' }).count())
      .toBeGreaterThan(0);
    await waitSaved(page);

    await page.locator('[data-canvas-scope]').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeTitled(page, 'Added after the offsite')).toBe(1);
    await expect.poll(() => nodeTitled(page, 'Partner deals')).toBe(0);
    await waitSaved(page);
  });

  it('says the same in Chinese: the dialog, the comparison and the canvas marks', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    try {
      await page.getByTestId('file-menu').click();
      expect(await page.getByTestId('file-save-version').textContent()).toBe('保存版本…');
      await page.getByTestId('file-versions').click();
      await page.getByTestId('versions-dialog').waitFor();
      expect(await page.getByTestId('versions-dialog').textContent()).toContain('这张地图的版本');
      mkdirSync('.tmp/screenshots', { recursive: true });
      await page.screenshot({ path: '.tmp/screenshots/versions-dialog-zh-1280x800.png' });
      await page.getByTestId('version-compare').first().click();
      const panel = page.locator('aside[data-testid="version-compare"]');
      await panel.waitFor();
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain('自“Offsite Q1”以来的变化');
      expect(text).toContain('新增的节点');
      expect(text).toContain('删除的节点');
      expect(text).toContain('标题：“Partner programme” → “Reseller programme”');
      expect(await page.getByTestId('compare-ghost').textContent()).toContain('指标');
      await page.screenshot({ path: '.tmp/screenshots/versions-compare-zh-1280x800.png' });
      await page.getByTestId('version-compare-close').click();
    } finally {
      await page.getByTestId('language').selectOption('en');
    }
  });
});
