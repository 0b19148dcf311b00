// exceljs is CommonJS whose only ESM export is its default; its types declare named exports.

import ExcelJS from 'exceljs';
import { guardText } from '../../../shared/exports/formula-guard';
import { type CellValue, outlineTable } from '../../../shared/exports/outline-columns';
import { VALUE_LABELS } from '../../../shared/exports/outline-labels';
import type { CheckinIndex } from '../../../shared/model/checkins';
import type { Language } from '../../../shared/model/language';
import type { MapLink, MapNode } from '../../../shared/model/types';
import type { Severity } from '../../../shared/validation/findings';
import { validateMap } from '../../../shared/validation/validate';

/**
 * The sheets' names, in the workbook's language like every other word in it. Scripts that read the
 * file can rely on the order: the outline first, the findings second, the check-ins third.
 */
export const XLSX_SHEETS: Readonly<
  Record<Language, { outline: string; findings: string; checkins: string }>
> = {
  en: { outline: 'Outline', findings: 'Findings', checkins: 'Check-ins' },
  'zh-CN': { outline: '大纲', findings: '检查结果', checkins: '指标填报' },
};

/** The check-ins sheet's header: the metric (id, then title), then each check-in's fields. */
export const CHECKIN_HEADER: Readonly<Record<Language, readonly string[]>> = {
  en: ['Metric id', 'Metric', 'Date', 'Value', 'Unit', 'Confidence', 'Note', 'Entered by'],
  'zh-CN': ['指标编号', '指标', '日期', '数值', '单位', '信心', '备注', '填报人'],
};

const FINDINGS_WORDS: Readonly<
  Record<Language, { header: [string, string, string]; severity: Record<Severity, string> }>
> = {
  en: {
    header: ['Severity', 'Finding', 'Nodes'],
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  },
  'zh-CN': {
    header: ['严重程度', '检查结果', '相关节点'],
    severity: { error: '错误', warning: '警告', info: '提示' },
  },
};

export interface XlsxMap {
  name: string;
  nodes: readonly MapNode[];
  links: readonly MapLink[];
  history?: CheckinIndex;
}

/** A cell as exceljs stores it: text guarded against formula injection, numbers as numbers. */
const cellValue = (value: CellValue): string | number | null =>
  typeof value === 'string' ? guardText(value) : value;

/**
 * The outline of a map as an Excel workbook: the sheet "Outline" (大纲) with the rows of the CSV export
 * (outline-columns.ts) under a bold, frozen header row, numbers as numbers and dates as text
 * (YYYY-MM-DD, formatted as text so Excel does not turn them into its own dates), and the sheet
 * "Findings" (检查结果) with every finding of the validator, and the sheet "Check-ins" (指标填报)
 * with every metric's history, metric by metric in the map's order, oldest first (its header only
 * when the map has none). Main process only: exceljs needs Node.
 */
export async function outlineXlsx(map: XlsxMap, language: Language, today: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Throughline';
  workbook.title = map.name;

  const table = outlineTable(map, language, today);
  const outline = workbook.addWorksheet(XLSX_SHEETS[language].outline, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  outline.columns = table.columns.map((column, c) => ({
    header: table.header[c] as string,
    key: column.key,
    width: column.width,
    style: column.type === 'date' ? { numFmt: '@' } : {},
  }));
  for (const cells of table.rows) outline.addRow(cells.map(cellValue));
  styleHeader(outline, table.columns.length);

  const words = FINDINGS_WORDS[language];
  const findings = workbook.addWorksheet(XLSX_SHEETS[language].findings, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  findings.columns = [
    { header: words.header[0], key: 'severity', width: 12 },
    { header: words.header[1], key: 'message', width: 90, style: { alignment: { wrapText: true } } },
    { header: words.header[2], key: 'nodes', width: 40 },
  ];
  const titleOf = new Map(map.nodes.map((n) => [n.id, n.title]));
  for (const finding of validateMap({ nodes: map.nodes, links: map.links, history: map.history, today })) {
    findings.addRow([
      words.severity[finding.severity],
      guardText(finding.message[language]),
      guardText(finding.nodeIds.map((id) => titleOf.get(id) ?? id).join('; ')),
    ]);
  }
  styleHeader(findings, 3);

  const header = CHECKIN_HEADER[language];
  const history = workbook.addWorksheet(XLSX_SHEETS[language].checkins, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths = [14, 36, 12, 12, 8, 12, 50, 18];
  history.columns = header.map((title, c) => ({
    header: title,
    width: widths[c] as number,
    style: c === 2 ? { numFmt: '@' } : {},
  }));
  const confidence = VALUE_LABELS[language].progress;
  for (const node of map.nodes) {
    if (node.kind !== 'metric') continue;
    for (const checkin of map.history?.history(node.id) ?? []) {
      history.addRow([
        guardText(node.id),
        guardText(node.title),
        checkin.date,
        checkin.value,
        guardText(node.unit),
        checkin.confidence === null ? null : confidence[checkin.confidence],
        guardText(checkin.note),
        guardText(checkin.by),
      ]);
    }
  }
  styleHeader(history, header.length);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleHeader(sheet: ExcelJS.Worksheet, columns: number): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  // A filter on the header lets a reader narrow the rows to one goal or owner at once.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}
