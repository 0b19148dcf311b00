// ics is CommonJS; its default export carries createEvents.
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { CALENDAR_WORDS, checkinEvents } from '../../../shared/exports/checkin-calendar';
import { dateOfDay } from '../../../shared/model/checkin-cadence';
import type { CheckinIndex } from '../../../shared/model/checkins';
import type { Language } from '../../../shared/model/language';
import { dayNumber } from '../../../shared/model/metric-progress';
import type { MapNode } from '../../../shared/model/types';

export interface IcsMap {
  /** The map's id in its document; none for a map read from a JSON file. */
  id?: string;
  name: string;
  nodes: readonly MapNode[];
  history?: CheckinIndex;
}

const dateArray = (date: string): DateArray => date.split('-').map(Number) as [number, number, number];

/**
 * A map's check-in calendar as an iCalendar file (RFC 5545), written by the `ics` package: one
 * all-day VEVENT per metric with a cadence (checkin-calendar.ts), CRLF line ends and long lines
 * folded by the library. Main process and command line.
 */
export function checkinCalendarIcs(map: IcsMap, language: Language, today: string): string {
  const events: EventAttributes[] = checkinEvents(map, language, today).map((event) => ({
    uid: event.uid,
    start: dateArray(event.date),
    end: dateArray(dateOfDay((dayNumber(event.date) as number) + 1)),
    title: event.summary,
    description: event.description,
    recurrenceRule: event.rule,
    productId: 'Throughline',
  }));
  const { error, value } = createEvents(events, {
    productId: 'Throughline',
    calName: CALENDAR_WORDS[language].calendarName(map.name.trim()),
  });
  if (error || value === null) throw error ?? new Error('the calendar could not be written');
  return value;
}
