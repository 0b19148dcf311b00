/** The languages of the native menu: the same two as the renderer's UI. */
export type MenuLanguage = 'en' | 'zh-CN';

const en = {
  // The application menu (macOS).
  appName: 'Throughline',
  about: 'About Throughline',
  services: 'Services',
  hide: 'Hide Throughline',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
  quit: 'Quit Throughline',
  // File
  file: 'File',
  newMap: 'New Map',
  newFromTemplate: 'New from Template…',
  open: 'Open…',
  openRecent: 'Open Recent',
  noRecent: 'No Recent Documents',
  saveAs: 'Save As…',
  importJson: 'Import JSON Map…',
  importCheckins: 'Import Check-ins…',
  exportPdf: 'Export PDF…',
  share: 'Share with the Room…',
  closeWindow: 'Close Window',
  exit: 'Exit',
  // Edit
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  duplicate: 'Duplicate',
  delete: 'Delete',
  selectAll: 'Select All',
  find: 'Find…',
  // View
  view: 'View',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fitView: 'Fit to Window',
  autoLayout: 'Arrange Automatically',
  presentation: 'Presentation Mode',
  updateNumbers: 'Update the Numbers…',
  sidePanels: 'Show or Hide Side Panels',
  readingSize: 'Reading Size for the Room',
  theme: 'Theme',
  themeSystem: 'Match System',
  themeLight: 'Light',
  themeDark: 'Dark',
  language: 'Language',
  // Each language is named in itself, so it can be found whatever the menu's language.
  languageEn: 'English',
  languageZhCN: '简体中文',
  // Window (macOS)
  window: 'Window',
  // Help
  help: 'Help',
  shortcuts: 'Keyboard Shortcuts',
  aboutItem: 'About Throughline',
};

/** Every label of the menu; the Chinese table must have every key the English one has. */
export type MenuLabels = Readonly<Record<keyof typeof en, string>>;

const zhCN: MenuLabels = {
  appName: 'Throughline',
  about: '关于 Throughline',
  services: '服务',
  hide: '隐藏 Throughline',
  hideOthers: '隐藏其他',
  showAll: '全部显示',
  quit: '退出 Throughline',
  file: '文件',
  newMap: '新建地图',
  newFromTemplate: '从模板新建…',
  open: '打开…',
  openRecent: '最近打开',
  noRecent: '没有最近打开的文档',
  saveAs: '另存为…',
  importJson: '导入 JSON 地图…',
  importCheckins: '导入签到…',
  exportPdf: '导出 PDF…',
  share: '与会场共享…',
  closeWindow: '关闭窗口',
  exit: '退出',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  duplicate: '创建副本',
  delete: '删除',
  selectAll: '全选',
  find: '查找…',
  view: '视图',
  zoomIn: '放大',
  zoomOut: '缩小',
  fitView: '适应屏幕',
  autoLayout: '自动排列',
  presentation: '演示模式',
  updateNumbers: '更新数值…',
  sidePanels: '显示或隐藏侧栏',
  readingSize: '投影大字',
  theme: '主题',
  themeSystem: '自动（跟随系统）',
  themeLight: '浅色',
  themeDark: '深色',
  language: '语言',
  languageEn: 'English',
  languageZhCN: '简体中文',
  window: '窗口',
  help: '帮助',
  shortcuts: '键盘快捷键',
  aboutItem: '关于 Throughline',
};

export const MENU_LABELS: Readonly<Record<MenuLanguage, MenuLabels>> = { en, 'zh-CN': zhCN };

/**
 * The menu's language from the system locale (`app.getLocale()`), until the renderer says which
 * language the user chose: any Chinese locale gets Simplified Chinese, everything else English.
 */
export function menuLanguageFromLocale(locale: string): MenuLanguage {
  return /^zh\b/i.test(locale) ? 'zh-CN' : 'en';
}
