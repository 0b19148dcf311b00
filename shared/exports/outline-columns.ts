import type { CheckinIndex } from '../model/checkins';
import type { Language } from '../model/language';
import { latestNumbers, TREND_ARROWS } from './checkin-numbers';
import { type OutlineInput, type OutlineRow, outlineRows } from './outline';
import { functionLabel, VALUE_LABELS, type ValueLabels } from './outline-labels';

/**
 * The columns of the outline table that the CSV and XLSX exports write: the goal, mechanism and
 * metric fields of each row, headed in the chosen language. A cell is text, a number, or null
 * when the row has no such value (no mechanism, no metric, no baseline…), so a spreadsheet keeps
 * numbers as numbers and an empty cell stays empty.
 */

export type CellValue = string | number | null;

/** `date` cells are YYYY-MM-DD text: a spreadsheet must not turn them into its own date serials. */
export type ColumnType = 'text' | 'number' | 'date';

export interface OutlineColumn {
  key: string;
  type: ColumnType;
  header: Readonly<Record<Language, string>>;
  /** A sensible width in characters for a spreadsheet. */
  width: number;
  /** `history` is the map's check-ins, when the export has it (the last check-in's date, the trend). */
  cell(row: OutlineRow, labels: ValueLabels, history?: CheckinIndex): CellValue;
}

/** Several titles in one cell. */
const LIST_SEPARATOR = '; ';

const column = (
  key: string,
  type: ColumnType,
  en: string,
  zhCN: string,
  width: number,
  cell: OutlineColumn['cell'],
): OutlineColumn => ({ key, type, header: { en, 'zh-CN': zhCN }, width, cell });

export const OUTLINE_COLUMNS: readonly OutlineColumn[] = [
  column('goal', 'text', 'Goal', '战略目标', 36, (r) => r.goal.title),
  column('goalOwner', 'text', 'Goal owner', '目标负责人', 18, (r) => r.goal.owner),
  column('horizon', 'text', 'Horizon', '时间范围', 12, (r) => r.goal.horizon),
  column('priority', 'text', 'Priority', '优先级', 10, (r, l) =>
    r.goal.priority === null ? null : l.priority[r.goal.priority],
  ),
  column('goalStatus', 'text', 'Goal status', '目标状态', 12, (r, l) => l.goalStatus[r.goal.status]),
  column('parentGoals', 'text', 'Parent goals', '上级目标', 30, (r) =>
    r.parentGoals.map((g) => g.title).join(LIST_SEPARATOR),
  ),
  column('mechanism', 'text', 'Mechanism', '运营机制', 36, (r) => r.mechanism?.title ?? null),
  column('mechanismOwner', 'text', 'Mechanism owner', '机制负责人', 18, (r) => r.mechanism?.owner ?? null),
  column('function', 'text', 'Function', '职能', 12, (r, l) =>
    r.mechanism ? functionLabel(l, r.mechanism.function) : null,
  ),
  column('startDate', 'date', 'Start', '开始日期', 12, (r) => r.mechanism?.startDate ?? null),
  column('dueDate', 'date', 'Due', '截止日期', 12, (r) => r.mechanism?.dueDate ?? null),
  column('mechanismStatus', 'text', 'Mechanism status', '机制状态', 14, (r, l) =>
    r.mechanism ? l.mechanismStatus[r.mechanism.status] : null,
  ),
  column('enabledBy', 'text', 'Enabled by', '前置机制', 30, (r) =>
    r.mechanism ? r.enabledBy.map((m) => m.title).join(LIST_SEPARATOR) : null,
  ),
  column('metric', 'text', 'Metric', '指标', 32, (r) => r.metric?.title ?? null),
  column('metricOwner', 'text', 'Metric owner', '指标负责人', 18, (r) => r.metric?.owner ?? null),
  column('unit', 'text', 'Unit', '单位', 8, (r) => r.metric?.unit ?? null),
  column('direction', 'text', 'Direction', '方向', 16, (r, l) =>
    r.metric ? l.direction[r.metric.direction] : null,
  ),
  column('baseline', 'number', 'Baseline', '基线', 11, (r) => r.metric?.baseline ?? null),
  column('current', 'number', 'Current', '当前值', 11, (r) => r.metric?.current ?? null),
  // The current value is the latest check-in's (checkins.ts): its date and the way it last moved.
  column('currentDate', 'date', 'Current as of', '当前值日期', 12, (r, _l, checkins) =>
    r.metric ? (latestNumbers(checkins, r.metric.id).latest?.date ?? null) : null,
  ),
  column('trend', 'text', 'Trend', '趋势', 10, (r, l, checkins) => {
    const trend = r.metric ? latestNumbers(checkins, r.metric.id).trend : null;
    return trend === null ? null : `${TREND_ARROWS[trend]} ${l.trend[trend]}`;
  }),
  column('target', 'number', 'Target', '目标值', 11, (r) => r.metric?.target ?? null),
  column('metricDueDate', 'date', 'Metric due', '指标截止日期', 12, (r) => r.metric?.dueDate ?? null),
  column('cadence', 'text', 'Cadence', '频率', 11, (r, l) =>
    r.metric?.cadence ? l.cadence[r.metric.cadence] : null,
  ),
  column('source', 'text', 'Data source', '数据来源', 18, (r) => r.metric?.source ?? null),
  column('progress', 'text', 'Progress status', '进度状态', 14, (r, l) =>
    r.progress === null ? null : l.progress[r.progress],
  ),
];

/** The outline as a table: headers and cells in one language. */
export interface OutlineTable {
  columns: readonly OutlineColumn[];
  header: string[];
  rows: CellValue[][];
}

export function outlineTable(map: OutlineInput, language: Language, today: string): OutlineTable {
  const labels = VALUE_LABELS[language];
  return {
    columns: OUTLINE_COLUMNS,
    header: OUTLINE_COLUMNS.map((c) => c.header[language]),
    rows: outlineRows(map, today).map((row) => OUTLINE_COLUMNS.map((c) => c.cell(row, labels, map.history))),
  };
}
