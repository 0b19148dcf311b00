/**
 * UI strings of the map list's pages (a document may hold many thousands of maps; the list shows
 * them a page at a time). Merged into en.ts and zh-CN.ts under the key "mapPages".
 */
const en = {
  more: 'Show more maps',
  shown: '{{shown}} of {{total}} maps shown',
  failed: 'More maps could not be listed: {{message}}',
};

export const mapPagesStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    more: '显示更多地图',
    shown: '已显示 {{shown}} / {{total}} 个地图',
    failed: '无法列出更多地图：{{message}}',
  },
};
