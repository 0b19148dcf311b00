import type { Language } from '../../../shared/validation/findings';

/** One formatter per language: making one is far slower than using it, and a big plan has thousands. */
const NUMBER_FORMATS = new Map<Language, Intl.NumberFormat>();

function numberFormat(language: Language): Intl.NumberFormat {
  let format = NUMBER_FORMATS.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    NUMBER_FORMATS.set(language, format);
  }
  return format;
}

/** A number as the reader writes it (grouping, decimals), with its unit; the dash when not set. */
export function formatAmount(value: number | null, unit: string, language: Language, notSet: string): string {
  if (value === null) return notSet;
  const number = numberFormat(language).format(value);
  if (unit === '') return number;
  // "%" and currency-like short units sit right after the number; words get a space.
  return /^[%‰¥$€£]$/.test(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

export function orDash(text: string | null | undefined, notSet: string): string {
  return text === null || text === undefined || text.trim() === '' ? notSet : text;
}

/** A list in the reader's punctuation: "a, b" or "a、b". */
export function joinList(items: readonly string[], language: Language): string {
  return items.join(language === 'zh-CN' ? '、' : ', ');
}
