import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeInterchange } from '../../shared/interchange';
import { mapPicture, pngPicture } from '../../shared/render/map-picture';
import { templateContent, templateName } from '../../shared/templates';
import { runCli } from '../cli/run-cli';
import { downloadFromFileMenu, newMapFromTemplate } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

const TEMPLATE = 'product-launch-gap';
/** Where the pictures are kept for a person to look at (not committed). */
const LOOK_DIR = '.tmp/pictures';

/** A PNG's size from its IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * What is drawn in a PNG, decoded by the page's own engine: the share of pixels that are not
 * white, and how many are the red of an error (the goal without an execution path is marked so).
 */
function pngInk(page: Page, bytes: Buffer): Promise<{ inked: number; red: number }> {
  return page.evaluate(`(async () => {
    const image = new Image();
    image.src = 'data:image/png;base64,${bytes.toString('base64')}';
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) inked++;
      if (data[i] > 150 && data[i + 1] < 70 && data[i + 2] < 70) red++;
    }
    return { inked: inked / (data.length / 4), red };
  })()`);
}

describe('map pictures (SVG and PNG) from the File menu and the command line', () => {
  let app: ServedApp;
  let page: Page;
  const name = templateName(TEMPLATE, 'en');
  const content = templateContent(TEMPLATE, 'en');

  beforeAll(async () => {
    mkdirSync(LOOK_DIR, { recursive: true });
    app = await serveApp();
    page = await openPage(app);
    await newMapFromTemplate(page, TEMPLATE);
  });

  afterAll(() => closeServed(app, page));

  const download = (menuItem: string) => downloadFromFileMenu(page, menuItem);

  it('downloads the SVG: the whole map as shared/render draws it, the same as the command line writes', async () => {
    const svg = await download('file-export-svg');
    expect(svg.name).toBe(`${name}.svg`);
    expect(svg.bytes.toString('utf8')).toBe(mapPicture({ name, ...content }, 'en').svg);
  });

  it('downloads a sharp PNG of the map, drawn at twice its size, with the missing path in red', async () => {
    const png = await download('file-export-png');
    expect(png.name).toBe(`${name}.png`);
    const expected = pngPicture({ name, ...content }, 'en');
    expect(pngSize(png.bytes)).toEqual({ width: expected.width, height: expected.height });
    const ink = await pngInk(page, png.bytes);
    expect(ink.inked).toBeGreaterThan(0.05);
    expect(ink.inked).toBeLessThan(0.9);
    expect(ink.red).toBeGreaterThan(50);
    writeFileSync(join(LOOK_DIR, 'launch-en.png'), png.bytes);
  });

  it('draws the picture in Chinese when the interface is in Chinese', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('file-menu').click();
    expect(await page.getByTestId('file-export-png').textContent()).toBe('导出地图图片为 PNG');
    await page.keyboard.press('Escape');
    const svg = await download('file-export-svg');
    expect(svg.bytes.toString('utf8')).toContain('负责人：');
    const png = await download('file-export-png');
    writeFileSync(join(LOOK_DIR, 'launch-zh.png'), png.bytes);
    expect((await pngInk(page, png.bytes)).inked).toBeGreaterThan(0.05);
    await page.getByTestId('language').selectOption('en');
  });

  it('says there is nothing to draw for an empty map, and downloads nothing', async () => {
    await page.getByTestId('new-map').click();
    await expect.poll(() => page.locator('[data-testid="plan-node"]').count()).toBe(0);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-export-png').click();
    await expect
      .poll(() => page.getByTestId('notice').filter({ hasText: 'no picture to export' }).count())
      .toBeGreaterThan(0);
    expect(downloads).toBe(0);
  });

  it('throughline export --format png writes the same picture through the system Chromium', async () => {
    const file = join(app.dir, '双十一.json');
    const zh = templateContent('shopping-festival', 'zh-CN');
    writeFileSync(file, serializeInterchange('双十一大促', zh));
    const out = join(app.dir, 'festival.png');
    const result = await runCli(['export', file, '--format', 'png', '--lang', 'zh-CN', '--out', out], {
      THROUGHLINE_USER_DATA: join(app.dir, 'cli-user-data'),
    });
    expect(result.code, result.stderr).toBe(0);
    const bytes = readFileSync(out);
    const expected = pngPicture({ name: '双十一大促', ...zh }, 'zh-CN');
    expect(pngSize(bytes)).toEqual({ width: expected.width, height: expected.height });
    expect(result.stderr).toContain(`（${expected.width}×${expected.height} 像素）`);
    expect((await pngInk(page, bytes)).inked).toBeGreaterThan(0.05);
    writeFileSync(join(LOOK_DIR, 'festival-cli-zh.png'), bytes);
  });
});
