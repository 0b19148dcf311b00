import type { Language } from '../model/language';
import type { ImportColumn, RowOutcome, RowRefusal } from './import-preview';
import type { TableRefusal } from './import-table';

/**
 * What an import of check-ins says, in each language: why a file or a row is refused, and what a
 * row will do. The command line prints it in --lang (English by default), the app in the UI's
 * language. Values quoted from the file stay as they came.
 */

const COLUMN_WORDS: Readonly<Record<Language, Readonly<Record<ImportColumn, string>>>> = {
  en: { metric: 'metric', date: 'date', value: 'value', note: 'note', confidence: 'confidence' },
  'zh-CN': { metric: '指标', date: '日期', value: '数值', note: '备注', confidence: '信心' },
};

const columnWord = (column: string, language: Language) =>
  COLUMN_WORDS[language][column as ImportColumn] ?? column;

export function tableRefusalText(refusal: TableRefusal, language: Language): string {
  const zh = language === 'zh-CN';
  switch (refusal.kind) {
    case 'too-big':
      return zh
        ? `文件大于 ${refusal.maxMb} MB，不是一份签到数据表。`
        : `The file is larger than ${refusal.maxMb} MB: too big for a table of check-ins.`;
    case 'not-a-table':
      return zh
        ? '只能导入 CSV（.csv）或 Excel（.xlsx）文件。'
        : 'Only a CSV (.csv) or Excel (.xlsx) file can be imported.';
    case 'binary':
      return zh
        ? '该文件不是文本，不能作为 CSV 读取。'
        : 'The file is not text, so it cannot be read as CSV.';
    case 'not-utf-8':
      return zh
        ? '该文件不是 UTF-8 文本（可能是 GBK）；请另存为 UTF-8 的 CSV 后再试。'
        : 'The file is not UTF-8 text (perhaps GBK or Latin-1); save it as UTF-8 CSV and try again.';
    case 'bad-csv':
      return zh
        ? `第 ${refusal.line} 行无法按 CSV 读取：${refusal.detail}`
        : `Row ${refusal.line} cannot be read as CSV: ${refusal.detail}`;
    case 'bad-xlsx':
      return zh
        ? '该文件无法作为 Excel 工作簿（.xlsx）读取。'
        : 'The file cannot be read as an Excel workbook (.xlsx).';
    case 'empty':
      return zh ? '文件中除标题行外没有任何数据行。' : 'The file has no rows below its header.';
    case 'too-many-rows':
      return zh
        ? `文件超过 ${refusal.max} 行；请分成几个文件导入。`
        : `The file has more than ${refusal.max} rows; import it in several files.`;
    case 'missing-columns': {
      const names = refusal.columns.map((c) => columnWord(c, language));
      return zh
        ? `第一行缺少这些列：${names.join('、')}（需要 指标/metric、日期/date、数值/value）。`
        : `The first row lacks the column${names.length > 1 ? 's' : ''} ${names.join(', ')} (needed: metric, date, value).`;
    }
    case 'repeated-column':
      return zh
        ? `“${columnWord(refusal.column, language)}”列出现了两次。`
        : `The column "${refusal.column}" appears twice.`;
  }
}

export function rowRefusalText(reason: RowRefusal, language: Language): string {
  const zh = language === 'zh-CN';
  switch (reason.kind) {
    case 'no-metric':
      return zh ? '没有填写指标' : 'no metric given';
    case 'unknown-metric':
      return zh
        ? `地图中没有 ID 或标题为“${reason.value}”的指标`
        : `no metric of this map has the id or title "${reason.value}"`;
    case 'not-a-metric':
      return zh ? `“${reason.value}”不是指标` : `"${reason.value}" is not a metric`;
    case 'ambiguous-metric':
      return zh
        ? `有 ${reason.count} 个指标的标题都是“${reason.value}”；请改用指标 ID`
        : `${reason.count} metrics are titled "${reason.value}"; use the metric's id`;
    case 'bad-date':
      return zh
        ? `日期“${reason.value}”不是 YYYY-MM-DD 格式的有效日期`
        : `the date "${reason.value}" is not a real date as YYYY-MM-DD`;
    case 'not-a-number':
      return zh
        ? `数值“${reason.value}”不是数字（小数请用“.”，不要千位分隔符）`
        : `the value "${reason.value}" is not a number (use "." for decimals, no thousands separators)`;
    case 'out-of-range':
      return zh ? `数值“${reason.value}”过大` : `the value "${reason.value}" is too large`;
    case 'bad-confidence':
      return zh
        ? `信心“${reason.value}”应为 on-track / at-risk / off-track（正常 / 有风险 / 偏离）`
        : `the confidence "${reason.value}" is none of on-track, at-risk, off-track`;
    case 'note-too-long':
      return zh
        ? `备注有 ${reason.length} 个字符，超过 ${reason.max} 个字符的上限`
        : `the note has ${reason.length} characters, more than ${reason.max}`;
    case 'repeat':
      return zh
        ? `与第 ${reason.line} 行是同一指标同一天`
        : `row ${reason.line} already gives this metric's number for this day`;
    case 'map-full':
      return zh
        ? `地图已有 ${reason.max} 条签到，达到上限`
        : `the map holds the most check-ins it can (${reason.max})`;
  }
}

/** What a row will do, in a few words (the preview's status column). */
export function outcomeText(outcome: RowOutcome, language: Language): string {
  const zh = language === 'zh-CN';
  switch (outcome.kind) {
    case 'add':
      return zh ? '添加' : 'add';
    case 'correct':
      return zh ? `更正当天的 ${outcome.was.value}` : `correct that day's ${outcome.was.value}`;
    case 'already':
      return zh ? '已存在' : 'already there';
    case 'refused':
      return zh
        ? `拒绝：${outcome.reasons.map((r) => rowRefusalText(r, language)).join('；')}`
        : `refused: ${outcome.reasons.map((r) => rowRefusalText(r, language)).join('; ')}`;
  }
}
