import type { Language } from '../model/language';
import { escapeControls } from './control-chars';
import { guardText } from './formula-guard';
import type { OutlineInput } from './outline';
import { type CellValue, outlineTable } from './outline-columns';

/**
 * CSV as RFC 4180 describes it: records end with CRLF, a field holding a comma, a double quote, CR
 * or LF is enclosed in double quotes with its quotes doubled. The text starts with a UTF-8 byte
 * order mark, because Excel reads a CSV without one in the system's legacy code page and garbles
 * Chinese. Text cells pass through guardText first (formula injection), and their control
 * characters other than tab and line feed are written as `\u001b`-style escapes, so the file (or
 * the terminal it is printed on) shows them instead of obeying them.
 */

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: CellValue): string {
  if (value === null) return '';
  // A number is written as JavaScript prints it (no grouping, "." as the decimal point), which
  // every spreadsheet reads back as the same number.
  const text =
    typeof value === 'number' ? String(value) : guardText(escapeControls(value, { keepLayout: true }));
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line and rows as CSV text, with the byte order mark and a CRLF after every record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  const lines = [header, ...rows].map((record) => record.map(field).join(','));
  return CSV_BOM + lines.join(CRLF) + CRLF;
}

/** The outline of a map as CSV: one row per goal–mechanism–metric path (outline.ts). */
export function outlineCsv(map: OutlineInput, language: Language, today: string): string {
  const table = outlineTable(map, language, today);
  return toCsv(table.header, table.rows);
}
