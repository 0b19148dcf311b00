/**
 * UI strings of the picture exports (SVG and PNG of the map) in the File menu. Merged into en.ts
 * and zh-CN.ts under the key "picture"; the type makes the Chinese carry every English key.
 */
const en = {
  exportSvg: 'Export map picture as SVG',
  exportPng: 'Export map picture as PNG',
  empty: 'The map has no nodes yet, so there is no picture to export.',
  failed: 'The picture could not be made: {{message}}',
};

export const pictureStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    exportSvg: '导出地图图片为 SVG',
    exportPng: '导出地图图片为 PNG',
    empty: '地图上还没有节点，没有可导出的图片。',
    failed: '无法生成图片：{{message}}',
  },
};
