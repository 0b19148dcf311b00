import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import type { Checkin } from '../../shared/model/types';
import { fixture, runCli, STACK_LINE, sha256 } from './run-cli';

// good-map.json: metrics k1 "Qualified pipeline" and k2 "Annual recurring revenue", goal g1.
let dir: string;
let env: NodeJS.ProcessEnv;
let db: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-ckimport-'));
  env = { THROUGHLINE_USER_DATA: join(dir, 'user-data') };
  db = join(dir, 'plans.throughline');
  const made = await cli('import', fixture('good-map.json'), '--into', db);
  expect(made.code, made.stderr).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, env);

function stored(): { checkins: Checkin[]; current: Record<string, number | null> } {
  const repository = new MapRepository(openDocument(db, { create: false }));
  try {
    const [summary] = repository.listMaps();
    const map = repository.loadMap(summary?.id ?? '');
    const current: Record<string, number | null> = {};
    for (const node of map.nodes) if (node.kind === 'metric') current[node.id] = node.current;
    return { checkins: map.checkins ?? [], current };
  } finally {
    repository.close();
  }
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('throughline checkins import', () => {
  it('previews a CSV without writing, writes it with --yes, and adds nothing the second time', async () => {
    const csv = file(
      'numbers.csv',
      '\uFEFFMetric,Date,Value,Note,Confidence\n' +
        'k1,2026-11-30,120000,"=HYPERLINK(""http://evil"",""x"")",on-track\n' +
        'Annual recurring revenue,2026-11-30,1500000.5,,\n' +
        'Grow recurring revenue,2026-11-30,3,,\n' +
        'k2,2026-11-31,4,,\n' +
        'k2,2026-12-01,"1,5",,\n' +
        'nobody,2026-12-01,1,,\n',
    );
    const before = sha256(db);
    const preview = await cli('checkins', 'import', db, csv);
    expect(preview.code, preview.stderr).toBe(1); // some rows refused
    expect(preview.stdout).toContain('row 2');
    expect(preview.stdout).toMatch(/row 4 .*refused: "Grow recurring revenue" is not a metric/);
    expect(preview.stdout).toMatch(/row 5 .*refused: the date "2026-11-31" is not a real date/);
    expect(preview.stdout).toMatch(/row 6 .*refused: the value "1,5" is not a number/);
    expect(preview.stdout).toMatch(/row 7 .*refused: no metric of this map has the id or title "nobody"/);
    expect(preview.stdout).toContain('2 to add, 0 to correct, 0 already there, 4 refused.');
    expect(preview.stdout).toContain('Nothing was written: run again with --yes');
    expect(sha256(db)).toBe(before);
    expect(stored().checkins).toEqual([]);

    const written = await cli('checkins', 'import', db, csv, '--yes');
    expect(written.code).toBe(1);
    expect(written.stdout).toContain('Wrote 2 check-ins.');
    const after = stored();
    expect(after.checkins.map((c) => [c.metric, c.date, c.value, c.confidence])).toEqual([
      ['k1', '2026-11-30', 120000, 'on-track'],
      ['k2', '2026-11-30', 1500000.5, null],
    ]);
    // A note that looks like a spreadsheet formula is kept as the text it is.
    expect(after.checkins[0]?.note).toBe('=HYPERLINK("http://evil","x")');
    expect(after.current).toEqual({ k1: 120000, k2: 1500000.5 });

    const again = await cli('checkins', 'import', db, csv, '--yes', '--json');
    const report = JSON.parse(again.stdout) as { counts: Record<string, number>; written: number };
    expect(report.counts).toEqual({ add: 0, correct: 0, already: 2, refused: 4 });
    expect(report.written).toBe(0);
    expect(stored().checkins).toHaveLength(2);
  });

  it('reads an XLSX made with exceljs: Chinese headers, date cells, formula results, text that looks like a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('签到');
    sheet.addRow(['指标', '日期', '数值', '备注', '信心']);
    sheet.addRow(['Qualified pipeline', new Date(Date.UTC(2026, 10, 23)), 100, '第一周', '正常']);
    sheet.addRow(['k1', '2026-11-30', { formula: 'C2*2', result: 200 }, "=cmd|' /C calc'!A0", '有风险']);
    sheet.addRow(['k2', new Date(Date.UTC(2026, 10, 30)), 'n/a', '', '']);
    const xlsx = join(dir, 'numbers.xlsx');
    await workbook.xlsx.writeFile(xlsx);

    const preview = await cli('checkins', 'import', db, xlsx, '--json', '--lang', 'zh-CN');
    expect(preview.code).toBe(1);
    const report = JSON.parse(preview.stdout) as {
      rows: { line: number; date: string; value: string; outcome: string; reasons: string[] }[];
    };
    expect(report.rows.map((r) => [r.line, r.date, r.value, r.outcome])).toEqual([
      [2, '2026-11-23', '100', 'add'],
      [3, '2026-11-30', '200', 'add'],
      [4, '2026-11-30', 'n/a', 'refused'],
    ]);
    expect(report.rows[2]?.reasons[0]).toContain('不是数字');

    expect((await cli('checkins', 'import', db, xlsx, '--yes')).code).toBe(1);
    const { checkins, current } = stored();
    expect(checkins.map((c) => [c.date, c.value, c.note, c.confidence])).toEqual([
      ['2026-11-23', 100, '第一周', 'on-track'],
      ['2026-11-30', 200, "=cmd|' /C calc'!A0", 'at-risk'],
    ]);
    expect(current.k1).toBe(200);
  });

  it('refuses a hostile SOURCE as a whole, with a clear line, exit 2, and the document untouched', async () => {
    const before = sha256(db);
    const cases: [string, string | Buffer, RegExp][] = [
      ['binary.csv', Buffer.from([0x6d, 0x00, 0xff, 0x10, 0x00, 0x01]), /not text/],
      ['huge.csv', `metric,date,value\n${'k1,2026-11-30,1\n'.repeat(400_000)}`, /larger than 5 MB/],
      ['gbk.csv', Buffer.from([0xd6, 0xb8, 0xb1, 0xea, 0x2c, 0x0a].map((b) => b)), /not UTF-8/],
      ['fake.xlsx', 'metric,date,value\n', /cannot be read as an Excel workbook/],
      ['numbers.pdf', '%PDF-1.4', /Only a CSV \(\.csv\) or Excel \(\.xlsx\) file/],
      ['headers.csv', 'name,when,amount\nk1,2026-11-30,1\n', /lacks the columns metric, date, value/],
      ['header-only.csv', 'metric,date,value\n', /no rows below its header/],
    ];
    for (const [name, content, message] of cases) {
      const result = await cli('checkins', 'import', db, file(name, content), '--yes');
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(message);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.stdout).toBe('');
    }
    expect(sha256(db)).toBe(before);
  });

  it('refuses a JSON map as FILE and a missing SOURCE', async () => {
    const json = await cli(
      'checkins',
      'import',
      fixture('good-map.json'),
      file('a.csv', 'metric,date,value\n'),
    );
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('is a JSON map');
    const missing = await cli('checkins', 'import', db, join(dir, 'nothing.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no file at');
  });
});

describe('throughline checkin', () => {
  it('adds one, says "already" for the same number, corrects that day with another, refuses a bad value', async () => {
    const add = await cli(
      'checkin',
      db,
      '--metric',
      'Qualified pipeline',
      '--value',
      '120000',
      '--date',
      '2026-11-30',
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('Added 120000 to "Qualified pipeline" on 2026-11-30');
    const same = await cli('checkin', db, '--metric', 'k1', '--value', '120000', '--date', '2026-11-30');
    expect(same.stdout).toContain('already has 120000 on 2026-11-30');
    const fix = await cli(
      'checkin',
      db,
      '--metric',
      'k1',
      '--value',
      '125000',
      '--date',
      '2026-11-30',
      '--note',
      'recount',
    );
    expect(fix.stdout).toContain('from 120000 to 125000');
    const bad = await cli('checkin', db, '--metric', 'k1', '--value', '12,5');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Nothing was written: the value "12,5" is not a number');
    const { checkins, current } = stored();
    expect(checkins.map((c) => [c.date, c.value, c.note])).toEqual([['2026-11-30', 125000, 'recount']]);
    expect(current.k1).toBe(125000);
  });
});
