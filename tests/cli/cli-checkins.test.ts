import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueReport } from '../../electron/cli/checkins-due';
import { serializeInterchange } from '../../shared/interchange';
import type { MetricNode } from '../../shared/model/types';
import { mapWithCheckins } from '../shared/checkin-fixture';
import { runCli } from './run-cli';

let dir: string;
let json: string;
let zhJson: string;
let db: string;
const env = () => ({ THROUGHLINE_USER_DATA: join(dir, 'user-data') });
const cli = (...args: string[]) => runCli(args, env());
const map = mapWithCheckins('en');
const [first, second] = map.nodes.filter((n): n is MetricNode => n.kind === 'metric') as [
  MetricNode,
  MetricNode,
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-cli-checkins-'));
  json = join(dir, 'plan.json');
  writeFileSync(json, serializeInterchange('Checkout plan', map));
  zhJson = join(dir, '计划.json');
  writeFileSync(zhJson, serializeInterchange('结算计划', mapWithCheckins('zh-CN')));
  db = join(dir, 'plans.throughline');
  const imported = await cli('import', json, '--into', db);
  expect(imported.code, imported.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('throughline checkins due', () => {
  it('lists by owner what is due, with the day it was due and the last number (en)', async () => {
    const result = await cli('checkins', 'due', json, '--today', '2026-07-02');
    expect(result.code, result.stderr).toBe(0);
    const text = result.stdout;
    expect(text).toMatch(/^Checkout plan: \d+ metrics need their numbers on 2026-07-02\n/);
    expect(text).toContain(
      `\n王芳\n  ${first.title} — due, 1 day overdue (due 2026-07-01; last 15% on 2026-06-24)\n`,
    );
    expect(text).toContain(
      `\nSam\n  ${second.title} — due, 1 day overdue (due 2026-07-01; last 31% on 2026-06-01)`,
    );
    // The template's other metrics have a cadence and no number yet.
    expect(text).toContain('no number yet (');
  });

  it('says the same in Chinese, and stale a few days later', async () => {
    const result = await cli('checkins', 'due', zhJson, '--today', '2026-07-10', '--lang', 'zh-CN');
    expect(result.code, result.stderr).toBe(0);
    const zhFirst = mapWithCheckins('zh-CN').nodes.find((n) => n.kind === 'metric') as MetricNode;
    expect(result.stdout).toMatch(/^结算计划：截至 2026-07-10，有 \d+ 个指标需要更新数值\n/);
    expect(result.stdout).toContain(
      `  ${zhFirst.title} — 已过期，逾期 9 天（应于 2026-07-01 更新；最新值 15%，2026-06-24）`,
    );
    expect(result.stdout).toContain('尚无数值（');
  });

  it('answers JSON by owner, filtered by --owner, from a .throughline document too', async () => {
    for (const file of [json, db]) {
      const result = await cli('checkins', 'due', file, '--json', '--owner', '王芳', '--today', '2026-07-22');
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as DueReport;
      expect(report.today).toBe('2026-07-22');
      expect(report.map.name).toBe('Checkout plan');
      expect(report.count).toBe(1);
      expect(report.owners).toEqual([
        {
          owner: '王芳',
          metrics: [
            {
              id: first.id,
              title: first.title,
              cadence: 'weekly',
              state: 'stale',
              next: '2026-07-01',
              daysOverdue: 21,
              unit: first.unit,
              lastValue: 15,
              lastDate: '2026-06-24',
            },
          ],
        },
      ]);
    }
  });

  it('says nothing is due when nothing is, exit 0', async () => {
    const en = await cli('checkins', 'due', json, '--owner', 'sam', '--today', '2026-06-20');
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toBe("Checkout plan: no metric's number is due on 2026-06-20.\n");
    const zh = await cli(
      'checkins',
      'due',
      json,
      '--owner',
      'Sam',
      '--today',
      '2026-06-20',
      '--lang',
      'zh-CN',
    );
    expect(zh.stdout).toBe('Checkout plan：截至 2026-06-20，没有需要更新数值的指标。\n');
    const asJson = await cli('checkins', 'due', json, '--owner', 'Sam', '--today', '2026-06-20', '--json');
    expect(JSON.parse(asJson.stdout)).toMatchObject({ count: 0, owners: [] });
  });

  it('refuses an unknown owner, a bad date and a missing subcommand with one clear line, exit 2', async () => {
    const owner = await cli('checkins', 'due', json, '--owner', 'Nobody');
    expect(owner.code).toBe(2);
    expect(owner.stdout).toBe('');
    expect(owner.stderr).toContain('No metric of "Checkout plan" is owned by "Nobody"');
    expect(owner.stderr).toContain('"王芳"');
    const date = await cli('checkins', 'due', json, '--today', '2026-02-30');
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--today must be a date as YYYY-MM-DD');
    const none = await cli('checkins', json);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('checkins needs a subcommand: due or import.');
  });
});

describe('throughline export --format ics', () => {
  it('writes the check-in calendar to stdout and to --out, from a document', async () => {
    const result = await cli('export', db, '--format', 'ics', '--lang', 'zh-CN');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const root = new ICAL.Component(ICAL.parse(result.stdout));
    const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    // A document's map has an id: the events are scoped by it.
    const weekly = events.find((e) =>
      new RegExp(`^${first.id}\\.[A-Za-z0-9_-]+@checkins\\.throughline$`).test(e.uid),
    );
    expect(weekly?.summary).toBe(`更新：${first.title}`);
    expect(weekly?.description).toContain('最新值：15%（2026-06-24）');
    expect(weekly?.startDate.toString()).toBe('2026-07-01');

    const out = join(dir, 'calendar.ics');
    const toFile = await cli('export', json, '--format', 'ics', '--out', out);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(toFile.stderr).toContain(out);
  });
});
