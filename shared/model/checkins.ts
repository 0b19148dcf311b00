import { type CheckinDue, checkinDue } from './checkin-cadence';
import type { MetricCadence } from './kinds';
import type { Checkin } from './types';

/**
 * A metric's dated history: each check-in is one number its owner reported for one day, with the
 * owner's own reading of it (on track / at risk / off track), a note, and who entered it. A
 * metric's current value is its latest check-in (the latest date; of two on one day, the one
 * entered last), written into the metric's `current` field together with the check-in
 * (checkin-doc.ts), so every reader of `current` (cards, goal roll-ups, exports) sees it.
 */

/**
 * Orders check-ins oldest first: by date, then by the order they were entered in (`entered`, their
 * position in the list they came from), so the last of the list is the current value.
 */
export function byDate(checkins: readonly Checkin[]): Checkin[] {
  return checkins
    .map((checkin, entered) => ({ checkin, entered }))
    .sort((a, b) =>
      a.checkin.date < b.checkin.date ? -1 : a.checkin.date > b.checkin.date ? 1 : a.entered - b.entered,
    )
    .map((x) => x.checkin);
}

/**
 * Every metric's history, oldest first, built once from a map's check-ins in the order they were
 * entered: what the inspector, the cards, the validator and the exports read, so none of them
 * scans a map's whole history (two years of weekly numbers for 1,000 metrics is 104,000).
 */
export class CheckinIndex {
  private readonly byMetric = new Map<string, Checkin[]>();
  /** checkinDue per metric, for the cadence and day it was last asked for (see due). */
  private readonly dueOf = new Map<string, { cadence: MetricCadence; today: string; due: CheckinDue }>();

  constructor(checkins: readonly Checkin[] = []) {
    const grouped = new Map<string, Checkin[]>();
    for (const checkin of checkins) {
      const list = grouped.get(checkin.metric);
      if (list) list.push(checkin);
      else grouped.set(checkin.metric, [checkin]);
    }
    for (const [metric, list] of grouped) this.byMetric.set(metric, byDate(list));
  }

  /** A metric's check-ins, oldest first; empty when it has none. */
  history(metric: string): readonly Checkin[] {
    return this.byMetric.get(metric) ?? NONE;
  }

  /** A metric's current check-in, or null. */
  latest(metric: string): Checkin | null {
    const list = this.byMetric.get(metric);
    return list ? (list[list.length - 1] ?? null) : null;
  }

  /**
   * Whether a metric's number is due (checkinDue of its latest check-in), remembered per metric
   * for the cadence and day asked: an index never changes (a new one is made when a check-in
   * does), and the validator asks again after every edit of the map, so a thousand metrics' dates
   * are worked out once, not on every keystroke.
   */
  due(metric: string, cadence: MetricCadence, today: string): CheckinDue {
    const known = this.dueOf.get(metric);
    if (known !== undefined && known.cadence === cadence && known.today === today) return known.due;
    const due = checkinDue(cadence, this.latest(metric), today);
    this.dueOf.set(metric, { cadence, today, due });
    return due;
  }

  /** How many check-ins the map holds. */
  get size(): number {
    let n = 0;
    for (const list of this.byMetric.values()) n += list.length;
    return n;
  }

  /** The metrics that have at least one check-in. */
  metrics(): IterableIterator<string> {
    return this.byMetric.keys();
  }
}

const NONE: readonly Checkin[] = Object.freeze([]);
