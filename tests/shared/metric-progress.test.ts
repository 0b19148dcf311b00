import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  goalHealth,
  type MetricValues,
  metricProgress,
  metricStartDate,
} from '../../shared/model/metric-progress';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapLink, MapNode, MapNodeInput } from '../../shared/model/types';

const TODAY = '2026-07-01';

function values(extra: Partial<MetricValues>): MetricValues {
  return { direction: 'higher', baseline: 0, target: 100, current: 0, dueDate: null, ...extra };
}

describe('metricProgress', () => {
  it('measures the share of the way from baseline to target when higher is better', () => {
    const result = metricProgress(values({ baseline: 20, target: 120, current: 70 }), TODAY);
    expect(result.progress).toBeCloseTo(0.5);
    expect(result.expected).toBeNull();
  });

  it('measures the share of the way when lower is better', () => {
    const result = metricProgress(
      values({ direction: 'lower', baseline: 40, target: 20, current: 25, dueDate: '2026-12-31' }),
      TODAY,
    );
    expect(result.progress).toBeCloseTo(0.75);
    expect(result.status).toBe('on-track');
  });

  it('keeps the raw progress when the metric moved the wrong way or overshot', () => {
    expect(metricProgress(values({ current: -50 }), TODAY)).toMatchObject({
      progress: -0.5,
      status: 'off-track',
    });
    expect(metricProgress(values({ current: 150 }), TODAY)).toMatchObject({
      progress: 1.5,
      status: 'achieved',
    });
    expect(
      metricProgress(values({ direction: 'lower', baseline: 10, target: 5, current: 12 }), TODAY).progress,
    ).toBeCloseTo(-0.4);
  });

  it('is unknown when the baseline, the target or the current value is missing', () => {
    for (const missing of ['baseline', 'target', 'current'] as const) {
      expect(metricProgress(values({ current: 50, [missing]: null }), TODAY)).toEqual({
        progress: null,
        expected: null,
        status: 'unknown',
      });
    }
  });

  it('is achieved once the current value reaches the target in the good direction', () => {
    expect(metricProgress(values({ current: 100 }), TODAY).status).toBe('achieved');
    expect(
      metricProgress(values({ direction: 'lower', baseline: 9, target: 3, current: 3 }), TODAY).status,
    ).toBe('achieved');
    expect(
      metricProgress(values({ direction: 'lower', baseline: 9, target: 3, current: 4 }), TODAY).status,
    ).not.toBe('achieved');
    // Achieved even when the due date has passed.
    expect(metricProgress(values({ current: 100, dueDate: '2020-01-01' }), TODAY).status).toBe('achieved');
  });

  it('with a due date but no start: on track from 70 % of the way, at risk from 40 %, off track below', () => {
    const due = { dueDate: '2026-12-31' };
    expect(metricProgress(values({ current: 70, ...due }), TODAY).status).toBe('on-track');
    expect(metricProgress(values({ current: 69, ...due }), TODAY).status).toBe('at-risk');
    expect(metricProgress(values({ current: 40, ...due }), TODAY).status).toBe('at-risk');
    expect(metricProgress(values({ current: 39, ...due }), TODAY).status).toBe('off-track');
  });

  it('without a due date says so instead of guessing from the share (not off track on day one)', () => {
    // Set up today at its baseline: nothing says it is late.
    expect(metricProgress(values({ current: 0 }), TODAY)).toEqual({
      progress: 0,
      expected: null,
      status: 'no-due-date',
    });
    expect(metricProgress(values({ current: 39 }), TODAY).status).toBe('no-due-date');
    // Worse than the baseline is off track at any date.
    expect(metricProgress(values({ current: -5 }), TODAY).status).toBe('off-track');
    expect(metricProgress(values({ current: 90 }), TODAY, '2026-01-01').status).toBe('no-due-date');
    // A due date that is not a real date is no due date either.
    expect(metricProgress(values({ current: 10, dueDate: '2026-02-30' }), TODAY).status).toBe('no-due-date');
    // Reaching the target needs no date; a level to hold that is broken is off track without one.
    expect(metricProgress(values({ current: 100 }), TODAY).status).toBe('achieved');
    expect(metricProgress(values({ baseline: 95, target: 90, current: 85 }), TODAY).status).toBe('off-track');
  });

  it('with a start and a due date: compares progress with the share of time elapsed', () => {
    // Half of the time has gone (2026-01-01 .. 2027-01-01, today 2026-07-02 ≈ 0.5).
    const metric = values({ dueDate: '2027-01-01' });
    const start = '2026-01-01';
    const today = '2026-07-02';
    const at = (current: number) => metricProgress({ ...metric, current }, today, start);
    expect(at(50).expected).toBeCloseTo(0.5, 2);
    expect(at(45).status).toBe('on-track'); // 5 points behind
    expect(at(30).status).toBe('at-risk'); // 20 points behind
    expect(at(15).status).toBe('off-track'); // 35 points behind
    // Early in the time frame little is expected: 10 % of the way is on track, unlike without dates.
    expect(metricProgress({ ...metric, current: 10 }, '2026-01-15', start).status).toBe('on-track');
    expect(metricProgress({ ...metric, current: 10 }, '2026-01-15').status).toBe('off-track');
    // Before the start nothing is expected yet.
    expect(metricProgress({ ...metric, current: 0 }, '2025-12-01', start)).toMatchObject({
      expected: 0,
      status: 'on-track',
    });
  });

  it('is off track once the due date has passed without reaching the target', () => {
    expect(metricProgress(values({ current: 95, dueDate: '2026-06-30' }), TODAY).status).toBe('off-track');
    // On the due date itself the metric is still judged by its progress.
    expect(metricProgress(values({ current: 95, dueDate: TODAY }), TODAY).status).toBe('on-track');
  });

  it('ignores a time frame whose due date is not after its start', () => {
    const result = metricProgress(values({ current: 50, dueDate: '2026-09-01' }), TODAY, '2026-09-01');
    // Judged as with a due date and no start: 50 % is at risk.
    expect(result.expected).toBeNull();
    expect(result.status).toBe('at-risk');
  });

  it('treats a target that is not beyond the baseline as a level to hold', () => {
    // Higher is better, target below the baseline: keep it above 90.
    const hold = values({ baseline: 95, target: 90 });
    expect(metricProgress({ ...hold, current: 92 }, TODAY)).toEqual({
      progress: null,
      expected: null,
      status: 'achieved',
    });
    expect(metricProgress({ ...hold, current: 85 }, TODAY).status).toBe('off-track');
    expect(metricProgress(values({ baseline: 5, target: 5, current: 5 }), TODAY).status).toBe('achieved');
  });
});

