import { formatAmount } from '../../../shared/model/amount';
import type { Language } from '../../../shared/model/language';

/** A metric value with its unit (formatAmount), or the dash when not set. */
export function amountOrDash(value: number | null, unit: string, language: Language, notSet: string): string {
  return value === null ? notSet : formatAmount(value, unit, language);
}

export function orDash(text: string | null | undefined, notSet: string): string {
  return text === null || text === undefined || text.trim() === '' ? notSet : text;
}

/** A list in the reader's punctuation: "a, b" or "a、b". */
export function joinList(items: readonly string[], language: Language): string {
  return items.join(language === 'zh-CN' ? '、' : ', ');
}
