import type { CheckinIndex } from '../model/checkins';
import type { Language } from '../model/language';
import type { Checkin } from '../model/types';

/**
 * What the exports say about a metric's check-ins: its latest number's date and which way its
 * numbers moved last (the latest against the one before it). The direction is the number's, not a
 * judgement: a falling churn rate is "down" whether or not lower is better.
 */
export type Trend = 'up' | 'down' | 'flat';

export const TREND_ARROWS: Readonly<Record<Trend, string>> = { up: '↑', down: '↓', flat: '→' };

export const TREND_WORDS: Readonly<Record<Language, Record<Trend, string>>> = {
  en: { up: 'Up', down: 'Down', flat: 'Flat' },
  'zh-CN': { up: '上升', down: '下降', flat: '持平' },
};

/** The direction of a history's last step (oldest first), or null with fewer than two numbers. */
export function checkinTrend(history: readonly Pick<Checkin, 'value'>[]): Trend | null {
  if (history.length < 2) return null;
  const last = (history[history.length - 1] as Checkin).value;
  const before = (history[history.length - 2] as Checkin).value;
  return last > before ? 'up' : last < before ? 'down' : 'flat';
}

/** A metric's latest check-in and trend, from a map's index (none when the map has no history). */
export function latestNumbers(
  checkins: CheckinIndex | undefined,
  metricId: string,
): { latest: Checkin | null; trend: Trend | null } {
  if (checkins === undefined) return { latest: null, trend: null };
  return { latest: checkins.latest(metricId), trend: checkinTrend(checkins.history(metricId)) };
}
