import { describe, expect, it } from 'vitest';
import { checkinTrend } from '../../shared/exports/checkin-numbers';
import { outlineCsv } from '../../shared/exports/csv';
import { outlineMarkdown } from '../../shared/exports/markdown';
import { OUTLINE_COLUMNS, outlineTable } from '../../shared/exports/outline-columns';
import { CheckinIndex } from '../../shared/model/checkins';
import { LANGUAGES } from '../../shared/model/language';
import type { MetricNode } from '../../shared/model/types';
import { sparklinePoints } from '../../shared/render/sparkline';
import { mapWithCheckins } from './checkin-fixture';

const TODAY = '2026-07-01';

describe('check-ins in the outline exports', () => {
  it('gives the trend of the last step, none with fewer than two numbers', () => {
    expect(checkinTrend([])).toBeNull();
    expect(checkinTrend([{ value: 3 }])).toBeNull();
    expect(checkinTrend([{ value: 3 }, { value: 4 }])).toBe('up');
    expect(checkinTrend([{ value: 5 }, { value: 4 }])).toBe('down');
    expect(checkinTrend([{ value: 9 }, { value: 4 }, { value: 4 }])).toBe('flat');
  });

  it('adds the current value’s date and trend columns to the CSV and XLSX table, in both languages', () => {
    const dateCol = OUTLINE_COLUMNS.findIndex((c) => c.key === 'currentDate');
    const trendCol = OUTLINE_COLUMNS.findIndex((c) => c.key === 'trend');
    const currentCol = OUTLINE_COLUMNS.findIndex((c) => c.key === 'current');
    const metricCol = OUTLINE_COLUMNS.findIndex((c) => c.key === 'metric');
    expect(dateCol).toBe(currentCol + 1);
    for (const language of LANGUAGES) {
      const map = mapWithCheckins(language);
      const [first, second, third] = map.nodes.filter((n): n is MetricNode => n.kind === 'metric') as [
        MetricNode,
        MetricNode,
        MetricNode,
      ];
      const table = outlineTable({ ...map, history: new CheckinIndex(map.checkins) }, language, TODAY);
      expect(table.header[dateCol]).toBe(language === 'en' ? 'Current as of' : '当前值日期');
      expect(table.header[trendCol]).toBe(language === 'en' ? 'Trend' : '趋势');
      const rowOf = (m: MetricNode) => table.rows.find((r) => r[metricCol] === m.title) as unknown[];
      expect(rowOf(first)[currentCol]).toBe(15);
      expect(rowOf(first)[dateCol]).toBe('2026-06-24');
      expect(rowOf(first)[trendCol]).toBe(language === 'en' ? '→ Flat' : '→ 持平');
      expect(rowOf(second)[dateCol]).toBe('2026-06-01');
      expect(rowOf(second)[trendCol]).toBe(language === 'en' ? '↓ Down' : '↓ 下降');
      expect(rowOf(third)[dateCol]).toBeNull();
      expect(rowOf(third)[trendCol]).toBeNull();

      const csv = outlineCsv({ ...map, history: new CheckinIndex(map.checkins) }, language, TODAY);
      expect(csv).toContain(table.header[dateCol] as string);
      expect(csv).toContain(',15,2026-06-24,');
      // Without the history (a map from before check-ins) the columns are there and empty.
      expect(outlineCsv(map, language, TODAY)).not.toContain('2026-06-24');
    }
  });

  it('lists each metric’s latest number, date and trend in the Markdown, in both languages', () => {
    for (const language of LANGUAGES) {
      const map = mapWithCheckins(language);
      const metrics = map.nodes.filter((n): n is MetricNode => n.kind === 'metric');
      const md = outlineMarkdown(
        { name: 'Plan', ...map, history: new CheckinIndex(map.checkins) },
        language,
        TODAY,
      );
      const heading = language === 'en' ? '## Latest numbers' : '## 最新数值';
      expect(md).toContain(heading);
      const section = md.slice(md.indexOf(heading), md.indexOf('## ', md.indexOf(heading) + 3));
      const lines = section.split('\n').filter((l) => l.startsWith('- '));
      expect(lines).toHaveLength(metrics.length);
      const first = metrics[0] as MetricNode;
      const unit = first.unit === '' ? '' : first.unit;
      expect(lines[0]).toContain(language === 'en' ? 'Latest: 15' : '最新值：15');
      expect(lines[0]).toContain(unit);
      expect(lines[0]).toContain('2026-06-24');
      expect(lines[0]).toContain(language === 'en' ? '→ Flat' : '→ 持平');
      expect(lines[1]).toContain('2026-06-01');
      expect(lines[1]).toContain('↓');
      expect(lines[2]).toContain(language === 'en' ? 'No check-in yet.' : '尚无填报。');
      // Judged three weeks later, the weekly metric (last 2026-06-24, next 07-01) is stale: listed.
      const later = outlineMarkdown(
        { name: 'Plan', ...map, history: new CheckinIndex(map.checkins) },
        language,
        '2026-07-22',
      );
      expect(later).toContain(language === 'en' ? 'the next is 21 days overdue' : '下一次已逾期 21 天');
      expect(md).not.toContain(language === 'en' ? 'overdue' : '逾期');
      // A map without check-ins has no such section.
      expect(outlineMarkdown({ name: 'Plan', ...map }, language, TODAY)).not.toContain(heading);
    }
  });

  it('draws a sparkline inside its box, high numbers at the top', () => {
    const points = sparklinePoints([1, 3, 2], 40, 12, 1)
      .split(' ')
      .map((p) => p.split(',').map(Number) as [number, number]);
    expect(points).toEqual([
      [1, 11],
      [20, 1],
      [39, 6],
    ]);
    expect(sparklinePoints([], 40, 12)).toBe('');
    expect(sparklinePoints([5, 5], 40, 12, 1)).toBe('1,6 39,6');
    // Longer than the box is wide: one number per pixel, the first and the last kept, in the box.
    const long = Array.from({ length: 104 }, (_, i) => (i === 103 ? 1000 : i));
    const drawn = sparklinePoints(long, 56, 14, 1.5).split(' ');
    expect(drawn).toHaveLength(56);
    expect(drawn[0]).toBe('1.5,12.5');
    expect(drawn[55]).toBe('54.5,1.5');
  });
});