describe('dayNumber', () => {
  it('reads real calendar dates only', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-02-29')).not.toBeNull();
    expect(dayNumber('2023-02-29')).toBeNull();
    expect(dayNumber('2026-13-01')).toBeNull();
    expect(dayNumber('26-01-01')).toBeNull();
    expect(dayNumber(null)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

type Extra = Partial<Omit<MapNodeInput, 'id' | 'kind'>> & Record<string, unknown>;
const node = (kind: MapNode['kind'], id: string, extra: Extra = {}): MapNode =>
  MapNodeSchema.parse({ id, kind, title: id, ...extra });
const goal = (id: string) => node('goal', id);
const mech = (id: string, extra?: Extra) => node('mechanism', id, extra);
/** A metric due at the end of the year whose current value is `share` of the way from 0 to 100. */
const metric = (id: string, current: number | null, extra?: Extra) =>
  node('metric', id, { baseline: 0, target: 100, current, dueDate: '2026-12-31', ...extra });
const links = (...specs: string[]): MapLink[] =>
  specs.map((spec) => {
    const [source = '', target = ''] = spec.split('>');
    return { id: `${source}-${target}`, source, target };
  });

describe('goalHealth', () => {
  it('rolls up the metrics reached through sub-goals and mechanisms, and outcome metrics', () => {
    const nodes = [
      goal('g'),
      goal('sub'),
      mech('m1'),
      mech('m2'),
      metric('ok', 80),
      metric('risk', 50),
      metric('won', 100),
      metric('outcome', 10),
      metric('unset', null),
      metric('elsewhere', 0),
    ];
    const map = links('g>sub', 'sub>m1', 'm1>m2', 'm2>ok', 'm2>risk', 'm1>won', 'g>outcome', 'sub>unset');
    expect(goalHealth('g', nodes, map, TODAY)).toEqual({
      metrics: 5,
      onTrack: 1,
      atRisk: 1,
      offTrack: 1,
      achieved: 1,
      noDueDate: 0,
      unknown: 1,
      status: 'off-track',
    });
    expect(goalHealth('sub', nodes, map, TODAY)).toMatchObject({ metrics: 4, status: 'at-risk' });
  });

  it('counts a metric reached along several paths once', () => {
    const nodes = [goal('g'), mech('a'), mech('b'), metric('x', 90)];
    expect(goalHealth('g', nodes, links('g>a', 'g>b', 'a>x', 'b>x', 'g>x'), TODAY)).toMatchObject({
      metrics: 1,
      onTrack: 1,
      status: 'on-track',
    });
  });

  it('counts metrics without a due date apart, and says so when nothing else is known', () => {
    const nodes = [goal('g'), mech('m'), metric('open', 10, { dueDate: null }), metric('ok', 80)];
    expect(goalHealth('g', nodes, links('g>m', 'm>open', 'm>ok'), TODAY)).toMatchObject({
      metrics: 2,
      noDueDate: 1,
      onTrack: 1,
      offTrack: 0,
      status: 'on-track',
    });
    expect(goalHealth('g', nodes, links('g>m', 'm>open'), TODAY)).toMatchObject({
      noDueDate: 1,
      status: 'no-due-date',
    });
  });

  it('takes the worst known status and is unknown only when nothing is known', () => {
    const nodes = [goal('g'), mech('m'), metric('won', 100), metric('unset', null)];
    expect(goalHealth('g', nodes, links('g>m', 'm>won', 'm>unset'), TODAY).status).toBe('achieved');
    expect(goalHealth('g', nodes, links('g>m', 'm>unset'), TODAY)).toMatchObject({
      metrics: 1,
      unknown: 1,
      status: 'unknown',
    });
    expect(goalHealth('g', nodes, [], TODAY)).toMatchObject({ metrics: 0, status: 'unknown' });
  });

  it('follows only links that count towards execution paths', () => {
    const nodes = [goal('g'), mech('m'), metric('x', 10), metric('y', 90), mech('other'), metric('z', 90)];
    // A metric → mechanism link is forbidden: the walk does not go on from x to other and z.
    // A mechanism → goal link is forbidden too.
    const map = links('g>x', 'x>other', 'other>z', 'm>g', 'm>y');
    expect(goalHealth('g', nodes, map, TODAY)).toMatchObject({ metrics: 1, offTrack: 1 });
  });

  it('judges each metric in the time frame of the mechanisms that it measures', () => {
    // Half of the time has gone; 45 % of the way is on track with the time frame, at risk without.
    const nodes = [
      goal('g'),
      mech('m', { startDate: '2026-01-01' }),
      mech('late', { startDate: '2026-03-01' }),
      metric('x', 45, { dueDate: '2027-01-01' }),
    ];
    const map = links('g>m', 'm>x', 'late>x');
    expect(metricStartDate('x', nodes, map)).toBe('2026-01-01');
    expect(goalHealth('g', nodes, map, '2026-07-02')).toMatchObject({ onTrack: 1, status: 'on-track' });
    expect(goalHealth('g', nodes, links('g>x'), '2026-07-02')).toMatchObject({ atRisk: 1 });
  });

  it('is empty for an id that is not a goal', () => {
    const nodes = [goal('g'), mech('m'), metric('x', 90)];
    expect(goalHealth('m', nodes, links('g>m', 'm>x'), TODAY).metrics).toBe(0);
    expect(goalHealth('nope', nodes, links('g>m', 'm>x'), TODAY).metrics).toBe(0);
  });
});
