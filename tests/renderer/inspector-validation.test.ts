import { describe, expect, it } from 'vitest';
import { fieldRows, widthOf } from '../../renderer/src/panels/inspector/field-rows';
import { clampShare, formatShare } from '../../renderer/src/panels/inspector/format';
import {
  AMOUNT_LIMIT,
  checkDateOrder,
  commitField,
  FIELDS_OF_KIND,
  type FieldKey,
  formatField,
  parseChoice,
  parseDate,
  parseNumber,
  parseText,
} from '../../renderer/src/panels/inspector/parse-field';
import { selectionOf } from '../../renderer/src/panels/inspector/selection';
import { toFlowNode } from '../../renderer/src/store/plan-flow';
import { formatAmount } from '../../shared/model/amount';
import { LIMITS } from '../../shared/model/limits';
import { localToday } from '../../shared/model/local-today';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapNode, MapNodeInput } from '../../shared/model/types';

/** Omit applied to each member of a union, so each kind keeps its own fields. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A node as a test writes it: any kind's fields, the title optional. */
type NodeSpec = OmitEach<MapNodeInput, 'title'> & { title?: string };

const node = (input: NodeSpec): MapNode => MapNodeSchema.parse({ title: 'T', ...input });

describe('parseNumber', () => {
  it('reads plain numbers, signs and decimals', () => {
    expect(parseNumber('42')).toEqual({ ok: true, value: 42 });
    expect(parseNumber(' -3.25 ')).toEqual({ ok: true, value: -3.25 });
    expect(parseNumber('+7')).toEqual({ ok: true, value: 7 });
    expect(parseNumber('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('5.')).toEqual({ ok: true, value: 5 });
    expect(parseNumber('-0')).toEqual({ ok: true, value: 0 });
  });

  it('accepts commas only as thousands separators', () => {
    expect(parseNumber('1,234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('12,345,678')).toEqual({ ok: true, value: 12345678 });
    for (const bad of ['1,23', '1234,567', '1,2345', ',123', '1,,234', '1.234,5']) {
      expect(parseNumber(bad), bad).toEqual({ ok: false, error: { code: 'number' } });
    }
  });

  it('reads full-width digits and punctuation typed with a Chinese input method', () => {
    expect(parseNumber('１２，３４５．５')).toEqual({ ok: true, value: 12345.5 });
    expect(parseNumber('−4')).toEqual({ ok: true, value: -4 });
  });

  it('clears the value on empty text', () => {
    expect(parseNumber('')).toEqual({ ok: true, value: null });
    expect(parseNumber('   ')).toEqual({ ok: true, value: null });
  });

  it('refuses anything that is not a plain finite number', () => {
    for (const bad of ['abc', '12%', '1e5', '1 234', '--1', '.', '-', 'NaN', 'Infinity', '0x10', '1.2.3']) {
      expect(parseNumber(bad), bad).toEqual({ ok: false, error: { code: 'number' } });
    }
  });

  it('refuses numbers beyond what the schema stores', () => {
    expect(parseNumber('1000000000000000')).toEqual({ ok: true, value: AMOUNT_LIMIT });
    expect(parseNumber('1,000,000,000,000,001')).toEqual({
      ok: false,
      error: { code: 'range', max: AMOUNT_LIMIT },
    });
    expect(parseNumber(`9${'9'.repeat(400)}`)).toEqual({ ok: false, error: { code: 'number' } });
  });
});

describe('parseDate', () => {
  it('reads real YYYY-MM-DD dates and clears on empty text', () => {
    expect(parseDate('2026-03-31')).toEqual({ ok: true, value: '2026-03-31' });
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('')).toEqual({ ok: true, value: null });
  });

  it('reads a day as people type it in either language, saved as YYYY-MM-DD', () => {
    for (const typed of ['2026-1-5', '2026/1/5', '2026.01.05', '2026年1月5日', ' 2026 年 1 月 5 日 ']) {
      expect(parseDate(typed), typed).toEqual({ ok: true, value: '2026-01-05' });
    }
  });

  it('refuses impossible or malformed dates', () => {
    for (const bad of [
      '2026-02-30',
      '2023-02-29',
      '2026-13-01',
      '26-1-5',
      '31/03/2026',
      '03/31/2026',
      'tomorrow',
      '2026年2月30日',
    ]) {
      expect(parseDate(bad), bad).toEqual({ ok: false, error: { code: 'date' } });
    }
  });

  it('refuses a partly typed date the browser reports as bad input, even though its value is empty', () => {
    expect(parseDate('', true)).toEqual({ ok: false, error: { code: 'date' } });
  });
});

describe('checkDateOrder', () => {
  it('wants the due date on or after the start date', () => {
    expect(checkDateOrder('2026-01-01', '2026-01-01', 'dueDate')).toBeNull();
    expect(checkDateOrder('2026-01-01', '2026-06-30', 'startDate')).toBeNull();
    expect(checkDateOrder(null, '2026-06-30', 'dueDate')).toBeNull();
    expect(checkDateOrder('2026-01-01', null, 'startDate')).toBeNull();
    expect(checkDateOrder('2026-02-01', '2026-01-31', 'dueDate')).toEqual({
      code: 'dueBeforeStart',
      start: '2026-02-01',
    });
    expect(checkDateOrder('2026-02-01', '2026-01-31', 'startDate')).toEqual({
      code: 'startAfterDue',
      due: '2026-01-31',
    });
  });
});

describe('parseText and parseChoice', () => {
  it('trims text and enforces the limit', () => {
    expect(parseText('  Ann  ', LIMITS.owner)).toEqual({ ok: true, value: 'Ann' });
    expect(parseText('x'.repeat(LIMITS.owner), LIMITS.owner).ok).toBe(true);
    expect(parseText('x'.repeat(LIMITS.owner + 1), LIMITS.owner)).toEqual({
      ok: false,
      error: { code: 'tooLong', max: LIMITS.owner },
    });
  });

  it('accepts only the listed options, and "none" only where allowed', () => {
    expect(parseChoice('high', ['high', 'low'], true)).toEqual({ ok: true, value: 'high' });
    expect(parseChoice('', ['high', 'low'], true)).toEqual({ ok: true, value: null });
    expect(parseChoice('', ['high', 'low'], false).ok).toBe(false);
    expect(parseChoice('urgent', ['high', 'low'], true).ok).toBe(false);
  });
});

describe('commitField', () => {
  const metric = node({ id: 'x', kind: 'metric', baseline: 10, target: 20 });
  const mechanism = node({ id: 'm', kind: 'mechanism', startDate: '2026-01-01', dueDate: '2026-06-30' });
  const goal = node({ id: 'g', kind: 'goal', priority: 'high' });

  it('gives a patch of the parsed value', () => {
    expect(commitField(metric, 'current', '1,234.5')).toEqual({ ok: true, value: { current: 1234.5 } });
    expect(commitField(metric, 'target', '')).toEqual({ ok: true, value: { target: null } });
    expect(commitField(metric, 'cadence', 'monthly')).toEqual({ ok: true, value: { cadence: 'monthly' } });
    expect(commitField(goal, 'priority', '')).toEqual({ ok: true, value: { priority: null } });
    expect(commitField(goal, 'title', '  Grow  ')).toEqual({ ok: true, value: { title: 'Grow' } });
    expect(commitField(mechanism, 'function', 'marketing')).toEqual({
      ok: true,
      value: { function: 'marketing' },
    });
  });

  it('gives an empty patch when nothing changed', () => {
    expect(commitField(metric, 'baseline', '10')).toEqual({ ok: true, value: {} });
    expect(commitField(mechanism, 'startDate', '2026-01-01')).toEqual({ ok: true, value: {} });
  });

  it('saves nothing for a value that is not a number or not a date', () => {
    expect(commitField(metric, 'current', 'lots')).toEqual({ ok: false, error: { code: 'number' } });
    expect(commitField(metric, 'dueDate', '2026-02-31')).toEqual({ ok: false, error: { code: 'date' } });
    expect(commitField(mechanism, 'dueDate', '', { badInput: true })).toEqual({
      ok: false,
      error: { code: 'date' },
    });
  });

  it('keeps the due date on or after the start date, from either side', () => {
    expect(commitField(mechanism, 'dueDate', '2025-12-31')).toEqual({
      ok: false,
      error: { code: 'dueBeforeStart', start: '2026-01-01' },
    });
    expect(commitField(mechanism, 'startDate', '2026-07-01')).toEqual({
      ok: false,
      error: { code: 'startAfterDue', due: '2026-06-30' },
    });
    expect(commitField(mechanism, 'startDate', '')).toEqual({ ok: true, value: { startDate: null } });
    expect(commitField(mechanism, 'dueDate', '2026-01-01')).toEqual({
      ok: true,
      value: { dueDate: '2026-01-01' },
    });
  });

  it('enforces the text limits of the schema', () => {
    expect(commitField(goal, 'title', 'x'.repeat(LIMITS.title + 1))).toEqual({
      ok: false,
      error: { code: 'tooLong', max: LIMITS.title },
    });
    expect(commitField(metric, 'source', 'x'.repeat(LIMITS.shortText + 1)).ok).toBe(false);
    expect(commitField(goal, 'description', 'x'.repeat(LIMITS.description)).ok).toBe(true);
  });

  it('refuses fields the kind does not have and values outside the options', () => {
    expect(commitField(goal, 'current', '5')).toEqual({ ok: false, error: { code: 'invalid' } });
    expect(commitField(goal, 'status', 'running')).toEqual({ ok: false, error: { code: 'choice' } });
    expect(commitField(mechanism, 'function', 'tv-ads')).toEqual({ ok: false, error: { code: 'choice' } });
  });

  it('validates the whole patched node with the schema', () => {
    // A node that is already broken (here a corrupt id) cannot be saved through the inspector.
    const broken = { ...goal, id: 'bad id' } as MapNode;
    expect(commitField(broken, 'owner', 'Ann')).toEqual({ ok: false, error: { code: 'invalid' } });
  });

  it('every field of every kind round-trips through formatField and commitField unchanged', () => {
    const filled: MapNode[] = [
      node({ id: 'g', kind: 'goal', owner: 'A', horizon: 'FY2027', priority: 'low', status: 'active' }),
      node({
        id: 'm',
        kind: 'mechanism',
        function: 'sales',
        startDate: '2026-01-01',
        dueDate: '2026-02-01',
        status: 'running',
      }),
      node({
        id: 'x',
        kind: 'metric',
        unit: '%',
        direction: 'lower',
        baseline: -1.5,
        target: 1234567.25,
        current: 0,
        dueDate: '2027-01-01',
        cadence: 'weekly',
        source: 'BI',
      }),
    ];
    for (const plan of filled) {
      for (const { key } of FIELDS_OF_KIND[plan.kind]) {
        expect(commitField(plan, key as FieldKey, formatField(plan, key)), `${plan.kind}.${key}`).toEqual({
          ok: true,
          value: {},
        });
      }
    }
  });
});

describe('the inspector’s layout and display helpers', () => {
  const span = { wide: 6, half: 3, third: 2 } as const;

  it('lays every kind’s fields out in rows of at most six columns, in their order', () => {
    for (const kind of ['goal', 'mechanism', 'metric'] as const) {
      const rows = fieldRows(FIELDS_OF_KIND[kind]);
      expect(rows.flat()).toEqual(FIELDS_OF_KIND[kind]);
      for (const row of rows) {
        expect(row.reduce((sum, spec) => sum + span[widthOf(spec)], 0)).toBeLessThanOrEqual(6);
      }
    }
    // Baseline, target and current share one row.
    const metricRows = fieldRows(FIELDS_OF_KIND.metric).map((row) => row.map((spec) => spec.key));
    expect(metricRows).toContainEqual(['baseline', 'target', 'current']);
  });

  it('reads the selection as one id, or as how many nodes are selected', () => {
    const flow = (id: string, selected: boolean) => ({
      ...toFlowNode(node({ id, kind: 'goal' })),
      selected,
    });
    expect(selectionOf({ nodes: [flow('a', false), flow('b', true)] })).toBe('b');
    expect(selectionOf({ nodes: [flow('a', false)] })).toBe(0);
    expect(selectionOf({ nodes: [flow('a', true), flow('b', true), flow('c', false)] })).toBe(2);
  });

  it('formats amounts with their unit, shares as percentages, and clamps bars', () => {
    expect(formatAmount(61, '%', 'en')).toBe('61%');
    expect(formatAmount(1250.5, 'orders', 'en')).toBe('1,250.5 orders');
    expect(formatAmount(3.5, '¥', 'zh-CN')).toBe('¥3.5');
    expect(formatAmount(-2, '', 'en')).toBe('-2');
    expect(formatShare(0.444, 'en')).toBe('44%');
    expect(formatShare(2, 'en')).toBe('200%');
    expect(clampShare(-0.5)).toBe(0);
    expect(clampShare(1.5)).toBe(1);
    expect(clampShare(0.25)).toBe(0.25);
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
