import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { addNode, waitSaved } from './canvas-actions';
import { fakeFilePickers, writtenFile } from './file-pickers';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

/** The titles of every map's nodes in a document's bytes, read as the app reads a document. */
function titlesIn(bytes: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-written-'));
  try {
    const file = join(dir, 'written.throughline');
    writeFileSync(file, bytes);
    const repo = new MapRepository(openDocument(file, { create: false }));
    try {
      return repo.listMaps().flatMap((m) => repo.loadMap(m.id).nodes.map((n) => n.title));
    } finally {
      repo.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const notice = (page: Page) => page.getByTestId('notice').last().textContent();

async function menuItem(page: Page, testId: string): Promise<string> {
  await page.getByTestId('file-menu').click();
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text;
}

describe('Open and Save As in a browser with the File System Access API (Chromium)', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await fakeFilePickers(page);
    await page.getByTestId('new-map').click();
    await addNode(page, 'goal', 'Offsite goal');
    await waitSaved(page);
  });

  afterAll(() => closeServed(app, page));

  it('names what each command does', async () => {
    expect(await menuItem(page, 'file-open')).toBe('Open…');
    expect(await menuItem(page, 'file-save-as')).toBe('Save as file…');
    await page.getByTestId('file-menu').click();
    expect(await page.getByTestId('file-save-to').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('Save As writes the document to the file the user picks, named after the document', async () => {
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-save-as').click();
    await expect.poll(() => notice(page)).toContain('Saved to “Offsite.throughline”');
    expect(await page.evaluate(() => window.__suggestedName)).toBe('Library.throughline');
    const bytes = await writtenFile(page, 'Offsite.throughline');
    expect(bytes?.subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(titlesIn(bytes as Buffer)).toContain('Offsite goal');
  });

  it('then "Save to" writes later edits to that same file', async () => {
    expect(await menuItem(page, 'file-save-to')).toBe('Save to “Offsite.throughline”');
    await addNode(page, 'goal', 'Second goal');
    await waitSaved(page);
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-save-to').click();
    await expect
      .poll(async () => titlesIn((await writtenFile(page, 'Offsite.throughline')) ?? Buffer.alloc(0)).sort())
      .toEqual(['Offsite goal', 'Second goal']);
  });

  it('Open keeps the picked file, says so, and "Save to" writes back to it', async () => {
    const bytes = (await writtenFile(page, 'Offsite.throughline')) as Buffer;
    await page.evaluate((b) => {
      window.__fileToOpen = { name: 'Board.throughline', bytes: b };
    }, Array.from(bytes));
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-open').click();
    await expect.poll(() => page.getByTestId('file-menu').textContent()).toContain('Board');
    expect(await notice(page)).toContain('Save to “Board.throughline” writes them to your file');
    expect(await menuItem(page, 'file-save-to')).toBe('Save to “Board.throughline”');

    await page.locator('[data-testid="map-row"]').first().click();
    await addNode(page, 'goal', 'Board goal');
    await waitSaved(page);
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-save-to').click();
    await expect
      .poll(async () => titlesIn((await writtenFile(page, 'Board.throughline')) ?? Buffer.alloc(0)))
      .toContain('Board goal');
  });

  it('writes nothing when the browser is not allowed to write the file, and says so', async () => {
    const before = await writtenFile(page, 'Board.throughline');
    await page.evaluate(() => {
      window.__permission = 'denied';
    });
    try {
      await page.getByTestId('file-menu').click();
      await page.getByTestId('file-save-to').click();
      await expect
        .poll(() => notice(page))
        .toBe('The browser did not let Throughline write to “Board.throughline”; nothing was saved there.');
      expect(await writtenFile(page, 'Board.throughline')).toEqual(before);
    } finally {
      await page.evaluate(() => {
        window.__permission = 'granted';
      });
    }
  });

  it('says it all in Chinese when the UI is in Chinese', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    try {
      expect(await menuItem(page, 'file-open')).toBe('打开…');
      expect(await menuItem(page, 'file-save-as')).toBe('另存为文件…');
      expect(await menuItem(page, 'file-save-to')).toBe('保存到“Board.throughline”');
    } finally {
      await page.getByTestId('language').selectOption('en');
    }
  });
});

describe('Import JSON through the UI reads the file as the command line does', () => {
  let app: ServedApp;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    dir = app.dir;
  });

  afterAll(() => closeServed(app, page));

  async function importFile(file: string) {
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-import-json').click();
    await (await chooser).setFiles(file);
  }

  const mapRows = () => page.locator('[data-testid="map-row"]').count();

  it('refuses a GBK file in the command line’s words, in either language, and imports nothing', async () => {
    const file = join(dir, 'gbk.json');
    const head = Buffer.from('{"format":"throughline-map","version":1,"name":"');
    const tail = Buffer.from('","nodes":[{"id":"g","kind":"goal","title":"x"}],"links":[]}');
    writeFileSync(file, Buffer.concat([head, Buffer.from([0xd4, 0xf6, 0xb3, 0xa4]), tail])); // 增长 in GBK
    const before = await mapRows();
    await importFile(file);
    await expect
      .poll(() => notice(page))
      .toBe(
        'This file cannot be imported: the file is not UTF-8 text (perhaps GBK or Latin-1); save it as UTF-8 and try again.',
      );
    expect(await mapRows()).toBe(before);

    await page.getByTestId('language').selectOption('zh-CN');
    try {
      await importFile(file);
      await expect
        .poll(() => notice(page))
        .toBe('此文件无法导入：文件不是 UTF-8 文本（可能是 GBK 或 Latin-1 编码）；请另存为 UTF-8 后重试。');
      expect(await mapRows()).toBe(before);
    } finally {
      await page.getByTestId('language').selectOption('en');
    }
  });

  it('words a schema refusal in the UI’s language with where in the file it is', async () => {
    const file = join(dir, 'bad-kind.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'throughline-map',
        version: 1,
        name: '增长',
        nodes: [
          { id: 'g', kind: 'goal', title: '增长' },
          { id: 'v', kind: 'vision', title: '愿景' },
        ],
        links: [],
      }),
    );
    const before = await mapRows();
    await page.getByTestId('language').selectOption('zh-CN');
    try {
      await importFile(file);
      await expect
        .poll(() => notice(page))
        .toBe(
          '此文件无法导入：文件不是 Throughline 地图：nodes[1].kind：应为以下之一："goal"、"mechanism"、"metric"。',
        );
      expect(await mapRows()).toBe(before);
    } finally {
      await page.getByTestId('language').selectOption('en');
    }
  });

  it('still imports a UTF-8 map with its Chinese titles', async () => {
    const file = join(dir, 'utf8.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'throughline-map',
        version: 1,
        name: '增长计划',
        nodes: [{ id: 'g', kind: 'goal', title: '数据驱动增长' }],
        links: [],
      }),
    );
    await importFile(file);
    await expect
      .poll(() => page.locator('[data-testid="plan-node"]', { hasText: '数据驱动增长' }).count())
      .toBe(1);
  });
});
