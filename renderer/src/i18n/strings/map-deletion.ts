/**
 * UI strings of deleting a map and undoing it. Merged into en.ts and zh-CN.ts under the key
 * "mapDeletion"; the type makes the Chinese carry every English key.
 */
const en = {
  deleted: 'Map "{{name}}" deleted.',
  undo: 'Undo',
  undoLabel: 'Undo deleting the map "{{name}}"',
  restored: 'Map "{{name}}" restored.',
};

export const mapDeletionStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    deleted: '已删除地图“{{name}}”。',
    undo: '撤销',
    undoLabel: '撤销删除地图“{{name}}”',
    restored: '已恢复地图“{{name}}”。',
  },
};
