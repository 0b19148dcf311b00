import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { outlineXlsx, XLSX_SHEETS } from '../../electron/backend/services/xlsx-export';
import { unguardText } from '../../shared/exports/formula-guard';
import { OUTLINE_COLUMNS, outlineTable } from '../../shared/exports/outline-columns';
import { LANGUAGES } from '../../shared/model/language';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapNode } from '../../shared/model/types';
import { templateContent } from '../../shared/templates';
import { validateMap } from '../../shared/validation/validate';

const TODAY = '2026-07-01';

/** Writes the workbook, then reads it back with the same library. */
async function roundTrip(map: Parameters<typeof outlineXlsx>[0], language: (typeof LANGUAGES)[number]) {
  const bytes = await outlineXlsx(map, language, TODAY);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as every .xlsx is
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The values of a row from column 1 (exceljs's row.values starts at index 1). */
function rowValues(sheet: ExcelJS.Worksheet, r: number, columns: number): unknown[] {
  const row = sheet.getRow(r);
  return Array.from({ length: columns }, (_, c) => {
    const value = row.getCell(c + 1).value;
    return value === undefined ? null : value;
  });
}

describe('XLSX export of the outline', () => {
  it('round-trips every row of a template: text, numbers as numbers, dates as text, Chinese intact', async () => {
    for (const language of LANGUAGES) {
      const content = templateContent('checkout-conversion', language);
      const table = outlineTable(content, language, TODAY);
      const workbook = await roundTrip({ name: 'Checkout', ...content }, language);
      // Named in the workbook's language, the outline first, the findings second, the check-ins third.
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        XLSX_SHEETS[language].outline,
        XLSX_SHEETS[language].findings,
        XLSX_SHEETS[language].checkins,
      ]);
      const sheet = workbook.getWorksheet(XLSX_SHEETS[language].outline) as ExcelJS.Worksheet;
      expect(sheet.rowCount).toBe(table.rows.length + 1);
      expect(rowValues(sheet, 1, table.header.length)).toEqual(table.header);
      table.rows.forEach((cells, r) => {
        const read = rowValues(sheet, r + 2, cells.length);
        expect(read.map((v) => (typeof v === 'string' ? unguardText(v) : v))).toEqual(cells);
      });
      const baseline = OUTLINE_COLUMNS.findIndex((c) => c.key === 'baseline') + 1;
      const due = OUTLINE_COLUMNS.findIndex((c) => c.key === 'metricDueDate') + 1;
      const cell = sheet.getRow(2).getCell(baseline);
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(sheet.getRow(2).getCell(due).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getColumn(due).numFmt).toBe('@');
      if (language === 'zh-CN') {
        const texts = table.rows.flat().filter((v): v is string => typeof v === 'string');
        expect(texts.some((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
      }
    }
  });

  it('has a bold, frozen header row, sensible widths and a Findings sheet', async () => {
    const content = templateContent('product-launch-gap', 'en');
    const workbook = await roundTrip({ name: 'Launch', ...content }, 'en');
    const sheet = workbook.getWorksheet(XLSX_SHEETS.en.outline) as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (let c = 1; c <= OUTLINE_COLUMNS.length; c++) {
      expect(sheet.getRow(1).getCell(c).font?.bold, `column ${c}`).toBe(true);
      expect(sheet.getRow(2).getCell(c).font?.bold ?? false).toBe(false);
      const width = sheet.getColumn(c).width ?? 0;
      expect(width).toBeGreaterThanOrEqual(8);
      expect(width).toBeLessThanOrEqual(40);
    }

    const findings = workbook.getWorksheet(XLSX_SHEETS.en.findings) as ExcelJS.Worksheet;
    expect(findings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(findings.getRow(1).getCell(1).font?.bold).toBe(true);
    const expected = validateMap(content);
    expect(findings.rowCount).toBe(expected.length + 1);
    expected.forEach((finding, i) => {
      expect(findings.getRow(i + 2).getCell(2).value).toBe(finding.message.en);
    });
    expect(findings.getRow(2).getCell(1).value).toBe('Error');
  });

  it('guards text cells against formula injection and keeps them text', async () => {
    const node = (input: Record<string, unknown>): MapNode => MapNodeSchema.parse(input);
    const nodes = [
      node({ id: 'g', kind: 'goal', title: '=CMD|"/c calc"!A1', owner: '@boss' }),
      node({ id: 'm', kind: 'mechanism', title: '+Coupons', owner: '-ops' }),
      node({ id: 'k', kind: 'metric', title: '中文指标', baseline: -3, target: 7, current: null }),
    ];
    const links = [
      { id: 'l1', source: 'g', target: 'm' },
      { id: 'l2', source: 'm', target: 'k' },
    ];
    const workbook = await roundTrip({ name: 'Evil', nodes, links }, 'en');
    const sheet = workbook.getWorksheet(XLSX_SHEETS.en.outline) as ExcelJS.Worksheet;
    const row = sheet.getRow(2);
    const at = (key: string) => row.getCell(OUTLINE_COLUMNS.findIndex((c) => c.key === key) + 1);
    expect(at('goal').value).toBe('\'=CMD|"/c calc"!A1');
    expect(at('goal').type).toBe(ExcelJS.ValueType.String);
    expect(at('goalOwner').value).toBe("'@boss");
    expect(at('mechanism').value).toBe("'+Coupons");
    expect(at('mechanismOwner').value).toBe("'-ops");
    expect(at('metric').value).toBe('中文指标');
    expect(at('baseline').value).toBe(-3);
    expect(at('current').value).toBeNull();
    for (let c = 1; c <= OUTLINE_COLUMNS.length; c++) expect(row.getCell(c).formula).toBeUndefined();
  });
});
