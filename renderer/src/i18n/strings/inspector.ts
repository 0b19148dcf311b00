/**
 * UI strings of the inspector area. Merged into en.ts and zh-CN.ts under the key "inspector", so each
 * area owns its own file; the type makes the Chinese carry every English key.
 */
const en = {};

export const inspectorStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {},
};
