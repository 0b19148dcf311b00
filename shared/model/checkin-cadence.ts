import { dayNumber } from './calendar-day';
import type { MetricCadence } from './kinds';
import type { Checkin } from './types';

/**
 * When a metric's next number is due, by its cadence, and when a missing one makes it stale. The
 * next check-in falls one cadence after the latest (a week, a calendar month, three months, a
 * year: the 31st of January is followed by the last day of February). A metric whose latest
 * check-in is older than its cadence plus a grace of a quarter of it is stale: a weekly metric on
 * its ninth day without a number, a monthly one a week after its day.
 */
export type CheckinState =
  /** No cadence: nobody promised a number at any time. */
  | 'no-cadence'
  /** A cadence but not one number yet: due now. */
  | 'never'
  | 'fresh'
  /** The next number's day has come, within the grace. */
  | 'due'
  | 'stale';

export interface CheckinDue {
  state: CheckinState;
  /** The day the next number is due (YYYY-MM-DD); null without a cadence or a first number. */
  next: string | null;
  /** Whole days since `next`, 0 when not yet past it. */
  daysOverdue: number;
}

const MONTHS: Readonly<Record<MetricCadence, number>> = { weekly: 0, monthly: 1, quarterly: 3, yearly: 12 };
const DAY_MS = 86_400_000;

/** The YYYY-MM-DD of a day number (days since 1970-01-01). */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day one cadence after `date`, or null when `date` is not a real calendar date. */
export function nextCheckinDate(date: string, cadence: MetricCadence): string | null {
  const day = dayNumber(date);
  if (day === null) return null;
  if (cadence === 'weekly') return dateOfDay(day + 7);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const months = m - 1 + MONTHS[cadence];
  const year = y + Math.floor(months / 12);
  const month = months % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dateOfDay(Math.round(Date.UTC(year, month, Math.min(d, lastDay)) / DAY_MS));
}

/** Whether a metric's numbers are up to date on `today`, from its cadence and latest check-in. */
export function checkinDue(
  cadence: MetricCadence | null,
  latest: Pick<Checkin, 'date'> | null,
  today: string,
): CheckinDue {
  if (cadence === null) return { state: 'no-cadence', next: null, daysOverdue: 0 };
  if (latest === null) return { state: 'never', next: null, daysOverdue: 0 };
  const next = nextCheckinDate(latest.date, cadence);
  const last = dayNumber(latest.date);
  const now = dayNumber(today);
  const due = dayNumber(next);
  if (next === null || last === null || now === null || due === null) {
    return { state: 'fresh', next, daysOverdue: 0 };
  }
  if (now < due) return { state: 'fresh', next, daysOverdue: 0 };
  const period = due - last;
  const state = now - last > period + period / 4 ? 'stale' : 'due';
  return { state, next, daysOverdue: now - due };
}
