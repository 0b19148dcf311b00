import { dayNumber } from '../../../shared/model/metric-progress';

/**
 * The locale dates are written in: the system's own (en-GB, zh-TW…) when it is a variant of the
 * UI language, else the UI language, so a date never comes out in a language the UI is not in.
 */
export function dateLocale(uiLanguage: string): string {
  const system = globalThis.navigator?.language ?? uiLanguage;
  return system.split('-')[0] === uiLanguage.split('-')[0] ? system : uiLanguage;
}

/**
 * A stored day (YYYY-MM-DD) as a person reads it, with the month in words ("1 Jun 2027",
 * "2027年6月1日"): never the ISO form beside a date field that shows the day another way.
 */
export function shownDay(isoDay: string, uiLanguage: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  if (!year || !month || !day) return isoDay;
  return new Intl.DateTimeFormat(dateLocale(uiLanguage), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}

/**
 * A day as people type it, in either language: 2027-06-01, 2027/6/1, 2027.6.1 or 2027年6月1日.
 * Answers the stored form (YYYY-MM-DD), or null when it is not a real calendar day.
 */
export function typedDay(text: string): string | null {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return dayNumber(day) === null ? null : day;
}
