import { describe, expect, it } from 'vitest';
import { columnsOf, type ImportPreview, previewTable } from '../../shared/checkins/import-preview';
import type { SourceTable } from '../../shared/checkins/import-table';
import { outcomeText, rowRefusalText, tableRefusalText } from '../../shared/checkins/import-words';
import { CheckinIndex } from '../../shared/model/checkins';
import { createNode } from '../../shared/model/factory';
import { LIMITS } from '../../shared/model/limits';
import type { Checkin, MapNode } from '../../shared/model/types';

const at = { x: 0, y: 0 };
const nodes: MapNode[] = [
  createNode('goal', 'g1', 'Grow revenue', at),
  createNode('metric', 'm1', 'Weekly active users', at),
  createNode('metric', 'm2', '客户满意度', at),
  createNode('metric', 'm3', 'Churn', at),
  createNode('metric', 'm4', 'Churn', at),
];

function ids() {
  let n = 0;
  return () => `c_new${++n}`;
}

function table(header: string[], ...rows: string[][]): SourceTable {
  return { header, rows: rows.map((cells, i) => ({ line: i + 2, cells })) };
}

function preview(t: SourceTable, checkins: Checkin[] = []): ImportPreview {
  const result = previewTable(t, { nodes, checkins: new CheckinIndex(checkins), newId: ids() });
  if (!result.ok) throw new Error(`refused: ${result.refusal.kind}`);
  return result.preview;
}

const HEADER = ['metric', 'date', 'value', 'note', 'confidence'];

