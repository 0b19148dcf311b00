/**
 * UI strings of restoring from a backup (File ▸ Restore from backup…). Merged into en.ts and
 * zh-CN.ts under the key "backups", so each area owns its own file; the type makes the Chinese
 * carry every English key.
 */
const en = {
  menuItem: 'Restore from backup…',
  title: 'Restore from backup',
  intro:
    'Throughline backs this document up by itself once a day while you work in it, and keeps the last seven.',
  loading: 'Reading the backups…',
  empty: 'There is no backup of this document yet: the first is made on the first day it holds a map.',
  listLabel: 'Backups of this document',
  maps_one: '{{count}} map',
  maps_other: '{{count}} maps',
  size: '{{size}} KB',
  choose: 'Restore…',
  confirmTitle: 'Restore the backup of {{date}}?',
  confirmBody:
    'Every map of this document goes back to how it was then. The document as it is now is backed up first, so you can come back to it from this list.',
  confirm: 'Back up now, then restore',
  back: 'Back',
  close: 'Close',
  restoring: 'Backing up the current state and restoring…',
  restored: 'Restored the backup of {{date}}. The state before it is kept as the newest backup.',
  failed: 'The backup was not restored, and nothing was changed: {{message}}',
  loadFailed: 'The backups could not be read: {{message}}',
};

export const backupsStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    menuItem: '从备份恢复…',
    title: '从备份恢复',
    intro: '在你使用本文档的日子里，Throughline 每天自动备份一次，并保留最近七份备份。',
    loading: '正在读取备份…',
    empty: '本文档还没有备份：文档中有了地图的第一天就会生成第一份备份。',
    listLabel: '本文档的备份',
    maps_one: '{{count}} 张地图',
    maps_other: '{{count}} 张地图',
    size: '{{size}} KB（千字节）',
    choose: '恢复…',
    confirmTitle: '恢复 {{date}} 的备份？',
    confirmBody:
      '本文档的所有地图都将回到当时的状态。恢复前会先备份文档的当前状态，你可以随时从此列表中找回它。',
    confirm: '先备份当前状态，再恢复',
    back: '返回',
    close: '关闭',
    restoring: '正在备份当前状态并恢复…',
    restored: '已恢复 {{date}} 的备份。恢复前的状态已保存为最新的一份备份。',
    failed: '备份未能恢复，文档没有任何改动：{{message}}',
    loadFailed: '无法读取备份：{{message}}',
  },
};
