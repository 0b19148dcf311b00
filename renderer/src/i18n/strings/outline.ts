/**
 * UI strings of the outline exports (CSV, Excel, Markdown) and the check-in calendar in the File menu. Merged into en.ts and
 * zh-CN.ts under the key "outline", so each area owns its own file; the type makes the Chinese
 * carry every English key.
 */
const en = {
  exportCsv: 'Export outline as CSV',
  exportXlsx: 'Export outline as Excel',
  exportMd: 'Export outline as Markdown',
  exportIcs: 'Export check-in calendar (.ics)',
};

export const outlineStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    exportCsv: '导出大纲为 CSV',
    exportXlsx: '导出大纲为 Excel 表格',
    exportMd: '导出大纲为 Markdown 文档',
    exportIcs: '导出指标填报日历（.ics）',
  },
};
