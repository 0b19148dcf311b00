import { z } from 'zod';

/**
 * A table of check-ins as a file gave it (File ▸ Import check-ins…, `throughline checkins import`):
 * the header's cells, then each row's cells as text and the row's number in the file (the header
 * is row 1, as a spreadsheet counts). The backend reads the file (papaparse for CSV, exceljs for
 * XLSX: electron/backend/services/checkin-table.ts); what the rows mean is import-preview.ts.
 */
export interface SourceRow {
  line: number;
  cells: string[];
}
export interface SourceTable {
  header: string[];
  rows: SourceRow[];
}

/** The largest file read: far more than a year of weekly numbers for 1,000 metrics. */
export const MAX_IMPORT_BYTES = 5_000_000;
/** The most rows one import takes. */
export const MAX_IMPORT_ROWS = 20_000;
/** The most columns a row keeps (a file of thousands of columns is not a table of check-ins). */
export const MAX_IMPORT_COLUMNS = 50;

/** Why a whole file is refused, as data: the app and the command line word it (import-words.ts). */
export const TableRefusalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('too-big'), maxMb: z.number() }),
  z.object({ kind: z.literal('not-a-table') }),
  z.object({ kind: z.literal('binary') }),
  z.object({ kind: z.literal('not-utf-8') }),
  z.object({ kind: z.literal('bad-csv'), line: z.number().int(), detail: z.string() }),
  z.object({ kind: z.literal('bad-xlsx') }),
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('too-many-rows'), max: z.number().int() }),
  z.object({ kind: z.literal('missing-columns'), columns: z.array(z.string()) }),
  z.object({ kind: z.literal('repeated-column'), column: z.string() }),
]);
export type TableRefusal = z.output<typeof TableRefusalSchema>;

export const SourceTableSchema = z.object({
  header: z.array(z.string()).max(MAX_IMPORT_COLUMNS),
  rows: z
    .array(z.object({ line: z.number().int(), cells: z.array(z.string()).max(MAX_IMPORT_COLUMNS) }))
    .max(MAX_IMPORT_ROWS),
});

/** What reading a file gives: its table, or why it is refused. */
export const TableResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), table: SourceTableSchema }),
  z.object({ ok: z.literal(false), refusal: TableRefusalSchema }),
]);
export type TableResult = z.output<typeof TableResultSchema>;
