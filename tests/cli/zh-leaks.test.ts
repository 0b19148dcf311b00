import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeInterchange } from '../../shared/interchange';
import type { Language } from '../../shared/model/language';
import { templateContent } from '../../shared/templates';
import { validateMap } from '../../shared/validation/validate';
import { runCli } from './run-cli';

/**
 * Every output of the command line with --lang zh-CN, scanned for English words. The map is a
 * Chinese template, so any Latin word left is either the user's own text (a brand such as
 * "Lumi"), an id or a finding's code (printed for scripts), or a leak: a header, a label or a
 * sentence the command line forgot to translate. The same scan of the English output finds plenty,
 * so it is not blind.
 */

const TEMPLATE = 'product-launch-gap';
const content = templateContent(TEMPLATE, 'zh-CN');

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-zh-leaks-'));
  file = join(dir, 'plan.json');
  writeFileSync(file, serializeInterchange('新品发布', content));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Latin words the map itself puts in any output: its text, ids and finding codes. */
function fromTheMap(): Set<string> {
  const text = [
    ...content.nodes.flatMap((n) => [n.id, n.title, n.owner, n.description, 'unit' in n ? n.unit : '']),
    ...content.links.map((l) => l.id),
    ...validateMap(content).map((f) => f.code),
  ].join(' ');
  return new Set(text.match(/[A-Za-z]{2,}/g) ?? []);
}

function leaks(output: string): string[] {
  const allowed = fromTheMap();
  const words = output.match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !allowed.has(w) && w !== 'Throughline'))].sort();
}

async function outputs(lang: Language): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const validate = await runCli(['validate', file, '--lang', lang]);
  expect(validate.code, validate.stderr).toBe(1); // the template has a deliberate gap
  out.validate = validate.stdout;
  for (const format of ['csv', 'md', 'svg'] as const) {
    const result = await runCli(['export', file, '--format', format, '--lang', lang]);
    expect(result.code, result.stderr).toBe(0);
    // The picture's words are its text; its markup (element and attribute names) is not read by anyone.
    out[format] = format === 'svg' ? (result.stdout.match(/>[^<]+</g) ?? []).join(' ') : result.stdout;
  }
  const due = await runCli(['checkins', 'due', file, '--lang', lang]);
  expect(due.code, due.stderr).toBe(0);
  out.due = due.stdout;
  // The calendar's words are its events' summaries and descriptions, not iCalendar's own names.
  const ics = await runCli(['export', file, '--format', 'ics', '--lang', lang]);
  expect(ics.code, ics.stderr).toBe(0);
  out.ics = [
    ...ics.stdout.replace(/\r\n[ \t]/g, '').matchAll(/^(?:SUMMARY|DESCRIPTION|X-WR-CALNAME):(.*)$/gm),
  ]
    .map((m) => m[1])
    .join('\n');
  const xlsx = join(dir, `plan-${lang}.xlsx`);
  const result = await runCli(['export', file, '--format', 'xlsx', '--lang', lang, '--out', xlsx, '--force']);
  expect(result.code, result.stderr).toBe(0);
  // What the command says once the file is written: minus the file's own path.
  out.exported = result.stderr.replaceAll(xlsx, '');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) {
    cells.push(sheet.name);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
  }
  out.xlsx = cells.join('\n');
  return out;
}

describe('the command line with --lang zh-CN', () => {
  it('leaves no English word in a report or an export: headers, labels, sheet names, totals', async () => {
    const zh = await outputs('zh-CN');
    for (const [what, text] of Object.entries(zh)) expect(leaks(text), what).toEqual([]);
  }, 60_000);

  it('(the scan finds the English words of the same outputs in English)', async () => {
    const en = await outputs('en');
    for (const [what, text] of Object.entries(en)) expect(leaks(text).length, what).toBeGreaterThan(0);
  }, 60_000);
});
