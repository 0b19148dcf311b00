/**
 * UI strings of the layout area. Merged into en.ts and zh-CN.ts under the key "layout", so each
 * area owns its own file; the type makes the Chinese carry every English key.
 */
const en = {
  autoLayout: 'Tidy into lanes',
  running: 'Tidying the map into lanes…',
  failed: 'The map could not be tidied into lanes. Your positions are unchanged.',
};

export const layoutStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    autoLayout: '按泳道整理',
    running: '正在按泳道整理地图…',
    failed: '无法按泳道整理地图，节点位置保持不变。',
  },
};
