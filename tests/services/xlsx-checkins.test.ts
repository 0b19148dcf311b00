import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { outlineFile } from '../../electron/backend/services/outline-file';
import { CHECKIN_HEADER, XLSX_SHEETS } from '../../electron/backend/services/xlsx-export';
import { LANGUAGES } from '../../shared/model/language';
import type { MetricNode } from '../../shared/model/types';
import { mapWithCheckins } from '../shared/checkin-fixture';

const TODAY = '2026-07-01';

describe('the Check-ins sheet of the XLSX export', () => {
  it('lists every check-in metric by metric, oldest first, text guarded, in both languages', async () => {
    for (const language of LANGUAGES) {
      const map = mapWithCheckins(language);
      const [first, second] = map.nodes.filter((n): n is MetricNode => n.kind === 'metric') as [
        MetricNode,
        MetricNode,
      ];
      // Through outlineFile, as the contract and the command line call it with a loaded map.
      const file = await outlineFile({ name: '计划', ...map }, 'xlsx', language, TODAY);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets.map((w) => w.name)[2]).toBe(XLSX_SHEETS[language].checkins);
      const sheet = workbook.worksheets[2] as ExcelJS.Worksheet;
      const rows = Array.from({ length: sheet.rowCount }, (_, r) =>
        Array.from({ length: 8 }, (_, c) => sheet.getRow(r + 1).getCell(c + 1).value ?? null),
      );
      expect(rows[0]).toEqual(CHECKIN_HEADER[language]);
      expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
        [first.id, '2026-06-10', 12],
        [first.id, '2026-06-17', 15],
        [first.id, '2026-06-24', 15],
        [second.id, '2026-05-01', 40],
        [second.id, '2026-06-01', 31],
      ]);
      const last = rows[3] as unknown[];
      expect(last[1]).toBe(first.title);
      expect(last[5]).toBe(language === 'en' ? 'At risk' : '有风险');
      // A note that reads as a formula is text with the guard's quote, never a formula.
      expect(last[6]).toBe('\'=HYPERLINK("http://x")');
      expect(sheet.getRow(4).getCell(7).type).toBe(ExcelJS.ValueType.String);
      expect(last[7]).toBe('Li Lei');
      expect(rows[2]?.[5]).toBeNull();
      expect(sheet.getRow(2).getCell(4).type).toBe(ExcelJS.ValueType.Number);
      expect(sheet.getColumn(3).numFmt).toBe('@');
      expect(rows[4]?.[6]).toBe('周报');
    }
  });

  it('has the header alone for a map without check-ins', async () => {
    const map = mapWithCheckins('en');
    const file = await outlineFile({ name: 'Plan', nodes: map.nodes, links: map.links }, 'xlsx', 'en', TODAY);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('Check-ins')?.rowCount).toBe(1);
  });
});
