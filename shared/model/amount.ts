/** One formatter per language: making one is far slower than using it, and a big plan has thousands. */
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string): Intl.NumberFormat {
  let format = NUMBER_FORMATS.get(language);
  if (!format) {
    // Up to six decimals: a target of 0.125 is printed as typed, never rounded to 0.13.
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 6 });
    NUMBER_FORMATS.set(language, format);
  }
  return format;
}

/**
 * A metric value with its unit, the same in the inspector and in print: "61%", "1,250 orders",
 * "¥3.5". Percent and per-mille follow the number; a currency sign goes before it, as it is
 * written in English and in Chinese alike ("$3.5", "¥3.5"); a word follows after a space.
 */
export function formatAmount(value: number, unit: string, language: string): string {
  const number = numberFormat(language).format(value);
  const u = unit.trim();
  if (u === '') return number;
  if (/^[%％‰]$/.test(u)) return `${number}${u}`;
  if (/^[¥$€£￥]$/.test(u)) return `${u}${number}`;
  return `${number} ${u}`;
}
