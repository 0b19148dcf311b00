import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XLSX_SHEETS } from '../../electron/backend/services/xlsx-export';
import type { MapSummary } from '../../shared/contract/api';
import { CSV_BOM, outlineCsv } from '../../shared/exports/csv';
import { outlineMarkdown } from '../../shared/exports/markdown';
import { localToday } from '../../shared/model/local-today';
import { templateContent } from '../../shared/templates';
import { temporaryBackend } from './temporary-backend';

const library = temporaryBackend('throughline-export-map-');
const { call, writes } = library;

interface Exported {
  fileName: string;
  mimeType: string;
  base64: string;
}

const fromTemplate = (language: 'en' | 'zh-CN') =>
  call<MapSummary>('createMapFromTemplate', { templateId: 'product-launch-gap', language });

describe('exportMap over the contract', () => {
  it('answers CSV and Markdown made from the stored map, named after it', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const map = await fromTemplate(language);
      const content = templateContent('product-launch-gap', language);
      // The export judges metric statuses by today's date, as the inspector does.
      const today = localToday();

      const csv = await call<Exported>('exportMap', { mapId: map.id, format: 'csv', language });
      expect(csv.fileName).toBe(`${map.name}.csv`);
      expect(csv.mimeType).toBe('text/csv;charset=utf-8');
      const csvText = Buffer.from(csv.base64, 'base64').toString('utf8');
      expect(csvText.startsWith(CSV_BOM)).toBe(true);
      expect(csvText).toBe(outlineCsv(content, language, today));

      const md = await call<Exported>('exportMap', { mapId: map.id, format: 'md', language });
      expect(md.fileName).toBe(`${map.name}.md`);
      expect(md.mimeType).toBe('text/markdown;charset=utf-8');
      expect(Buffer.from(md.base64, 'base64').toString('utf8')).toBe(
        outlineMarkdown({ name: map.name, ...content }, language, today),
      );
    }
  });

  it('answers an Excel workbook with the outline and the findings', async () => {
    const map = await fromTemplate('zh-CN');
    const xlsx = await call<Exported>('exportMap', { mapId: map.id, format: 'xlsx', language: 'zh-CN' });
    expect(xlsx.fileName).toBe(`${map.name}.xlsx`);
    expect(xlsx.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ExcelJS.Buffer);
    const outline = workbook.getWorksheet(XLSX_SHEETS['zh-CN'].outline) as ExcelJS.Worksheet;
    expect(outline.getRow(1).getCell(1).value).toBe('战略目标');
    expect(outline.rowCount).toBeGreaterThan(1);
    expect(
      (workbook.getWorksheet(XLSX_SHEETS['zh-CN'].findings) as ExcelJS.Worksheet).rowCount,
    ).toBeGreaterThan(1);
  });

  const bad: [string, (mapId: string) => unknown, string][] = [
    [
      'a format the outline has no writer for',
      (mapId) => ({ mapId, format: 'pdf', language: 'en' }),
      'invalid-payload',
    ],
    ['no format', (mapId) => ({ mapId, language: 'en' }), 'invalid-payload'],
    ['a format in capitals', (mapId) => ({ mapId, format: 'CSV', language: 'en' }), 'invalid-payload'],
    ['an unknown language', (mapId) => ({ mapId, format: 'csv', language: 'fr' }), 'invalid-payload'],
    ['no language', (mapId) => ({ mapId, format: 'md' }), 'invalid-payload'],
    [
      'a map id with path tricks',
      () => ({ mapId: '../x', format: 'csv', language: 'en' }),
      'invalid-payload',
    ],
    ['a number for the map id', () => ({ mapId: 7, format: 'csv', language: 'en' }), 'invalid-payload'],
    ['an unknown map', () => ({ mapId: 'nope', format: 'xlsx', language: 'en' }), 'not-found'],
    ['a string instead of an object', () => 'csv', 'invalid-payload'],
  ];

  it.each(bad)('refuses %s with a typed error and writes nothing', async (_, payload, code) => {
    const map = await fromTemplate('en');
    const files = readdirSync(library.dir).sort();
    const before = writes();
    const response = await library.backend.registry.dispatch('exportMap', payload(map.id));
    expect(response.ok).toBe(false);
    if (!response.ok) {
      expect(response.error.code).toBe(code);
      expect(response.error.message).not.toMatch(/\n\s+at /);
    }
    expect(writes()).toBe(before);
    expect(readdirSync(library.dir).sort()).toEqual(files);
  });
});