describe('check-in import preview', () => {
  it('adds rows that name a metric by id or exact title, Chinese titles included', () => {
    const p = preview(
      table(
        HEADER,
        ['m1', '2026-12-01', '120', 'first week', 'on-track'],
        ['Weekly active users', '2026-12-08', '130.5', '', 'At Risk'],
        ['客户满意度', '2026-12-08', '-4', '备注', '偏离'],
      ),
    );
    expect(p.counts).toEqual({ add: 3, correct: 0, already: 0, refused: 0 });
    expect(p.write).toEqual([
      {
        id: 'c_new1',
        metric: 'm1',
        date: '2026-12-01',
        value: 120,
        confidence: 'on-track',
        note: 'first week',
        by: '',
      },
      {
        id: 'c_new2',
        metric: 'm1',
        date: '2026-12-08',
        value: 130.5,
        confidence: 'at-risk',
        note: '',
        by: '',
      },
      {
        id: 'c_new3',
        metric: 'm2',
        date: '2026-12-08',
        value: -4,
        confidence: 'off-track',
        note: '备注',
        by: '',
      },
    ]);
  });

  it('refuses each bad row with its reason and writes none of it', () => {
    const p = preview(
      table(
        HEADER,
        ['nope', '2026-12-01', '1', '', ''],
        ['Churn', '2026-12-01', '1', '', ''],
        ['Grow revenue', '2026-12-01', '1', '', ''],
        ['m1', '2026-02-30', '1', '', ''],
        ['m1', '01/12/2026', '1', '', ''],
        ['m1', '2026-12-02', '1,5', '', ''],
        ['m1', '2026-12-03', 'twelve', '', ''],
        ['m1', '2026-12-04', '1', 'x'.repeat(1001), ''],
        ['m1', '2026-12-05', '1', '', 'maybe'],
        ['m1', '2026-12-06', '1e300', '', ''],
        ['', '2026-12-06', '1', '', ''],
      ),
    );
    const kinds = p.rows.map((r) =>
      r.outcome.kind === 'refused' ? r.outcome.reasons.map((x) => x.kind) : [],
    );
    expect(kinds).toEqual([
      ['unknown-metric'],
      ['ambiguous-metric'],
      ['not-a-metric'],
      ['bad-date'],
      ['bad-date'],
      ['not-a-number'],
      ['not-a-number'],
      ['note-too-long'],
      ['bad-confidence'],
      ['out-of-range'],
      ['no-metric'],
    ]);
    expect(p.write).toEqual([]);
    expect(p.counts.refused).toBe(11);
    const ambiguous = p.rows[1]?.outcome;
    if (ambiguous?.kind !== 'refused') throw new Error('expected a refusal');
    expect(rowRefusalText(ambiguous.reasons[0] as never, 'en')).toBe(
      `2 metrics are titled "Churn"; use the metric's id`,
    );
    expect(rowRefusalText(ambiguous.reasons[0] as never, 'zh-CN')).toContain('请改用指标 ID');
  });

  it('refuses a row that repeats the metric and date of an earlier row, saying which', () => {
    const p = preview(
      table(HEADER, ['m1', '2026-12-01', '1', '', ''], ['Weekly active users', '2026-12-01', '2', '', '']),
    );
    expect(p.rows[1]?.outcome).toEqual({ kind: 'refused', reasons: [{ kind: 'repeat', line: 2 }] });
    expect(p.write.map((c) => c.value)).toEqual([1]);
    expect(outcomeText(p.rows[1]?.outcome as never, 'en')).toBe(
      "refused: row 2 already gives this metric's number for this day",
    );
  });

  it('imports the same rows twice and adds nothing the second time', () => {
    const t = table(HEADER, ['m1', '2026-12-01', '120', 'n', 'on-track'], ['m2', '2026-12-01', '7', '', '']);
    const first = preview(t);
    const second = preview(t, first.write);
    expect(second.counts).toEqual({ add: 0, correct: 0, already: 2, refused: 0 });
    expect(second.write).toEqual([]);
  });

  it("corrects that day's check-in when the value differs, keeping its id and who entered it", () => {
    const existing: Checkin = {
      id: 'c_old',
      metric: 'm1',
      date: '2026-12-01',
      value: 100,
      confidence: 'at-risk',
      note: 'typed by hand',
      by: 'Ana',
    };
    const p = preview(table(['metric', 'date', 'value'], ['m1', '2026-12-01', '110']), [existing]);
    expect(p.counts.correct).toBe(1);
    // Without note and confidence columns, the day's note and confidence stay.
    expect(p.write).toEqual([{ ...existing, value: 110 }]);
    expect(outcomeText(p.rows[0]?.outcome as never, 'en')).toBe("correct that day's 100");
    // Without those columns the same value is already there, whatever the note says.
    expect(
      preview(table(['metric', 'date', 'value'], ['m1', '2026-12-01', '100']), [existing]).counts.already,
    ).toBe(1);
    // With a note column, another note corrects too.
    const renoted = preview(
      table(['metric', 'date', 'value', 'note'], ['m1', '2026-12-01', '100', 'fixed']),
      [existing],
    );
    expect(renoted.write).toEqual([{ ...existing, note: 'fixed', confidence: 'at-risk' }]);
  });

  it('matches headers without case, in Chinese too, and refuses a table lacking a column', () => {
    expect(columnsOf(['\uFEFFMetric', 'DATE', ' Value ']).ok).toBe(true);
    expect(columnsOf(['指标', '日期', '数值', '备注', '信心'])).toEqual({
      ok: true,
      columns: { metric: 0, date: 1, value: 2, note: 3, confidence: 4 },
    });
    const missing = columnsOf(['metric', 'when', 'value']);
    expect(missing).toEqual({ ok: false, refusal: { kind: 'missing-columns', columns: ['date'] } });
    if (missing.ok) throw new Error('expected a refusal');
    expect(tableRefusalText(missing.refusal, 'en')).toContain('lacks the column date');
    expect(tableRefusalText(missing.refusal, 'zh-CN')).toContain('日期');
    expect(columnsOf(['metric', 'date', 'value', 'Value'])).toEqual({
      ok: false,
      refusal: { kind: 'repeated-column', column: 'value' },
    });
  });

  it('refuses rows beyond the most check-ins a map may hold, and still corrects', () => {
    const full: Checkin[] = [];
    for (let i = 0; i < LIMITS.checkinsPerMap - 1; i++)
      full.push({
        id: `c${i}`,
        metric: 'm3',
        date: '2026-01-01',
        value: i,
        confidence: null,
        note: '',
        by: '',
      });
    const p = preview(
      table(
        HEADER,
        ['m1', '2026-12-01', '1', '', ''],
        ['m1', '2026-12-02', '2', '', ''],
        ['m4', '2026-01-01', '5', '', ''],
      ),
      [
        ...full,
        { id: 'c_m4', metric: 'm4', date: '2026-01-01', value: 1, confidence: null, note: '', by: '' },
      ],
    );
    expect(p.rows.map((r) => r.outcome.kind)).toEqual(['refused', 'refused', 'correct']);
  });

  it('keeps a note that looks like a spreadsheet formula as the text it is', () => {
    const p = preview(table(HEADER, ['m1', '2026-12-01', '1', '=HYPERLINK("http://x","y")', '']));
    expect(p.write[0]?.note).toBe('=HYPERLINK("http://x","y")');
  });
});
