import type { CheckinIndex } from '../model/checkins';
import { CONFIDENCES, type Confidence } from '../model/kinds';
import { LIMITS } from '../model/limits';
import type { Checkin, MapNode } from '../model/types';
import type { SourceTable, TableRefusal } from './import-table';

/**
 * What a table of check-ins would do to a map, row by row, before anything is written: the one
 * rule the app's File ▸ Import check-ins… and `throughline checkins import` both follow.
 *
 * - `metric` names a metric by its id or its exact title (trimmed); a title two metrics share is
 *   refused as ambiguous, a goal's or mechanism's is refused as not a metric.
 * - `date` is YYYY-MM-DD (an Excel date cell arrives as one), `value` a plain number with "." for
 *   decimals; `note` (at most LIMITS.checkinNote characters) and `confidence` are optional.
 * - A row that names the same metric and date as an earlier row of the file is refused: the file
 *   must say once what a day's number was.
 * - A metric and date that already has a check-in with the same value (and the same note and
 *   confidence, where the file has those columns) is "already there": importing a file twice adds
 *   nothing. The same metric and date with another value CORRECTS that day's check-in (the latest
 *   of that day): it keeps its id and who entered it, and takes the file's value, and its note and
 *   confidence where the file has those columns.
 */

export const IMPORT_COLUMNS = ['metric', 'date', 'value', 'note', 'confidence'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly ImportColumn[] = ['metric', 'date', 'value'];

/** The header words of each column, compared without case: English and Chinese. */
const HEADER_WORDS: Readonly<Record<ImportColumn, readonly string[]>> = {
  metric: ['metric', '指标'],
  date: ['date', '日期'],
  value: ['value', '数值', '值'],
  note: ['note', '备注'],
  confidence: ['confidence', '信心'],
};

/** The confidence words a file may use: the stored words, spaced, and Chinese. */
const CONFIDENCE_WORDS: Readonly<Record<Confidence, readonly string[]>> = {
  'on-track': ['on-track', 'on track', '正常', '进展顺利', '顺利', '按计划'],
  'at-risk': ['at-risk', 'at risk', '有风险', '风险'],
  'off-track': ['off-track', 'off track', '偏离', '偏离轨道', '落后'],
};

export type ColumnIndex = Partial<Record<ImportColumn, number>>;

const clean = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .normalize('NFC');

/** Which cell of a row holds each column; refused when a required column is missing or repeated. */
export function columnsOf(
  header: readonly string[],
): { ok: true; columns: ColumnIndex } | { ok: false; refusal: TableRefusal } {
  const columns: ColumnIndex = {};
  header.forEach((cell, index) => {
    const word = clean(cell).toLowerCase();
    const column = IMPORT_COLUMNS.find((c) => HEADER_WORDS[c].includes(word));
    if (!column) return;
    if (columns[column] !== undefined) columns[column] = -1;
    else columns[column] = index;
  });
  const repeated = IMPORT_COLUMNS.find((c) => columns[c] === -1);
  if (repeated) return { ok: false, refusal: { kind: 'repeated-column', column: repeated } };
  const missing = REQUIRED.filter((c) => columns[c] === undefined);
  if (missing.length > 0) return { ok: false, refusal: { kind: 'missing-columns', columns: missing } };
  return { ok: true, columns };
}

/** Why one row is refused, as data (import-words.ts says it in each language). */
export type RowRefusal =
  | { kind: 'no-metric' }
  | { kind: 'unknown-metric'; value: string }
  | { kind: 'not-a-metric'; value: string }
  | { kind: 'ambiguous-metric'; value: string; count: number }
  | { kind: 'bad-date'; value: string }
  | { kind: 'not-a-number'; value: string }
  | { kind: 'out-of-range'; value: string }
  | { kind: 'bad-confidence'; value: string }
  | { kind: 'note-too-long'; length: number; max: number }
  | { kind: 'repeat'; line: number }
  | { kind: 'map-full'; max: number };

export type RowOutcome =
  | { kind: 'add'; checkin: Checkin }
  | { kind: 'correct'; checkin: Checkin; was: Checkin }
  | { kind: 'already'; existing: Checkin }
  | { kind: 'refused'; reasons: RowRefusal[] };

export interface PreviewRow {
  line: number;
  /** The metric the row names, when it names one. */
  metric: { id: string; title: string } | null;
  /** The cells as the file gave them, for showing the row. */
  metricText: string;
  dateText: string;
  valueText: string;
  note: string;
  outcome: RowOutcome;
}

export interface ImportPreview {
  rows: PreviewRow[];
  /** What confirming writes: the added and corrected check-ins, in the file's order. */
  write: Checkin[];
  counts: { add: number; correct: number; already: number; refused: number };
}

export interface PreviewInput {
  nodes: readonly MapNode[];
  checkins: CheckinIndex;
  /** A fresh id for each added check-in. */
  newId: () => string;
  /** Who an added check-in is entered by. */
  by?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_VALUE = 1e15;

/** A real calendar day as YYYY-MM-DD, or null. */
export function importDate(text: string): string | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? text : null;
}

/** A plain decimal number ("12", "-3.5", "1e3"), or null: no thousands separators, no decimal comma. */
export function importNumber(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** A confidence word of the file, '' for none, or undefined when it is no confidence word. */
export function importConfidence(text: string): Confidence | null | undefined {
  const word = text
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
  if (word === '') return null;
  return CONFIDENCES.find((c) => CONFIDENCE_WORDS[c].includes(word));
}

/** The preview of a table whose columns are known (columnsOf). */
export function previewImport(table: SourceTable, columns: ColumnIndex, input: PreviewInput): ImportPreview {
  const { nodes, checkins, newId, by = '' } = input;
  const metricsById = new Map<string, MapNode>();
  const byTitle = new Map<string, MapNode[]>();
  for (const node of nodes) {
    metricsById.set(node.id, node);
    const title = clean(node.title);
    const list = byTitle.get(title);
    if (list) list.push(node);
    else byTitle.set(title, [node]);
  }
  const cell = (cells: readonly string[], column: ImportColumn) => {
    const index = columns[column];
    return index === undefined ? undefined : (cells[index] ?? '');
  };
  const hasNote = columns.note !== undefined;
  const hasConfidence = columns.confidence !== undefined;
  const seen = new Map<string, number>();
  const rows: PreviewRow[] = [];
  const write: Checkin[] = [];
  const counts = { add: 0, correct: 0, already: 0, refused: 0 };
  let room = LIMITS.checkinsPerMap - checkins.size;

  for (const { line, cells } of table.rows) {
    const metricText = clean(cell(cells, 'metric') ?? '');
    const dateText = clean(cell(cells, 'date') ?? '');
    const valueText = clean(cell(cells, 'value') ?? '');
    const note = (cell(cells, 'note') ?? '').trim();
    const confidenceText = clean(cell(cells, 'confidence') ?? '');
    const reasons: RowRefusal[] = [];

    let metric: MapNode | null = null;
    if (metricText === '') reasons.push({ kind: 'no-metric' });
    else {
      const byId = metricsById.get(metricText);
      const titled = byTitle.get(metricText) ?? [];
      const titledMetrics = titled.filter((n) => n.kind === 'metric');
      if (byId?.kind === 'metric') metric = byId;
      else if (titledMetrics.length === 1) metric = titledMetrics[0] ?? null;
      else if (titledMetrics.length > 1)
        reasons.push({ kind: 'ambiguous-metric', value: metricText, count: titledMetrics.length });
      else if (byId || titled.length > 0) reasons.push({ kind: 'not-a-metric', value: metricText });
      else reasons.push({ kind: 'unknown-metric', value: metricText });
    }
    const date = importDate(dateText);
    if (date === null) reasons.push({ kind: 'bad-date', value: dateText });
    const value = importNumber(valueText);
    if (value === null) reasons.push({ kind: 'not-a-number', value: valueText });
    else if (Math.abs(value) > MAX_VALUE) reasons.push({ kind: 'out-of-range', value: valueText });
    const confidence = importConfidence(confidenceText);
    if (confidence === undefined) reasons.push({ kind: 'bad-confidence', value: confidenceText });
    if (note.length > LIMITS.checkinNote)
      reasons.push({ kind: 'note-too-long', length: note.length, max: LIMITS.checkinNote });
    if (metric && date !== null) {
      const key = `${metric.id}\u0000${date}`;
      const first = seen.get(key);
      if (first !== undefined) reasons.push({ kind: 'repeat', line: first });
      else seen.set(key, line);
    }

    let outcome: RowOutcome;
    if (reasons.length > 0 || !metric || date === null || value === null || confidence === undefined) {
      outcome = { kind: 'refused', reasons };
    } else {
      const sameDay = checkins.history(metric.id).filter((c) => c.date === date);
      const same = sameDay.find(
        (c) =>
          c.value === value &&
          (!hasNote || c.note === note) &&
          (!hasConfidence || c.confidence === confidence),
      );
      const was = sameDay[sameDay.length - 1];
      if (same) outcome = { kind: 'already', existing: same };
      else if (was) {
        const checkin: Checkin = {
          ...was,
          value,
          note: hasNote ? note : was.note,
          confidence: hasConfidence ? confidence : was.confidence,
        };
        outcome = { kind: 'correct', checkin, was };
      } else if (room <= 0) {
        outcome = { kind: 'refused', reasons: [{ kind: 'map-full', max: LIMITS.checkinsPerMap }] };
      } else {
        room -= 1;
        const checkin: Checkin = { id: newId(), metric: metric.id, date, value, confidence, note, by };
        outcome = { kind: 'add', checkin };
      }
    }
    if (outcome.kind === 'add' || outcome.kind === 'correct') write.push(outcome.checkin);
    counts[outcome.kind === 'refused' ? 'refused' : outcome.kind] += 1;
    rows.push({
      line,
      metric: metric ? { id: metric.id, title: metric.title } : null,
      metricText,
      dateText,
      valueText,
      note,
      outcome,
    });
  }
  return { rows, write, counts };
}

/** A table's preview, or why the table as a whole is refused (a required column missing). */
export function previewTable(
  table: SourceTable,
  input: PreviewInput,
): { ok: true; preview: ImportPreview } | { ok: false; refusal: TableRefusal } {
  const columns = columnsOf(table.header);
  if (!columns.ok) return columns;
  if (table.rows.length === 0) return { ok: false, refusal: { kind: 'empty' } };
  return { ok: true, preview: previewImport(table, columns.columns, input) };
}
