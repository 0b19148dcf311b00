import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNode, downloadFromFileMenu, waitSaved } from './canvas-actions';
import { withoutFilePickers } from './file-pickers';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

const fixture = new URL('../fixtures/good-map.json', import.meta.url).pathname;

// Without the File System Access API (Firefox, Safari): browser-files.e2e.ts covers Chromium's pickers.
describe('File commands in the browser mode: file picker and downloads over the same contract', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await withoutFilePickers(page);
    await page.getByTestId('new-map').click();
    await addNode(page, 'goal', 'Offsite goal');
    await waitSaved(page);
  });

  afterAll(() => closeServed(app, page));

  async function pick(menuItem: string, file: string) {
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId(menuItem).click();
    await (await chooser).setFiles(file);
  }

  const download = (menuItem: string) => downloadFromFileMenu(page, menuItem);

  it('imports a JSON map through the file picker and exports it back as a download', async () => {
    await pick('file-import-json', fixture);
    await expect
      .poll(() => page.locator('[data-testid="map-row"]', { hasText: 'Growth 2026' }).count())
      .toBe(1);
    await expect
      .poll(() => page.locator('[data-testid="plan-node"]', { hasText: 'Grow recurring revenue' }).count())
      .toBe(1);

    const exported = await download('file-export-json');
    expect(exported.name).toBe('Growth 2026.json');
    const json = JSON.parse(exported.bytes.toString('utf8'));
    const original = JSON.parse(readFileSync(fixture, 'utf8'));
    expect(json.nodes.map((n: { id: string }) => n.id)).toEqual(
      original.nodes.map((n: { id: string }) => n.id),
    );
  });

  it('saves the document as a download and opens that file again through the picker', async () => {
    await page.getByTestId('file-menu').click();
    // Said plainly: Open reads a copy, Save As is a download.
    expect(await page.getByTestId('file-open').textContent()).toBe('Open a copy…');
    expect(await page.getByTestId('file-save-as').textContent()).toBe('Download a copy');
    await page.keyboard.press('Escape');
    const saved = await download('file-save-as');
    // Named after the document, never after the app's own file.
    expect(saved.name).toBe('Library.throughline');
    expect(await page.getByTestId('notice').last().textContent()).toContain(
      'Downloaded a copy as “Library.throughline”',
    );
    expect(saved.bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
    const copy = `${app.dir}/Board pack.throughline`;
    writeFileSync(copy, saved.bytes);

    await pick('file-open', copy);
    await expect.poll(() => page.getByTestId('file-menu').textContent()).toContain('Board pack.throughline');
    expect(await page.getByTestId('notice').last().textContent()).toBe(
      'Opened a copy of “Board pack.throughline”: your file is not changed. File ▸ Download a copy gives you a file with your edits.',
    );
    const again = await download('file-save-as');
    expect(again.name).toBe('Board pack.throughline');
    await expect.poll(() => page.locator('[data-testid="map-row"]').count()).toBe(2);

    // It is listed under Recent, and the library is one click away.
    await page.getByTestId('file-menu').click();
    await expect
      .poll(() => page.getByTestId('file-recent').allTextContents())
      .toEqual(['Board pack.throughline']);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('file-open').count()).toBe(0);
  });

  it('refuses a file that is not a Throughline document with a clear message and keeps the open one', async () => {
    await pick('file-open', fixture);
    await expect
      .poll(() => page.getByTestId('notice').last().textContent())
      .toMatch(/not a Throughline document|not a SQLite/i);
    expect(await page.getByTestId('file-menu').textContent()).toContain('Board pack.throughline');
  });

  it('says the refusal in Chinese when the UI is in Chinese, naming the file as the user chose it', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    try {
      await pick('file-open', fixture);
      await expect
        .poll(() => page.getByTestId('notice').last().textContent())
        .toContain('无法打开“good-map.json”：它不是 Throughline 文档（根本不是数据库文件）。文件未被改动。');
      expect(await page.getByTestId('file-menu').textContent()).toContain('Board pack.throughline');
    } finally {
      await page.getByTestId('language').selectOption('en');
    }
  });
});
