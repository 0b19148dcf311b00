import type { Language } from '../model/language';

/**
 * A YYYY-MM-DD date as people write it: "12 May 2026" in English, "2026年5月12日" in Chinese.
 * Formatted in UTC so the day never shifts with the machine's time zone. Other text is kept as it is.
 */
export function formatPrintDate(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const when = new Date(Date.UTC(y, m - 1, d));
  if (when.getUTCMonth() !== m - 1) return date;
  return dateFormat(language).format(when);
}

/** One formatter per language: the outline and metrics tables format a date per row. */
const DATE_FORMATS = new Map<Language, Intl.DateTimeFormat>();

function dateFormat(language: Language): Intl.DateTimeFormat {
  let format = DATE_FORMATS.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    DATE_FORMATS.set(language, format);
  }
  return format;
}
