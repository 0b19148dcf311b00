import { describe, expect, it } from 'vitest';
import {
  decodeCheckins,
  recentCheckins,
  SPARK_COUNT,
  staleSince,
} from '../../renderer/src/canvas/card-checkins';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import {
  blankDraft,
  checkinFromDraft,
  draftOf,
  sameCheckin,
} from '../../renderer/src/panels/inspector/checkin-draft';
import { CheckinIndex } from '../../shared/model/checkins';
import type { Checkin } from '../../shared/model/types';
import { chartGeometry } from '../../shared/render/sparkline';

const box = { width: 100, height: 40, pad: 5 };
const ids = { id: 'c_1', metric: 'n_m', by: 'Lin' };

const checkin = (date: string, value: number, extra: Partial<Checkin> = {}): Checkin => ({
  id: `c_${date}`,
  metric: 'n_m',
  date,
  value,
  confidence: null,
  note: '',
  by: '',
  ...extra,
});

describe('chartGeometry (the sparkline and trend chart maths)', () => {
  it('puts the lowest value at the bottom, the highest at the top, first left and last right', () => {
    const g = chartGeometry(
      [
        { x: 0, value: 10 },
        { x: 1, value: 20 },
        { x: 2, value: 15 },
      ],
      box,
    );
    expect(g?.points).toEqual([
      { x: 5, y: 35 },
      { x: 50, y: 5 },
      { x: 95, y: 20 },
    ]);
    expect(g?.line).toBe('M5 35 L50 5 L95 20');
  });

  it('spaces points by their x (dates), not by their order', () => {
    const g = chartGeometry(
      [
        { x: 100, value: 1 },
        { x: 101, value: 2 },
        { x: 110, value: 3 },
      ],
      box,
    );
    expect(g?.points.map((p) => p.x)).toEqual([5, 14, 95]);
  });

  it('widens the scale to the target and baseline so their lines are inside the box', () => {
    const g = chartGeometry(
      [
        { x: 0, value: 10 },
        { x: 1, value: 20 },
      ],
      box,
      [30, 0, null],
    );
    expect(g?.yOf(30)).toBe(5);
    expect(g?.yOf(0)).toBe(35);
    expect(g?.points.map((p) => p.y)).toEqual([25, 15]);
  });

  it('puts one point, or equal values, in the middle; nothing to draw without points', () => {
    expect(chartGeometry([{ x: 3, value: 7 }], box)?.points).toEqual([{ x: 50, y: 20 }]);
    const flat = chartGeometry(
      [
        { x: 0, value: 7 },
        { x: 1, value: 7 },
      ],
      box,
    );
    expect(flat?.points.map((p) => p.y)).toEqual([20, 20]);
    expect(chartGeometry([], box)).toBeNull();
  });
});

