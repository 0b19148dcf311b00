/**
 * A day as YYYY-MM-DD in the local time zone: the date metric statuses are judged by, the same
 * way the inspector judges them (renderer/src/panels/inspector/format.ts), so an export made at
 * 00:30 does not say "yesterday".
 */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
