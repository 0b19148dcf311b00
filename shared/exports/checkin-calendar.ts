import { formatAmount } from '../model/amount';
import { checkinDue } from '../model/checkin-cadence';
import type { CheckinIndex } from '../model/checkins';
import type { MetricCadence } from '../model/kinds';
import type { Language } from '../model/language';
import type { MapNode, MetricNode } from '../model/types';
import { escapeControls } from './control-chars';
import { VALUE_LABELS } from './outline-labels';

/**
 * A map's check-in calendar, before it is written as iCalendar (ics-export.ts): one all-day event
 * per metric with a cadence, on the day its next number is due (one cadence after its latest
 * check-in, or today when it has none yet; an overdue day stays in the past so the rhythm is
 * kept), repeating by the cadence, so each owner's own calendar reminds them. The event's id is
 * the metric's, within its map's (a copy of a map and a map started from a version keep their
 * metrics' ids): importing a newer calendar updates the events instead of adding a second set.
 * Pure: no Node or DOM.
 */
export interface CheckinEvent {
  /**
   * Stable per metric: `<metric id>.<map id>@checkins.throughline`, or `<metric id>@…` for a map
   * read from a JSON file (it has no id of its own).
   */
  uid: string;
  /** YYYY-MM-DD, the first day of the all-day event. */
  date: string;
  /** The repetition as an RRULE value, without the `RRULE:` name. */
  rule: string;
  summary: string;
  description: string;
}

export const CADENCE_RULES: Readonly<Record<MetricCadence, string>> = {
  weekly: 'FREQ=WEEKLY',
  monthly: 'FREQ=MONTHLY',
  quarterly: 'FREQ=MONTHLY;INTERVAL=3',
  yearly: 'FREQ=YEARLY',
};

interface CalendarWords {
  summary(title: string): string;
  calendarName(map: string): string;
  owner: string;
  noOwner: string;
  lastValue(value: string, date: string): string;
  noValue: string;
  cadence: string;
}

export const CALENDAR_WORDS: Readonly<Record<Language, CalendarWords>> = {
  en: {
    summary: (title) => `Update: ${title}`,
    calendarName: (map) => `${map}: check-ins`,
    owner: 'Owner: ',
    noOwner: 'Owner: not set',
    lastValue: (value, date) => `Last value: ${value} (${date})`,
    noValue: 'Last value: none yet',
    cadence: 'Cadence: ',
  },
  'zh-CN': {
    summary: (title) => `更新：${title}`,
    calendarName: (map) => `${map}：指标填报`,
    owner: '负责人：',
    noOwner: '负责人：未设置',
    lastValue: (value, date) => `最新值：${value}（${date}）`,
    noValue: '最新值：暂无',
    cadence: '频率：',
  },
};

/** What may sit in one line of an event: controls shown as escapes, never obeyed. */
const oneLine = (text: string) => escapeControls(text.trim());

/** The events of a map's metrics with a cadence, in the map's order. */
export function checkinEvents(
  map: { id?: string; nodes: readonly MapNode[]; history?: CheckinIndex },
  language: Language,
  today: string,
): CheckinEvent[] {
  const words = CALENDAR_WORDS[language];
  const labels = VALUE_LABELS[language];
  const events: CheckinEvent[] = [];
  for (const node of map.nodes) {
    if (node.kind !== 'metric' || node.cadence === null) continue;
    const metric: MetricNode = node;
    const latest = map.history?.latest(metric.id) ?? null;
    const due = checkinDue(metric.cadence, latest, today);
    const title = oneLine(metric.title) || labels.untitled.metric;
    const owner = oneLine(metric.owner);
    events.push({
      uid: `${metric.id}${map.id ? `.${map.id}` : ''}@checkins.throughline`,
      date: due.next ?? today,
      rule: CADENCE_RULES[metric.cadence as MetricCadence],
      summary: words.summary(title),
      description: [
        owner === '' ? words.noOwner : `${words.owner}${owner}`,
        latest === null
          ? words.noValue
          : words.lastValue(oneLine(formatAmount(latest.value, metric.unit, language)), latest.date),
        `${words.cadence}${labels.cadence[metric.cadence as MetricCadence]}`,
      ].join('\n'),
    });
  }
  return events;
}
