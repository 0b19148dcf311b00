/**
 * UI strings of the templates area. Merged into en.ts and zh-CN.ts under the key "templates", so each
 * area owns its own file; the type makes the Chinese carry every English key.
 */
const en = {};

export const templatesStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {},
};