describe('the card’s check-ins', () => {
  it('keeps the last twelve, oldest first, as one string that decodes back', () => {
    const list = Array.from({ length: 15 }, (_, i) =>
      checkin(`2026-0${Math.floor(i / 9) + 1}-${String((i % 9) + 10)}`, i + 0.5),
    );
    const index = new CheckinIndex(list);
    const text = recentCheckins(index, 'n_m');
    const back = decodeCheckins(text);
    expect(back).toHaveLength(SPARK_COUNT);
    expect(back[0]).toEqual({ date: list[3]?.date, value: 3.5 });
    expect(back.at(-1)).toEqual({ date: list[14]?.date, value: 14.5 });
    expect(decodeCheckins(recentCheckins(index, 'n_other'))).toEqual([]);
  });

  it('gives an equal string for a metric whose check-ins did not change in a new index', () => {
    const a = checkin('2026-11-02', 5);
    const other = { ...checkin('2026-11-03', 1), id: 'c_x', metric: 'n_other' };
    const before = recentCheckins(new CheckinIndex([a]), 'n_m');
    const after = recentCheckins(new CheckinIndex([a, other]), 'n_m');
    expect(after).toBe(before);
    expect(recentCheckins(new CheckinIndex([a, { ...a, id: 'c_2', value: 6 }]), 'n_m')).not.toBe(before);
  });

  it('says the date of the last value only when stale by the cadence (plus a quarter)', () => {
    const recent = [{ date: '2026-11-02', value: 1 }];
    // Weekly: due on the 9th, stale past 8.75 days, so on the 11th (9 days) but not the 10th.
    expect(staleSince('weekly', recent, '2026-11-10')).toBeNull();
    expect(staleSince('weekly', recent, '2026-11-11')).toBe('2026-11-02');
    expect(staleSince(null, recent, '2027-11-11')).toBeNull();
    expect(staleSince('weekly', [], '2027-11-11')).toBeNull();
  });

  it('words the stale label in both languages', () => {
    expect(en.metricCheckins.card.lastValue.replace('{{date}}', '2026-11-02')).toBe('last value 2026-11-02');
    expect(zhCN.metricCheckins.card.lastValue.replace('{{date}}', '2026-11-02')).toBe('最近数值 2026-11-02');
  });
});

describe('checkinFromDraft', () => {
  it('makes a check-in of a valid draft, typed the way people type', () => {
    const result = checkinFromDraft(
      { date: '2026/11/2', value: '１,250.5', confidence: 'at-risk', note: '  late  ' },
      ids,
    );
    expect(result).toEqual({
      ok: true,
      checkin: {
        id: 'c_1',
        metric: 'n_m',
        date: '2026-11-02',
        value: 1250.5,
        confidence: 'at-risk',
        note: 'late',
        by: 'Lin',
      },
    });
  });

  it('refuses a missing value, a missing date, not a number, out of range, an impossible date', () => {
    expect(checkinFromDraft({ ...blankDraft('2026-11-02') }, ids)).toEqual({
      ok: false,
      errors: { value: { code: 'valueRequired' } },
    });
    expect(checkinFromDraft({ date: '', value: '3', confidence: '', note: '' }, ids)).toEqual({
      ok: false,
      errors: { date: { code: 'dateRequired' } },
    });
    expect(checkinFromDraft({ date: '2026-02-30', value: 'abc', confidence: '', note: '' }, ids)).toEqual({
      ok: false,
      errors: { date: { code: 'date' }, value: { code: 'number' } },
    });
    const range = checkinFromDraft({ date: '2026-11-02', value: '2e16', confidence: '', note: '' }, ids);
    expect(range.ok).toBe(false);
    const huge = checkinFromDraft(
      { date: '2026-11-02', value: '9999999999999999', confidence: '', note: '' },
      ids,
    );
    expect(huge).toEqual({ ok: false, errors: { value: { code: 'range', max: 1e15 } } });
    const partly = checkinFromDraft({ date: '2026-11-02', value: '1', confidence: '', note: '' }, ids, true);
    expect(partly).toEqual({ ok: false, errors: { date: { code: 'date' } } });
  });

  it('refuses a note over the limit and an unknown confidence', () => {
    const result = checkinFromDraft(
      { date: '2026-11-02', value: '1', confidence: 'maybe', note: 'x'.repeat(1001) },
      ids,
    );
    expect(result).toEqual({
      ok: false,
      errors: { confidence: { code: 'choice' }, note: { code: 'tooLong', max: 1000 } },
    });
  });

  it('round-trips a saved check-in through its draft, and tells an unchanged one', () => {
    const saved = checkin('2026-11-02', 12.5, { confidence: 'on-track', note: 'ok', by: 'Lin' });
    const again = checkinFromDraft(draftOf(saved), { id: saved.id, metric: saved.metric, by: saved.by });
    expect(again.ok && sameCheckin(saved, again.checkin)).toBe(true);
    expect(sameCheckin(saved, { ...saved, value: 13 })).toBe(false);
  });
});
