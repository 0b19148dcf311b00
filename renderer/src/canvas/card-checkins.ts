import { checkinDue } from '../../../shared/model/checkin-cadence';
import type { CheckinIndex } from '../../../shared/model/checkins';
import type { MetricCadence } from '../../../shared/model/kinds';

/** How many of a metric's latest check-ins its card's sparkline shows. */
export const SPARK_COUNT = 12;

export interface CardCheckin {
  date: string;
  value: number;
}

/**
 * A metric's latest check-ins (at most SPARK_COUNT, oldest first) as one string, so a card's store
 * selector returns a primitive: the card re-renders only when its own numbers change, not when a
 * check-in of another metric does (which makes a new CheckinIndex). Worked out once per index and
 * metric.
 */
const encoded = new WeakMap<CheckinIndex, Map<string, string>>();

export function recentCheckins(index: CheckinIndex, metric: string): string {
  let perMetric = encoded.get(index);
  if (!perMetric) {
    perMetric = new Map();
    encoded.set(index, perMetric);
  }
  let text = perMetric.get(metric);
  if (text === undefined) {
    text = index
      .history(metric)
      .slice(-SPARK_COUNT)
      .map((c) => `${c.date}=${c.value}`)
      .join(';');
    perMetric.set(metric, text);
  }
  return text;
}

/** The check-ins of recentCheckins' string. */
export function decodeCheckins(text: string): CardCheckin[] {
  if (text === '') return [];
  return text.split(';').map((pair) => {
    const at = pair.indexOf('=');
    return { date: pair.slice(0, at), value: Number(pair.slice(at + 1)) };
  });
}

/**
 * The date of a metric's last value when its numbers are stale (by its cadence, the same rule as
 * the validator's metric-stale), else null.
 */
export function staleSince(
  cadence: MetricCadence | null,
  recent: readonly CardCheckin[],
  today: string,
): string | null {
  const latest = recent[recent.length - 1] ?? null;
  if (latest === null) return null;
  return checkinDue(cadence, latest, today).state === 'stale' ? latest.date : null;
}
