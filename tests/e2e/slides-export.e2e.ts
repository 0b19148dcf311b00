import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLIDES_FILE } from '../../shared/slides/slides-format';
import { templateContent, templateName } from '../../shared/templates';
import { downloadFromFileMenu, newMapFromTemplate } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

const TEMPLATE = 'shopping-festival';

/** Every slide's XML of a deck, joined. */
async function slidesText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  return (await Promise.all(slides.map((n) => (zip.file(n) as JSZip.JSZipObject).async('string')))).join('');
}

describe('File ▸ Export slides (PowerPoint), downloaded in the browser mode', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await newMapFromTemplate(page, TEMPLATE);
  });

  afterAll(() => closeServed(app, page));

  it('downloads the map as a deck named after it, in the language of the interface', async () => {
    const deck = await downloadFromFileMenu(page, 'file-export-pptx');
    expect(deck.name).toBe(`${templateName(TEMPLATE, 'en')}.${SLIDES_FILE.extension}`);
    const english = await slidesText(deck.bytes);
    for (const node of templateContent(TEMPLATE, 'en').nodes)
      expect(english).toContain(`<a:t>${node.title}</a:t>`);
    expect(english).toContain('<a:t>Overview</a:t>');

    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('file-menu').click();
    expect(await page.getByTestId('file-export-pptx').textContent()).toBe('导出幻灯片（PowerPoint）…');
    await page.keyboard.press('Escape');
    const chinese = await slidesText((await downloadFromFileMenu(page, 'file-export-pptx')).bytes);
    expect(chinese).toContain('<a:t>全景图</a:t>');
    expect(chinese).toContain('lang="zh-CN"');
    await page.getByTestId('language').selectOption('en');
  });
});
