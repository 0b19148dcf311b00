/**
 * UI strings of the slides export (PowerPoint) in the File menu. Merged into en.ts and zh-CN.ts
 * under the key "slides"; the type makes the Chinese carry every English key.
 */
const en = {
  exportPptx: 'Export slides (PowerPoint)…',
};

export const slidesStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    exportPptx: '导出幻灯片（PowerPoint）…',
  },
};
