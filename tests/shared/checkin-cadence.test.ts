import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Checkin, CheckinIndex, createNode, type MapNode } from '../../shared/model';
import { dayNumber, isCalendarDate } from '../../shared/model/calendar-day';
import { checkinDue, nextCheckinDate } from '../../shared/model/checkin-cadence';
import { validateMap } from '../../shared/validation';

const at = (id: string, date: string, value = 1, metric = 'k'): Checkin => ({
  id,
  metric,
  date,
  value,
  confidence: null,
  note: '',
  by: '',
});

describe('the next check-in and staleness', () => {
  it.each([
    ['2026-01-05', 'weekly', '2026-01-12'],
    ['2026-01-31', 'monthly', '2026-02-28'],
    ['2024-01-31', 'monthly', '2024-02-29'],
    ['2026-11-30', 'quarterly', '2027-02-28'],
    ['2024-02-29', 'yearly', '2025-02-28'],
    ['2026-12-15', 'monthly', '2027-01-15'],
  ] as const)('after %s, a %s metric is next due on %s', (date, cadence, next) => {
    expect(nextCheckinDate(date, cadence)).toBe(next);
  });

  it('is fresh before the next day, due within a quarter of the cadence after it, stale beyond', () => {
    const last = { date: '2026-01-05' };
    expect(checkinDue('weekly', last, '2026-01-11')).toEqual({
      state: 'fresh',
      next: '2026-01-12',
      daysOverdue: 0,
    });
    expect(checkinDue('weekly', last, '2026-01-12').state).toBe('due');
    // 7 days + a quarter (1.75): the 9th day after is stale, the 8th is not.
    expect(checkinDue('weekly', last, '2026-01-13').state).toBe('due');
    expect(checkinDue('weekly', last, '2026-01-14')).toEqual({
      state: 'stale',
      next: '2026-01-12',
      daysOverdue: 2,
    });
    // Monthly from 31 Jan: due 28 Feb (28 days), stale after 35 days (7 Mar is day 35, 8 Mar is 36).
    expect(checkinDue('monthly', { date: '2026-01-31' }, '2026-03-07').state).toBe('due');
    expect(checkinDue('monthly', { date: '2026-01-31' }, '2026-03-08').state).toBe('stale');
    expect(checkinDue(null, last, '2030-01-01').state).toBe('no-cadence');
    expect(checkinDue('weekly', null, '2030-01-01').state).toBe('never');
  });
});

describe('metric-stale', () => {
  const metric = (cadence: 'weekly' | null): MapNode => ({
    ...(createNode('metric', 'k', 'Weekly active teams', { x: 0, y: 0 }) as Extract<
      MapNode,
      { kind: 'metric' }
    >),
    cadence,
    owner: 'Ann',
    baseline: 1,
    target: 2,
  });
  const goal = createNode('goal', 'g', 'Grow', { x: 0, y: 0 });
  const links = [{ id: 'l', source: 'g', target: 'k' }];
  const stale = (nodes: MapNode[], history: CheckinIndex | undefined, today?: string) =>
    validateMap({ nodes, links, history, today }).filter((f) => f.code === 'metric-stale');

  it('warns of a metric whose latest number is older than its cadence and a quarter, saying how late it is', () => {
    const history = new CheckinIndex([at('a', '2026-01-05'), at('b', '2025-12-29')]);
    const [finding, ...rest] = stale([goal, metric('weekly')], history, '2026-01-20');
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('warning');
    expect(finding?.nodeIds).toEqual(['k']);
    expect(finding?.message.en).toMatch(
      /Weekly active teams.* is stale: its latest number is from 2026-01-05, and the next is 8 days overdue/,
    );
    expect(finding?.message['zh-CN']).toMatch(
      /Weekly active teams.*的数值已过期：最近一次数值是 2026-01-05 的，下一次已逾期 8 天/,
    );
  });

  it('says nothing of a fresh metric, one without a cadence, one never checked in, or without a day to judge by', () => {
    const history = new CheckinIndex([at('a', '2026-01-05')]);
    expect(stale([goal, metric('weekly')], history, '2026-01-13')).toEqual([]);
    expect(stale([goal, metric(null)], history, '2027-01-01')).toEqual([]);
    expect(stale([goal, metric('weekly')], new CheckinIndex([]), '2027-01-01')).toEqual([]);
    expect(stale([goal, metric('weekly')], history)).toEqual([]);
    expect(stale([goal, metric('weekly')], undefined, '2027-01-01')).toEqual([]);
  });
});

describe('isCalendarDate (the fast check a map’s whole history is read with)', () => {
  it('agrees with dayNumber on any text and on every day of 1999–2101 give or take a few', () => {
    const agree = (text: string): void => {
      expect(isCalendarDate(text), text).toBe(dayNumber(text) !== null);
    };
    fc.assert(fc.property(fc.string({ maxLength: 12 }), agree), { numRuns: 2000 });
    const part = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), part(13), part(32), (y, m, d) =>
        agree(`${y}-${m}-${d}`),
      ),
      { numRuns: 5000 },
    );
    for (const text of [
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
      '2000-02-29',
      '2026-04-31',
      '2026-12-31',
      '２０２６-01-01',
    ])
      agree(text);
  });
});
