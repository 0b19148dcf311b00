import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASKED_KEY, NAME_KEY } from '../../renderer/src/room/presence-store';
import type { MapDocument, MapSummary } from '../../shared/contract/api';
import { axeViolations } from './axe';
import { goToNode, newMapFromTemplate, waitSaved } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';
import { callFrom } from './room-participants';

// product-launch-gap (English): metrics k-retail-sales "Launch-year retail sales" and
// k-awareness "Aided brand awareness".
const SHOTS = process.env.THROUGHLINE_SHOTS;

/** File ▸ Import check-ins…, answering the file chooser with the given file. */
async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('file-menu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-import-checkins').click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.getByTestId('checkin-import').waitFor();
}

const outcomes = (page: Page) =>
  page
    .locator('[data-testid="checkin-import-row"]')
    .evaluateAll((rows) => rows.map((r) => [r.children[0]?.textContent, r.getAttribute('data-outcome')]));

async function currentOf(page: Page, title: string): Promise<string> {
  await goToNode(page, title);
  return page.locator('[data-testid="inspector"] [data-field="current"]').inputValue();
}

describe('File ▸ Import check-ins… in the browser mode', () => {
  let app: ServedApp;
  let page: Page;

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app, { width: 1280, height: 800 });
    // This window's name in the room: who the imported check-ins are entered by.
    await page.evaluate(
      ([nameKey, askedKey]) => {
        localStorage.setItem(nameKey, 'Ana');
        localStorage.setItem(askedKey, 'true');
      },
      [NAME_KEY, ASKED_KEY] as const,
    );
    await page.reload();
    await page.getByTestId('file-menu').waitFor();
    await newMapFromTemplate(page, 'product-launch-gap');
  });

  afterAll(() => closeServed(app, page));

  const csv = Buffer.from(
    '\uFEFFmetric,date,value,note,confidence\n' +
      'k-retail-sales,2026-11-30,42,"=1+1 stays text",on-track\n' +
      'Aided brand awareness,2026-11-30,"12,5",,\n' +
      'Nobody knows,2026-11-30,3,,\n' +
      'Launch-year retail sales,2026-11-31,40,,\n',
  );

  it('previews a CSV row by row, writes nothing until confirmed, then the metric shows the number', async () => {
    await importFile(page, 'numbers.csv', csv);
    await expect
      .poll(() => page.getByTestId('checkin-import-summary').textContent())
      .toBe('1 to add · 0 to correct · 0 already there · 3 refused');
    expect(await outcomes(page)).toEqual([
      ['2', 'add'],
      ['3', 'refused'],
      ['4', 'refused'],
      ['5', 'refused'],
    ]);
    const dialog = page.getByTestId('checkin-import');
    expect(await dialog.textContent()).toContain('the value "12,5" is not a number');
    expect(await dialog.textContent()).toContain('no metric of this map has the id or title "Nobody knows"');
    expect(await axeViolations(page, '[data-testid="checkin-import"]')).toEqual([]);
    // The keyboard is on the confirm button; Escape cancels.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'checkin-import-confirm',
    );
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'checkin-import-en-1280x800.png') });
    }
    // Cancelling writes nothing.
    await page.keyboard.press('Escape');
    await page.getByTestId('checkin-import').waitFor({ state: 'detached' });
    expect(await currentOf(page, 'Launch-year retail sales')).toBe('');

    await importFile(page, 'numbers.csv', csv);
    await page.getByTestId('checkin-import-confirm').click();
    await page.getByTestId('checkin-import').waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(await currentOf(page, 'Launch-year retail sales')).toBe('42');
    // Saved through the room: the note kept as text, entered by this window's name.
    const maps = await callFrom<MapSummary[]>(page, 'listMaps');
    const map = await callFrom<MapDocument>(page, 'loadMap', { mapId: maps.value?.[0]?.id });
    expect(map.value?.checkins?.map((c) => [c.metric, c.date, c.value, c.note, c.confidence, c.by])).toEqual([
      ['k-retail-sales', '2026-11-30', 42, '=1+1 stays text', 'on-track', 'Ana'],
    ]);
  });

  it('in Chinese: an XLSX with Chinese headers and a date cell; the same rows again are already there', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('签到');
    sheet.addRow(['指标', '日期', '数值', '备注', '信心']);
    sheet.addRow(['k-retail-sales', '2026-11-30', 42, '=1+1 stays text', '正常']);
    sheet.addRow(['k-retail-sales', new Date(Date.UTC(2026, 11, 7)), 45, '第二周', '有风险']);
    sheet.addRow([
      'Aided brand awareness',
      new Date(Date.UTC(2026, 11, 7)),
      { formula: '10*2', result: 20 },
      '',
      '',
    ]);
    sheet.addRow(['k-awareness', '2026-12-07', 'twenty', '', '']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

    await importFile(page, '数字.xlsx', xlsx);
    await expect
      .poll(() => page.getByTestId('checkin-import-summary').textContent())
      .toBe('添加 2 条 · 更正 0 条 · 已存在 1 条 · 拒绝 1 条');
    expect(await outcomes(page)).toEqual([
      ['2', 'already'],
      ['3', 'add'],
      ['4', 'add'],
      ['5', 'refused'],
    ]);
    expect(await page.getByTestId('checkin-import').textContent()).toContain('数值“twenty”不是数字');
    expect(await page.getByTestId('checkin-import-confirm').textContent()).toBe('写入 2 条签到');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'checkin-import-zh-CN-1280x800.png') });
    await page.getByTestId('checkin-import-confirm').click();
    await page.getByTestId('checkin-import').waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(await currentOf(page, 'Launch-year retail sales')).toBe('45');
    expect(await currentOf(page, 'Aided brand awareness')).toBe('20');

    // Importing the same workbook again adds nothing: there is nothing to confirm.
    await importFile(page, '数字.xlsx', xlsx);
    await expect
      .poll(() => page.getByTestId('checkin-import-summary').textContent())
      .toBe('添加 0 条 · 更正 0 条 · 已存在 3 条 · 拒绝 1 条');
    expect(await page.getByTestId('checkin-import-confirm').count()).toBe(0);
    await page.getByTestId('checkin-import-cancel').click();

    // A file that is not a table is refused whole, in the UI's language.
    await importFile(page, 'numbers.pdf', Buffer.from('%PDF-1.4'));
    await expect
      .poll(() => page.getByTestId('checkin-import-refusal').textContent())
      .toBe('只能导入 CSV（.csv）或 Excel（.xlsx）文件。');
    await page.getByTestId('checkin-import-cancel').click();
    await page.getByTestId('language').selectOption('en');
  });
});
