import { describe, expect, it } from 'vitest';
import {
  buildBatch,
  countOwed,
  countReady,
  metricOwners,
  numberRows,
  type RowEntry,
  readTyped,
} from '../../renderer/src/checkins/update-numbers';
import { type Checkin, CheckinIndex, createNode, type MapNode, type MetricNode } from '../../shared/model';

const TODAY = '2026-12-07';

function metric(id: string, title: string, cadence: MetricNode['cadence'], owner = ''): MetricNode {
  return { ...(createNode('metric', id, title, { x: 0, y: 0 }) as MetricNode), cadence, owner };
}

const checkin = (metric: string, date: string, value: number): Checkin => ({
  id: `c_${metric}_${date}`,
  metric,
  date,
  value,
  confidence: null,
  note: '',
  by: '',
});

describe('the rows of the Update the numbers view', () => {
  // Weekly: due a week after the latest, stale after 7 + 1.75 days.
  const nodes: MapNode[] = [
    createNode('goal', 'g', 'Grow', { x: 0, y: 0 }),
    metric('fresh', 'Fresh weekly', 'weekly', 'Ann'),
    metric('stale-long', 'Long stale', 'weekly', 'Bo'),
    metric('none', 'No cadence', null, 'Ann'),
    metric('due', 'Due weekly', 'weekly', 'Ann'),
    metric('never', 'Never reported', 'monthly', ' Bo '),
    metric('stale-short', 'Short stale', 'weekly', 'Ann'),
  ];
  const index = new CheckinIndex([
    checkin('fresh', '2026-12-05', 1),
    checkin('stale-long', '2026-10-01', 2),
    checkin('due', '2026-11-30', 3),
    checkin('stale-short', '2026-11-20', 4),
  ]);

  it('lists every metric, owed numbers first: stale (most overdue first), due, never, fresh, no cadence', () => {
    const rows = numberRows(nodes, index, TODAY, { owner: null, owedOnly: false });
    expect(rows.map((r) => r.metric.id)).toEqual([
      'stale-long',
      'stale-short',
      'due',
      'never',
      'fresh',
      'none',
    ]);
    expect(rows.map((r) => r.due.state)).toEqual(['stale', 'stale', 'due', 'never', 'fresh', 'no-cadence']);
    expect(rows[0]?.latest?.value).toBe(2);
    expect(rows[1]?.due.daysOverdue).toBe(10);
  });

  it('keeps one owner’s metrics, or only those owing a number', () => {
    const ann = numberRows(nodes, index, TODAY, { owner: 'Ann', owedOnly: false });
    expect(ann.map((r) => r.metric.id)).toEqual(['stale-short', 'due', 'fresh', 'none']);
    const bo = numberRows(nodes, index, TODAY, { owner: 'Bo', owedOnly: true });
    expect(bo.map((r) => r.metric.id)).toEqual(['stale-long', 'never']);
    const owed = numberRows(nodes, index, TODAY, { owner: null, owedOnly: true });
    expect(owed.map((r) => r.metric.id)).toEqual(['stale-long', 'stale-short', 'due', 'never']);
  });

  it('orders ties by title then id, whatever order the nodes came in', () => {
    const twins = [metric('b', 'Same', null), metric('a', 'Same', null), metric('c', 'Apple', null)];
    const rows = numberRows(twins, new CheckinIndex(), TODAY, { owner: null, owedOnly: false });
    expect(rows.map((r) => r.metric.id)).toEqual(['c', 'a', 'b']);
  });

  it('counts the metrics and those owing a number (stale, due, never reported)', () => {
    expect(countOwed(nodes, index, TODAY)).toEqual({ metrics: 6, owed: 4 });
    expect(countOwed([nodes[0] as MapNode], index, TODAY)).toEqual({ metrics: 0, owed: 0 });
  });

  it('offers the owners of metrics only, trimmed and sorted', () => {
    const withGoalOwner = [{ ...nodes[0], owner: 'Chief' } as MapNode, ...nodes.slice(1)];
    expect(metricOwners(withGoalOwner)).toEqual(['Ann', 'Bo']);
  });
});

