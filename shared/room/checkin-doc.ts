import * as Y from 'yjs';
import { isCalendarDate } from '../model/calendar-day';
import { CONFIDENCES, type Confidence } from '../model/kinds';
import { LIMITS } from '../model/limits';
import type { Checkin } from '../model/types';

/**
 * A map's check-ins in its Yjs document: the top-level Y.Array `checkins`, one plain tuple per
 * check-in, `[id, metric, date, value, confidence, note, by]`, in the order they were entered.
 *
 * An array of plain values and not a map of maps, because of the size of a history: two years of
 * weekly numbers for 1,000 metrics is 104,000 check-ins, and a Y.Array stores the values one
 * participant entered in a row as one item, where a Y.Map stores one item per key. Measured with
 * yjs 13.6 on 104,000 check-ins: a Y.Map of objects 10.1 MB and 367 ms to load, this array 5.1 MB
 * and 103 ms. Concurrent check-ins all stay (each is an insertion). A correction replaces the
 * tuple in place (delete and insert, one transaction); two people correcting one check-in at once
 * leave two tuples with its id, of which the last in the array counts on every peer alike
 * (readCheckins), and the room's server removes the others (checkinsToRepair).
 */
export const CHECKINS = 'checkins';

export type CheckinTuple = [
  id: string,
  metric: string,
  date: string,
  value: number,
  confidence: Confidence | null,
  note: string,
  by: string,
];

export const checkinsOf = (doc: Y.Doc): Y.Array<unknown> => doc.getArray<unknown>(CHECKINS);

export function checkinTuple(c: Checkin): CheckinTuple {
  return [c.id, c.metric, c.date, c.value, c.confidence, c.note, c.by];
}

const ID = /^[A-Za-z0-9_-]+$/;
const isId = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= LIMITS.idLength && ID.test(v);

/**
 * A tuple as a check-in, or null when it is not one. The same rule as CheckinSchema (a property
 * test holds the two together), written out because a map's whole history is read when it opens:
 * the schema took 50–130 ms for 104,000 check-ins, this takes a few.
 */
export function readCheckinTuple(value: unknown): Checkin | null {
  if (!Array.isArray(value) || value.length !== 7) return null;
  const [id, metric, date, amount, confidence, note, by] = value as unknown[];
  if (!isId(id) || !isId(metric)) return null;
  if (typeof date !== 'string' || !isCalendarDate(date)) return null;
  if (typeof amount !== 'number' || !(amount >= -1e15 && amount <= 1e15)) return null;
  if (confidence !== null && !CONFIDENCES.includes(confidence as Confidence)) return null;
  if (typeof note !== 'string' || note.length > LIMITS.checkinNote) return null;
  if (typeof by !== 'string' || by.length > LIMITS.owner) return null;
  return { id, metric, date, value: amount, confidence: confidence as Confidence | null, note, by };
}

/**
 * The document's check-ins in the order they were entered, each once: of two tuples with one id,
 * the later stands, in its place. Tuples that are not check-ins are left out.
 */
export function readCheckins(doc: Y.Doc): Checkin[] {
  const values = checkinsOf(doc).toArray();
  const lastAt = new Map<string, number>();
  const read: (Checkin | null)[] = values.map(readCheckinTuple);
  read.forEach((c, i) => {
    if (c) lastAt.set(c.id, i);
  });
  const result: Checkin[] = [];
  read.forEach((c, i) => {
    if (c && lastAt.get(c.id) === i) result.push(c);
  });
  return result;
}

/** Where each check-in id stands in the array, every place it stands. */
function placesById(values: readonly unknown[]): Map<string, number[]> {
  const places = new Map<string, number[]>();
  values.forEach((value, i) => {
    const id = Array.isArray(value) ? value[0] : undefined;
    if (typeof id !== 'string') return;
    const list = places.get(id);
    if (list) list.push(i);
    else places.set(id, [i]);
  });
  return places;
}

function sameTuple(a: unknown, b: CheckinTuple): boolean {
  return Array.isArray(a) && a.length === b.length && b.every((v, i) => Object.is(a[i], v));
}

/**
 * Writes check-ins (a correction in the place of the one it corrects, a new one at the end) and
 * deletes them by id, inside the caller's transaction. Returns the metrics whose history changed.
 */
export function writeCheckins(
  doc: Y.Doc,
  upsert: readonly Checkin[],
  deleteIds: readonly string[],
  deleteOfMetrics: ReadonlySet<string> = new Set(),
): Set<string> {
  const array = checkinsOf(doc);
  const values = array.toArray();
  const places = placesById(values);
  const touched = new Set<string>();
  const gone: number[] = [];
  const metricAt = (i: number) => (values[i] as unknown[])[1] as string;
  for (const id of deleteIds) for (const i of places.get(id) ?? []) gone.push(i);
  if (deleteOfMetrics.size > 0) {
    values.forEach((value, i) => {
      if (Array.isArray(value) && deleteOfMetrics.has(value[1] as string)) gone.push(i);
    });
  }
  const replace = new Map<number, CheckinTuple>();
  const append: CheckinTuple[] = [];
  for (const checkin of upsert) {
    const tuple = checkinTuple(checkin);
    const at = places.get(checkin.id);
    touched.add(checkin.metric);
    if (!at) append.push(tuple);
    else {
      const last = at[at.length - 1] as number;
      for (const i of at.slice(0, -1)) gone.push(i);
      if (!sameTuple(values[last], tuple)) {
        touched.add(metricAt(last));
        replace.set(last, tuple);
      }
    }
  }
  const removed = new Set(gone);
  for (const i of removed) touched.add(metricAt(i));
  // From the end, so each index still names what it named when read.
  const order = [...new Set([...removed, ...replace.keys()])].sort((a, b) => b - a);
  for (const i of order) {
    array.delete(i, 1);
    const tuple = replace.get(i);
    if (tuple && !removed.has(i)) array.insert(i, [tuple]);
  }
  if (append.length > 0) array.push(append);
  return touched;
}

/**
 * Sets each metric's `current` to its latest check-in's value (null when it has none left, unless
 * `withHistoryOnly`: then a metric without check-ins keeps the value it was given), inside the
 * caller's transaction: the one place the rule "the current value is the latest check-in" is
 * written into a document. Metrics that are gone or already right are left alone.
 */
export function settleCurrentValues(
  doc: Y.Doc,
  nodes: Y.Map<Y.Map<unknown>>,
  metrics: ReadonlySet<string>,
  withHistoryOnly = false,
): void {
  if (metrics.size === 0) return;
  const latest = new Map<string, Checkin>();
  for (const checkin of readCheckins(doc)) {
    if (!metrics.has(checkin.metric)) continue;
    const known = latest.get(checkin.metric);
    if (!known || checkin.date >= known.date) latest.set(checkin.metric, checkin);
  }
  for (const metric of metrics) {
    const node = nodes.get(metric);
    if (!(node instanceof Y.Map) || node.get('kind') !== 'metric') continue;
    const checkin = latest.get(metric);
    if (!checkin && withHistoryOnly) continue;
    const value = checkin?.value ?? null;
    if (!Object.is(node.get('current'), value)) node.set('current', value);
  }
}
