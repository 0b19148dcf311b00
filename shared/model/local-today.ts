/**
 * Today as YYYY-MM-DD in the machine's own time zone: the day metric statuses are judged by, in
 * the inspector, on the cards, in exports and in print alike, so a PDF made at 00:30 does not say
 * "yesterday".
 */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