describe('typed values', () => {
  it('reads numbers as the inspector does, and empty as nothing to save', () => {
    expect(readTyped('')).toEqual({ kind: 'empty' });
    expect(readTyped('  ')).toEqual({ kind: 'empty' });
    expect(readTyped('1,250.5')).toEqual({ kind: 'number', value: 1250.5 });
    expect(readTyped('－３')).toEqual({ kind: 'number', value: -3 });
    expect(readTyped('0')).toEqual({ kind: 'number', value: 0 });
    expect(readTyped('12%')).toEqual({ kind: 'error', error: { code: 'number' } });
    expect(readTyped('abc')).toEqual({ kind: 'error', error: { code: 'number' } });
    expect(readTyped('1e20')).toEqual({ kind: 'error', error: { code: 'number' } });
    expect(readTyped('2000000000000000')).toMatchObject({ kind: 'error', error: { code: 'range' } });
  });
});

describe('the batch Save writes', () => {
  const entry = (value: string, extra: Partial<RowEntry> = {}): RowEntry => ({
    value,
    confidence: null,
    note: '',
    ...extra,
  });
  let n = 0;
  const ids = () => `c_${++n}`;

  it('makes one check-in per metric with a number, dated and signed, in the rows’ order', () => {
    n = 0;
    const entries = new Map([
      ['k2', entry(' 7 ', { confidence: 'at-risk', note: '  late data  ' })],
      ['k1', entry('1,000')],
      ['k3', entry('', { note: 'no number: left out' })],
    ]);
    const batch = buildBatch(['k1', 'k2', 'k3'], entries, '2026/12/7', '  Mei  ', ids);
    expect(batch).toEqual({
      ok: true,
      checkins: [
        { id: 'c_1', metric: 'k1', date: '2026-12-07', value: 1000, confidence: null, note: '', by: 'Mei' },
        {
          id: 'c_2',
          metric: 'k2',
          date: '2026-12-07',
          value: 7,
          confidence: 'at-risk',
          note: 'late data',
          by: 'Mei',
        },
      ],
    });
    expect(countReady(['k1', 'k2', 'k3'], entries)).toBe(2);
    // A value typed for a metric no longer on the map is neither counted nor saved.
    expect(countReady(['k1'], entries)).toBe(1);
  });

  it('refuses the whole batch on one bad value, a bad date or a long note, naming each problem', () => {
    const entries = new Map([
      ['k1', entry('5')],
      ['k2', entry('five')],
      ['k3', entry('6', { note: 'x'.repeat(1001) })],
    ]);
    const batch = buildBatch(['k1', 'k2', 'k3'], entries, '2026-02-30', '', ids);
    expect(batch).toEqual({
      ok: false,
      problems: [
        { kind: 'date' },
        { kind: 'value', metric: 'k2', error: { code: 'number' } },
        { kind: 'note', metric: 'k3', max: 1000 },
      ],
    });
  });

  it('has nothing to save without a number, and no date is refused', () => {
    expect(buildBatch(['k1'], new Map([['k1', entry(' ')]]), TODAY, '', ids)).toEqual({
      ok: false,
      problems: [{ kind: 'nothing' }],
    });
    expect(buildBatch(['k1'], new Map([['k1', entry('3')]]), '', '', ids)).toEqual({
      ok: false,
      problems: [{ kind: 'date' }],
    });
  });

  it('cuts the name to the limit of a check-in’s author', () => {
    const batch = buildBatch(['k1'], new Map([['k1', entry('3')]]), TODAY, 'N'.repeat(300), ids);
    expect(batch.ok && batch.checkins[0]?.by.length).toBe(120);
  });
});
