/**
 * UI strings of the date fields (the inspector's dates, the PDF's date), which are typed text in
 * the UI's language rather than the browser's own date input, whose format follows the browser's
 * locale whatever the UI says. Merged into en.ts and zh-CN.ts under the key "dateField".
 */
const en = {
  placeholder: 'YYYY-MM-DD',
  /** Read by screen readers and shown on hover: how a day may be typed. */
  hint: 'Type a day as 2027-06-01 or 2027/6/1',
};

export const dateFieldStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    placeholder: '年-月-日',
    hint: '请按 2027-06-01、2027/6/1 或 2027年6月1日 的格式输入日期',
  },
};
