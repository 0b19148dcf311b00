import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TableResult } from '../../shared/checkins/import-table';
import { temporaryBackend } from './temporary-backend';

const library = temporaryBackend('throughline-checkin-table-');
const { call, failure, writes } = library;

const base64 = (bytes: string | Uint8Array) => Buffer.from(bytes).toString('base64');

describe('readCheckinTable over the contract', () => {
  it('reads a UTF-8 CSV with a byte-order mark into text cells, and writes nothing', async () => {
    const before = writes();
    const csv = '\uFEFF指标,日期,数值,备注\n客户满意度,2026-11-30,4.5,"=1+2, kept"\n\n';
    const result = await call<TableResult>('readCheckinTable', {
      fileName: 'Numbers.CSV',
      base64: base64(csv),
    });
    expect(result).toEqual({
      ok: true,
      table: {
        header: ['指标', '日期', '数值', '备注'],
        rows: [{ line: 2, cells: ['客户满意度', '2026-11-30', '4.5', '=1+2, kept'] }],
      },
    });
    expect(writes()).toBe(before);
  });

  it('reads a CSV separated by semicolons, as European spreadsheets save it, and refuses an open quote', async () => {
    const semicolons = 'metric;date;value\nk1;2026-11-30;1,5\n';
    expect(
      await call<TableResult>('readCheckinTable', { fileName: 'a.csv', base64: base64(semicolons) }),
    ).toEqual({
      ok: true,
      table: { header: ['metric', 'date', 'value'], rows: [{ line: 2, cells: ['k1', '2026-11-30', '1,5'] }] },
    });
    const open = 'metric,date,value\nk1,"2026-11-30,1\nk2,2026-11-30,2\n';
    const refused = await call<TableResult>('readCheckinTable', { fileName: 'a.csv', base64: base64(open) });
    expect(refused).toMatchObject({ ok: false, refusal: { kind: 'bad-csv' } });
  });

  it('reads the first sheet of an XLSX: a date cell as YYYY-MM-DD, a formula as its saved result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Numbers');
    sheet.addRow(['Metric', 'Date', 'Value']);
    sheet.addRow(['k1', new Date(Date.UTC(2026, 11, 7)), { formula: '1+1', result: 2 }]);
    sheet.addRow([{ richText: [{ text: 'Chu' }, { text: 'rn' }] }, '2026-12-07', 0.25]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await call<TableResult>('readCheckinTable', { fileName: 'n.xlsx', base64: base64(bytes) });
    expect(result).toEqual({
      ok: true,
      table: {
        header: ['Metric', 'Date', 'Value'],
        rows: [
          { line: 2, cells: ['k1', '2026-12-07', '2'] },
          { line: 3, cells: ['Churn', '2026-12-07', '0.25'] },
        ],
      },
    });
  });

  it('refuses what is not a table of check-ins, as data the app words', async () => {
    const cases: [string, string | Uint8Array, TableResult][] = [
      ['a.pdf', '%PDF', { ok: false, refusal: { kind: 'not-a-table' } }],
      ['a.txt', 'metric,date,value', { ok: false, refusal: { kind: 'not-a-table' } }],
      ['a.csv', new Uint8Array([0x61, 0, 0x62]), { ok: false, refusal: { kind: 'binary' } }],
      [
        'a.csv',
        new Uint8Array([0xd6, 0xb8, 0xb1, 0xea, 0x2c]),
        { ok: false, refusal: { kind: 'not-utf-8' } },
      ],
      ['a.xlsx', 'metric,date,value', { ok: false, refusal: { kind: 'bad-xlsx' } }],
      ['a.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]), { ok: false, refusal: { kind: 'bad-xlsx' } }],
      ['a.csv', '', { ok: false, refusal: { kind: 'empty' } }],
    ];
    for (const [fileName, bytes, expected] of cases) {
      expect(
        await call<TableResult>('readCheckinTable', { fileName, base64: base64(bytes) }),
        fileName,
      ).toEqual(expected);
    }
    // Too many rows, in either format.
    const rows = `metric,date,value\n${'k1,2026-11-30,1\n'.repeat(20_001)}`;
    expect(await call<TableResult>('readCheckinTable', { fileName: 'a.csv', base64: base64(rows) })).toEqual({
      ok: false,
      refusal: { kind: 'too-many-rows', max: 20_000 },
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Numbers');
    for (let i = 0; i < 20_002; i++) sheet.addRow(['k1', '2026-11-30', i]);
    const big = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await call<TableResult>('readCheckinTable', { fileName: 'a.xlsx', base64: base64(big) })).toEqual({
      ok: false,
      refusal: { kind: 'too-many-rows', max: 20_000 },
    });
    // Larger than the contract carries: refused before it is read.
    const huge = await failure('readCheckinTable', { fileName: 'a.csv', base64: 'A'.repeat(7_000_000) });
    expect(huge.code).toBe('invalid-payload');
  });
});
