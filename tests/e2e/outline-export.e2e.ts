import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_BOM, outlineCsv } from '../../shared/exports/csv';
import { escapeMarkdown } from '../../shared/exports/markdown-escape';
import { outlineRows } from '../../shared/exports/outline';
import { localToday } from '../../shared/model/local-today';
import { templateContent, templateName } from '../../shared/templates';
import { validateMap } from '../../shared/validation';
import { downloadFromFileMenu, newMapFromTemplate } from './canvas-actions';
import { closeServed, openPage, type ServedApp, serveApp } from './harness';

const TEMPLATE = 'product-launch-gap';

describe('outline exports from the File menu, downloaded in the browser mode', () => {
  let app: ServedApp;
  let page: Page;
  const name = templateName(TEMPLATE, 'en');
  const content = templateContent(TEMPLATE, 'en');

  beforeAll(async () => {
    app = await serveApp();
    page = await openPage(app);
    await newMapFromTemplate(page, TEMPLATE);
  });

  afterAll(() => closeServed(app, page));

  const download = (menuItem: string) => downloadFromFileMenu(page, menuItem);

  it('downloads the outline as CSV: one row per path, the same as the export makes', async () => {
    const csv = await download('file-export-csv');
    expect(csv.name).toBe(`${name}.csv`);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toBe(outlineCsv(content, 'en', localToday()));
    const lines = text.slice(CSV_BOM.length).split('\r\n');
    expect(lines[0]?.startsWith('Goal,Goal owner,Horizon,Priority,Goal status')).toBe(true);
    expect(lines.length).toBe(outlineRows(content, localToday()).length + 2); // header, rows, final CRLF
    for (const node of content.nodes) expect(text).toContain(node.title);
  });

  it('downloads the outline as Markdown with every title and every finding', async () => {
    const md = await download('file-export-md');
    expect(md.name).toBe(`${name}.md`);
    const text = md.bytes.toString('utf8');
    expect(text.startsWith(`# ${escapeMarkdown(name)}\n`)).toBe(true);
    expect(text).toContain('2 of 3 goals have an execution path');
    for (const node of content.nodes) expect(text).toContain(escapeMarkdown(node.title));
    const findings = validateMap(content);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(text).toContain(escapeMarkdown(finding.message.en));
  });

  it('downloads an Excel workbook, and exports in Chinese when the interface is in Chinese', async () => {
    const xlsx = await download('file-export-xlsx');
    expect(xlsx.name).toBe(`${name}.xlsx`);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('file-menu').click();
    expect(await page.getByTestId('file-export-csv').textContent()).toBe('导出大纲为 CSV');
    await page.keyboard.press('Escape');
    const csv = await download('file-export-csv');
    const text = csv.bytes.toString('utf8');
    expect(text.slice(CSV_BOM.length).split('\r\n')[0]?.startsWith('战略目标,目标负责人')).toBe(true);
    expect(text).toBe(outlineCsv(content, 'zh-CN', localToday()));
    await page.getByTestId('language').selectOption('en');
  });

  it('downloads the check-in calendar: an event per metric with a cadence, in the UI language', async () => {
    const ics = await download('file-export-ics');
    expect(ics.name).toBe(`${name}.ics`);
    const text = ics.bytes.toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const metrics = content.nodes.filter((n) => n.kind === 'metric' && n.cadence !== null);
    expect(metrics.length).toBeGreaterThan(0);
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(metrics.length);
    // Scoped by the map's id: a copy of the map keeps its metrics' ids but not its events'.
    for (const metric of metrics)
      expect(text).toMatch(new RegExp(`UID:${metric.id}\\.[A-Za-z0-9_-]+@checkins\\.throughline`));
    expect(text.replace(/\r\n[ \t]/g, '')).toContain(
      `SUMMARY:Update: ${metrics[0]?.title.replaceAll(',', '\\,')}`,
    );
  });
});
