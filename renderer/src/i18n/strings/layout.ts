/**
 * UI strings of the layout area. Merged into en.ts and zh-CN.ts under the key "layout", so each
 * area owns its own file; the type makes the Chinese carry every English key.
 */
const en = {};

export const layoutStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {},
};
