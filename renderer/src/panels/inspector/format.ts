/** Today's date in the user's time zone, as YYYY-MM-DD (what metric progress is judged by). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A metric value with its unit: "61%", "1,250 orders", "¥3.5". */
export function formatAmount(value: number, unit: string, language: string): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(value);
  const u = unit.trim();
  if (u === '') return number;
  if (u === '%' || u === '％') return `${number}${u}`;
  if (/^[¥$€£￥]$/.test(u)) return `${u}${number}`;
  return `${number} ${u}`;
}

/** A share (0.5) as a whole percentage ("50%"). */
export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A share clamped to 0..1, for the width of a bar. */
export function clampShare(share: number): number {
  return Math.min(1, Math.max(0, share));
}
