/**
 * UI strings of the layout area. Merged into en.ts and zh-CN.ts under the key "layout", so each
 * area owns its own file; the type makes the Chinese carry every English key.
 */
const en = {
  autoLayout: 'Tidy into lanes',
};

export const layoutStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    autoLayout: '按泳道整理',
  },
};
