/**
 * UI strings of File ▸ Import check-ins… (the preview dialog). Merged into en.ts and zh-CN.ts under
 * the key "checkinImport". Why a file or a row is refused, and what a row will do, are worded in
 * shared/checkins/import-words.ts, which the command line prints too.
 */
const en = {
  menuItem: 'Import check-ins…',
  title: 'Import check-ins from {{file}}',
  intro:
    "Nothing is written until you confirm. A row for a day that already has the same number is already there and is not added twice; a row with another number for that day corrects that day's check-in.",
  reading: 'Reading the file…',
  summary: '{{add}} to add · {{correct}} to correct · {{already}} already there · {{refused}} refused',
  rowsLabel: 'The rows of the file and what each will do',
  row: 'Row',
  metric: 'Metric',
  date: 'Date',
  value: 'Value',
  outcome: 'What happens',
  more_one: '…and {{count}} more row (the summary above counts every row).',
  more_other: '…and {{count}} more rows (the summary above counts every row).',
  cancel: 'Cancel',
  close: 'Close',
  confirm_one: 'Write {{count}} check-in',
  confirm_other: 'Write {{count}} check-ins',
  nothingToWrite: 'There is nothing to write: every row is already there or refused.',
  done_one: 'Imported {{count}} check-in. Undo takes it back.',
  done_other: 'Imported {{count}} check-ins. Undo takes them back.',
  readOnly: 'This window may only view the map, so the check-ins were not written.',
  failed: 'The file could not be read: {{message}}',
};

export const checkinImportStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    menuItem: '导入签到…',
    title: '从 {{file}} 导入签到',
    intro:
      '确认之前不会写入任何内容。某天已有相同数值的行视为已存在，不会重复添加；同一天数值不同的行会更正当天的签到。',
    reading: '正在读取文件…',
    summary: '添加 {{add}} 条 · 更正 {{correct}} 条 · 已存在 {{already}} 条 · 拒绝 {{refused}} 条',
    rowsLabel: '文件中的各行及其处理方式',
    row: '行',
    metric: '指标',
    date: '日期',
    value: '数值',
    outcome: '处理方式',
    more_one: '……还有 {{count}} 行（上方的汇总包括所有行）。',
    more_other: '……还有 {{count}} 行（上方的汇总包括所有行）。',
    cancel: '取消',
    close: '关闭',
    confirm_one: '写入 {{count}} 条签到',
    confirm_other: '写入 {{count}} 条签到',
    nothingToWrite: '没有需要写入的内容：每一行都已存在或被拒绝。',
    done_one: '已导入 {{count}} 条签到。撤销可将其撤回。',
    done_other: '已导入 {{count}} 条签到。撤销可将其撤回。',
    readOnly: '此窗口只能查看地图，签到未写入。',
    failed: '无法读取该文件：{{message}}',
  },
};
