import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XLSX_SHEETS } from '../../electron/backend/services/xlsx-export';
import { CSV_BOM, outlineCsv } from '../../shared/exports/csv';
import { outlineMarkdown } from '../../shared/exports/markdown';
import { outlineTable } from '../../shared/exports/outline-columns';
import { InterchangeSchema, serializeInterchange } from '../../shared/interchange';
import { localToday } from '../../shared/model/local-today';
import { templateContent } from '../../shared/templates';
import { validateMap } from '../../shared/validation/validate';
import { fixture, runCli, STACK_LINE, sha256 } from './run-cli';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-cli-outline-'));
  env = { THROUGHLINE_USER_DATA: join(dir, 'user-data') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, env);

/** A fixture as the app reads it: defaults filled in. */
const parsed = (file: string) => InterchangeSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

/** A JSON map of a template in Chinese, written to the test's folder. */
function chineseMap(): string {
  const file = join(dir, '双十一.json');
  writeFileSync(file, serializeInterchange('双十一大促', templateContent('shopping-festival', 'zh-CN')));
  return file;
}

describe('throughline export: the outline as csv, md and xlsx', () => {
  it('writes CSV to stdout: the same bytes as the export makes, with the byte order mark', async () => {
    const result = await cli('export', fixture('goal-without-path.json'), '--format', 'csv');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith(CSV_BOM)).toBe(true);
    expect(result.stdout).toBe(outlineCsv(parsed(fixture('goal-without-path.json')), 'en', localToday()));
    expect(result.stdout).toContain('Enter the Japanese market,Aiko');
  });

  it('writes Markdown in Chinese with --lang zh-CN, to stdout and to --out alike', async () => {
    const file = chineseMap();
    const map = parsed(file);
    const stdout = await cli('export', file, '--format', 'md', '--lang', 'zh-CN');
    expect(stdout.code, stdout.stderr).toBe(0);
    expect(stdout.stdout).toBe(outlineMarkdown(map, 'zh-CN', localToday()));
    expect(stdout.stdout).toMatch(/^# 双十一大促\n/);
    expect(stdout.stdout).toContain('## 检查结果');

    const out = join(dir, 'plan.md');
    const toFile = await cli('export', file, '--format', 'md', '--lang', 'zh-CN', '--out', out);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(toFile.stderr).toContain(`已将“双十一大促”导出到 ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(stdout.stdout);
  });

  it('writes an Excel workbook to --out, and refuses xlsx without --out before reading anything', async () => {
    const file = chineseMap();
    const refused = await cli('export', file, '--format', 'xlsx');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^throughline: format xlsx needs --out PATH/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);

    const out = join(dir, 'plan.xlsx');
    const result = await cli('export', file, '--format', 'xlsx', '--lang', 'zh-CN', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const map = parsed(file);
    const table = outlineTable(map, 'zh-CN', localToday());
    const sheet = workbook.getWorksheet(XLSX_SHEETS['zh-CN'].outline) as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(table.rows.length + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('战略目标');
    expect(sheet.getRow(2).getCell(1).value).toBe(table.rows[0]?.[0]);
    const findings = workbook.getWorksheet(XLSX_SHEETS['zh-CN'].findings) as ExcelJS.Worksheet;
    expect(findings.rowCount).toBe(validateMap(map).length + 1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exports one map of a database chosen with --map, leaving the database unchanged', async () => {
    const db = join(dir, 'plans.throughline');
    for (const name of ['good-map.json', 'goal-without-path.json']) {
      expect((await cli('import', fixture(name), '--into', db)).code).toBe(0);
    }
    const before = sha256(db);
    const ambiguous = await cli('export', db, '--format', 'csv');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('--map');

    const out = join(dir, 'growth.csv');
    const result = await cli('export', db, '--format', 'csv', '--map', 'Growth 2026', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(outlineCsv(parsed(fixture('good-map.json')), 'en', localToday()));
    expect(sha256(db)).toBe(before);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it('says which formats exist; a bad --lang is refused', async () => {
    const map = fixture('good-map.json');
    const docx = await cli('export', map, '--format', 'docx');
    expect(docx.code).toBe(2);
    expect(docx.stderr).toContain('"docx" is not an export format');
    expect(docx.stderr).toContain('json, csv, xlsx, md, ics, svg, png, pdf');
    expect(docx.stderr).not.toMatch(STACK_LINE);

    const lang = await cli('export', map, '--format', 'md', '--lang', 'fr');
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang must be one of en, zh-CN');
    expect(lang.stdout).toBe('');
  });

  it('fails with one line and leaves nothing behind when --out cannot be written', async () => {
    const out = join(dir, 'missing-folder', 'plan.csv');
    const result = await cli('export', fixture('good-map.json'), '--format', 'csv', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^throughline: ".*plan\.csv" could not be written/);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false);
  });

  it('explains the formats in its help', async () => {
    const help = await cli('help', 'export');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format json|csv|xlsx|md');
    expect(help.stdout).toContain('--lang');
  });
});
