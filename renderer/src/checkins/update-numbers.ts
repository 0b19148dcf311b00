import { type CheckinDue, type CheckinState, checkinDue } from '../../../shared/model/checkin-cadence';
import type { CheckinIndex } from '../../../shared/model/checkins';
import type { Confidence } from '../../../shared/model/kinds';
import { LIMITS } from '../../../shared/model/limits';
import { CheckinSchema } from '../../../shared/model/schemas';
import type { Checkin, MapNode, MetricNode } from '../../../shared/model/types';
import { type FieldError, parseDate, parseNumber } from '../panels/inspector/parse-field';

/**
 * The pure part of the "Update the numbers" view (UpdateNumbers.tsx): which metrics it lists and
 * in what order, how a typed value is read, and the batch of check-ins that "Save" writes as one
 * undo step. No React, no store: tested on its own.
 */

/** One metric as the view lists it: the metric, its latest check-in and whether a number is due. */
export interface NumberRow {
  metric: MetricNode;
  latest: Checkin | null;
  due: CheckinDue;
}

/** Owed numbers first: stale, then due, then never reported, then up to date, then no cadence. */
const RANK: Readonly<Record<CheckinState, number>> = {
  stale: 0,
  due: 1,
  never: 2,
  fresh: 3,
  'no-cadence': 4,
};

/** Whether a metric owes a number today: what "Due only" keeps. */
export const isOwed = (row: NumberRow): boolean => RANK[row.due.state] <= RANK.never;

export interface RowChoices {
  /** Only this owner's metrics (exact, after trimming); null for every metric. */
  owner: string | null;
  /** Only metrics that owe a number (stale, due, never reported). */
  owedOnly: boolean;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Every metric of the map (or of one owner) with its latest check-in and due state on `today`,
 * the most overdue first: by state (see RANK), then most days overdue, then title, then id (so
 * the order never depends on the order the nodes came in).
 */
export function numberRows(
  nodes: readonly MapNode[],
  checkins: CheckinIndex,
  today: string,
  { owner, owedOnly }: RowChoices,
): NumberRow[] {
  const rows: NumberRow[] = [];
  for (const node of nodes) {
    if (node.kind !== 'metric') continue;
    if (owner !== null && node.owner.trim() !== owner) continue;
    const latest = checkins.latest(node.id);
    const row = { metric: node, latest, due: checkinDue(node.cadence, latest, today) };
    if (owedOnly && !isOwed(row)) continue;
    rows.push(row);
  }
  return rows.sort(
    (a, b) =>
      RANK[a.due.state] - RANK[b.due.state] ||
      b.due.daysOverdue - a.due.daysOverdue ||
      collator.compare(a.metric.title, b.metric.title) ||
      (a.metric.id < b.metric.id ? -1 : a.metric.id > b.metric.id ? 1 : 0),
  );
}

/** How many metrics the map has, and how many of them owe a number today (stale, due, never reported). */
export function countOwed(
  nodes: readonly MapNode[],
  checkins: CheckinIndex,
  today: string,
): { metrics: number; owed: number } {
  let metrics = 0;
  let owed = 0;
  for (const node of nodes) {
    if (node.kind !== 'metric') continue;
    metrics += 1;
    const state = checkinDue(node.cadence, checkins.latest(node.id), today).state;
    if (RANK[state] <= RANK.never) owed += 1;
  }
  return { metrics, owed };
}

/** The owners of the map's metrics, sorted: what the view's owner picker offers. */
export function metricOwners(nodes: readonly MapNode[]): string[] {
  const owners = new Set<string>();
  for (const node of nodes) {
    const owner = node.kind === 'metric' ? node.owner.trim() : '';
    if (owner !== '') owners.add(owner);
  }
  return [...owners].sort(collator.compare);
}

/** A value as typed in the view: nothing yet, a number to save, or why it cannot be saved. */
export type TypedValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'error'; error: FieldError };

/**
 * Reads a typed value the way the inspector reads a number (1,250 · 12.5 · full-width digits from
 * a Chinese input method); empty text is "no number this time", not a value to save.
 */
export function readTyped(raw: string): TypedValue {
  const parsed = parseNumber(raw);
  if (!parsed.ok) return { kind: 'error', error: parsed.error };
  return parsed.value === null ? { kind: 'empty' } : { kind: 'number', value: parsed.value };
}

/** What was typed on one metric's row. */
export interface RowEntry {
  value: string;
  confidence: Confidence | null;
  note: string;
}

/** Why a batch cannot be saved; nothing is saved while there is one. */
export type BatchProblem =
  | { kind: 'date' }
  | { kind: 'value'; metric: string; error: FieldError }
  | { kind: 'note'; metric: string; max: number }
  | { kind: 'nothing' };

export type Batch = { ok: true; checkins: Checkin[] } | { ok: false; problems: BatchProblem[] };

/**
 * The check-ins that "Save" writes: one per metric with a number typed, all dated `rawDate` and
 * entered by `by`, in the order of `metricIds` (the rows as listed). Rows with only a confidence
 * or a note and no number are left out (a check-in is a number). Any bad value, note or date
 * refuses the whole batch, with every problem, so nothing is half saved.
 */
export function buildBatch(
  metricIds: readonly string[],
  entries: ReadonlyMap<string, RowEntry>,
  rawDate: string,
  by: string,
  newId: () => string,
): Batch {
  const problems: BatchProblem[] = [];
  const date = parseDate(rawDate);
  if (!date.ok || date.value === null) problems.push({ kind: 'date' });
  const numbers: { metric: string; value: number; entry: RowEntry }[] = [];
  for (const metric of metricIds) {
    const entry = entries.get(metric);
    if (!entry) continue;
    const typed = readTyped(entry.value);
    if (typed.kind === 'error') problems.push({ kind: 'value', metric, error: typed.error });
    if (entry.note.trim().length > LIMITS.checkinNote) {
      problems.push({ kind: 'note', metric, max: LIMITS.checkinNote });
    }
    if (typed.kind === 'number') numbers.push({ metric, value: typed.value, entry });
  }
  if (problems.length === 0 && numbers.length === 0) problems.push({ kind: 'nothing' });
  if (problems.length > 0 || !date.ok || date.value === null) return { ok: false, problems };
  const day = date.value;
  const who = by.trim().slice(0, LIMITS.owner);
  const checkins = numbers.map(({ metric, value, entry }) =>
    CheckinSchema.parse({
      id: newId(),
      metric,
      date: day,
      value,
      confidence: entry.confidence,
      note: entry.note.trim(),
      by: who,
    }),
  );
  return { ok: true, checkins };
}

/** How many of these metrics have a number ready to save. */
export function countReady(metricIds: readonly string[], entries: ReadonlyMap<string, RowEntry>): number {
  let n = 0;
  for (const metric of metricIds) {
    const entry = entries.get(metric);
    if (entry && readTyped(entry.value).kind === 'number') n += 1;
  }
  return n;
}
