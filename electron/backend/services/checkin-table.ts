// papaparse and exceljs are CommonJS whose ESM export is their default.
import Papa from 'papaparse';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  type SourceRow,
  type TableRefusal,
  type TableResult,
} from '../../../shared/checkins/import-table';

/**
 * Reads a file of check-ins into a table of text cells (shared/checkins/import-table.ts): CSV with
 * papaparse (UTF-8, with or without a byte-order mark), XLSX with exceljs (its first worksheet).
 * Nothing is evaluated: a formula cell gives the result the spreadsheet saved with it, a text that
 * looks like a formula stays text, and an Excel date cell becomes its YYYY-MM-DD. What the cells
 * mean is the shared preview's (import-preview.ts). Used by the contract's readCheckinTable and by
 * `throughline checkins import`.
 */
export async function readCheckinTable(fileName: string, bytes: Uint8Array): Promise<TableResult> {
  const refuse = (refusal: TableRefusal): TableResult => ({ ok: false, refusal });
  if (bytes.length > MAX_IMPORT_BYTES)
    return refuse({ kind: 'too-big', maxMb: MAX_IMPORT_BYTES / 1_000_000 });
  const extension = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (extension === 'xlsx') return zip ? readXlsx(bytes) : refuse({ kind: 'bad-xlsx' });
  if (extension !== 'csv') return refuse({ kind: 'not-a-table' });
  return readCsv(bytes);
}

function readCsv(bytes: Uint8Array): TableResult {
  if (bytes.includes(0)) return { ok: false, refusal: { kind: 'binary' } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, refusal: { kind: 'not-utf-8' } };
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  // A quote left open swallows the rest of the file: say where, rather than guess.
  const error = parsed.errors.find((e) => e.type === 'Quotes');
  if (error) {
    const line = (error.row ?? 0) + 1;
    return { ok: false, refusal: { kind: 'bad-csv', line, detail: error.message } };
  }
  const [header, ...data] = parsed.data;
  if (!header) return { ok: false, refusal: { kind: 'empty' } };
  if (data.length > MAX_IMPORT_ROWS)
    return { ok: false, refusal: { kind: 'too-many-rows', max: MAX_IMPORT_ROWS } };
  return {
    ok: true,
    table: {
      header: header.slice(0, MAX_IMPORT_COLUMNS),
      rows: data.map((cells, i) => ({ line: i + 2, cells: cells.slice(0, MAX_IMPORT_COLUMNS) })),
    },
  };
}

async function readXlsx(bytes: Uint8Array): Promise<TableResult> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return { ok: false, refusal: { kind: 'bad-xlsx' } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return { ok: false, refusal: { kind: 'empty' } };
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1)
    return { ok: false, refusal: { kind: 'too-many-rows', max: MAX_IMPORT_ROWS } };
  const width = Math.min(sheet.columnCount, MAX_IMPORT_COLUMNS);
  const rows: SourceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
  });
  const [first, ...data] = rows;
  if (!first) return { ok: false, refusal: { kind: 'empty' } };
  return { ok: true, table: { header: first.cells, rows: data } };
}

/** One cell's value as text; a date as YYYY-MM-DD (exceljs reads Excel's dates as UTC). */
function cellText(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object' || depth > 2) return '';
  const v = value as {
    richText?: { text?: unknown }[];
    text?: unknown;
    result?: unknown;
    formula?: unknown;
    sharedFormula?: unknown;
    error?: unknown;
  };
  if (Array.isArray(v.richText)) return v.richText.map((part) => String(part.text ?? '')).join('');
  // A formula: the value Excel saved with it, never the formula itself (nothing here evaluates one).
  if (v.formula !== undefined || v.sharedFormula !== undefined) return cellText(v.result, depth + 1);
  if (v.error !== undefined) return String(v.error);
  if (v.text !== undefined) return cellText(v.text, depth + 1);
  return '';
}
