import { VALUE_LABELS } from '../../../shared/exports/outline-labels';
import { DRAWING_LABELS } from '../../../shared/render/drawing-labels';
import type { Strings } from './en';
import { backupsStrings } from './strings/backups';
import { browserFilesStrings } from './strings/browser-files';
import { checkinImportStrings } from './strings/checkin-import';
import { dateFieldStrings } from './strings/date-field';
import { exportStrings } from './strings/export';
import { inspectorStrings } from './strings/inspector';
import { layoutStrings } from './strings/layout';
import { mapDeletionStrings } from './strings/map-deletion';
import { mapPagesStrings } from './strings/map-pages';
import { metricCheckinsStrings } from './strings/metric-checkins';
import { offsiteStrings } from './strings/offsite';
import { outlineStrings } from './strings/outline';
import { pictureStrings } from './strings/picture';
import { planCheckStrings } from './strings/plan-check';
import { presenceStrings } from './strings/presence';
import { roomStrings } from './strings/room';
import { shareStrings } from './strings/share';
import { slidesStrings } from './strings/slides';
import { templatesStrings } from './strings/templates';
import { updateNumbersStrings } from './strings/update-numbers';
import { versionsStrings } from './strings/versions';

/** 简体中文界面文字。 */
export const zhCN: Strings = {
  app: {
    name: 'Throughline',
    tagline: '从战略到执行',
    about: 'Throughline {{version}}：从战略到执行的地图。按 ? 查看键盘快捷键。',
  },
  maps: {
    heading: '地图',
    new: '新建地图',
    newName: '未命名地图',
    rename: '重命名',
    duplicate: '复制',
    delete: '删除',
    deleteConfirm: '删除“{{name}}”？',
    deleteYes: '删除',
    deleteNo: '保留',
    copyOf: '{{name}}（副本）',
    nodes_one: '{{count}} 个节点',
    nodes_other: '{{count}} 个节点',
    empty: '还没有地图。新建一张开始吧。',
    nameLabel: '地图名称',
  },
  kinds: DRAWING_LABELS['zh-CN'].kinds,
  kindsLong: { goal: '战略目标', mechanism: '运营机制', metric: '指标' },
  lanes: { strategy: '战略', operations: '运营', metrics: '指标' },
  toolbar: {
    add: '添加{{kind}}',
    fit: '适应屏幕',
    language: '语言',
    saved: '所有更改已保存',
    undo: '撤销',
    redo: '重做',
    find: '查找节点',
    snap: '对齐网格',
    // The inspector's one name is its heading (strings/inspector.ts), nested here.
    sidePanels: '显示地图列表和$t(inspector.heading)面板（Ctrl+\\）',
    theme: '主题',
    themes: { system: '自动', light: '浅色', dark: '深色' },
    shortcuts: '键盘快捷键',
    filters: '筛选地图',
    present: '演示（F5）',
  },
  functions: VALUE_LABELS['zh-CN'].function,
  filters: {
    title: '筛选',
    flaggedOnly: '只看有问题的',
    byFunction: '按职能筛选机制',
    owner: '负责人',
    anyOwner: '任何人',
    clear: '清除筛选',
  },
  presentation: {
    step: '第 {{at}} 个目标，共 {{count}} 个',
    hasPath: '有执行路径',
    noPath: '没有执行路径',
    more_one: '另有 {{count}} 个问题',
    more_other: '另有 {{count}} 个问题',
    noGoals: '这张地图还没有可演示的目标。',
    exit: '结束演示',
    keys: '← → 或 Page Up/Down：上一个 / 下一个目标 · Esc：结束',
  },
  node: {
    untitled: DRAWING_LABELS['zh-CN'].untitled,
    titleLabel: '标题',
    owner: '负责人：{{owner}}',
    noOwner: DRAWING_LABELS['zh-CN'].noOwner,
    flagged_one: '{{count}} 个问题',
    flagged_other: '{{count}} 个问题',
    editHint: '双击或按 F2 重命名',
  },
  findings: {
    heading: '检查结果',
    none: '没有问题。每个目标都有执行路径。',
    noGoals: '还没有目标',
    noGoalsHint: '添加一个目标开始绘制地图，边画边检查计划。',
    noMap: '打开或新建一张地图，即可检查它的计划。',
    summary_one: '{{count}} 个目标中有 {{withPath}} 个有执行路径',
    summary_other: '{{count}} 个目标中有 {{withPath}} 个有执行路径',
    severity: { error: '错误', warning: '警告', info: '提示' },
    show: '在地图上显示',
    shown: '显示前 {{shown}} 条，共 {{total}} 条',
    more_one: '再显示 {{count}} 条',
    more_other: '再显示 {{count}} 条',
  },
  canvas: {
    label: '战略地图画布',
    empty: '按 Enter 添加第一个目标，或点击工具栏上的“◆ 目标”。',
    linkRefused: '无法连接。{{reason}}',
    noMap: '请选择或新建一张地图。',
    keyboardHelp:
      '方向键在相连的节点之间移动。Tab 在所选节点下添加下一类节点，Enter 添加同级节点，直接输入即可重命名。按 ? 查看全部快捷键。',
    minimap: '地图概览',
    selected: '已选择{{kind}}：{{title}}。{{findings}}。',
    selectedMany: '已选择多个节点。',
    noFindings: '没有问题',
    metricEndsChain: '指标是链条的终点：其下不能再添加节点。',
    subGoalsOfGoals: '只有目标可以有子目标：选中一个目标后按 Shift+Tab。',
    copied_one: '已复制 {{count}} 个节点。',
    copied_other: '已复制 {{count}} 个节点。',
    nothingToPaste: '没有可粘贴的内容：请先复制节点。',
    nothingToUndo: '没有可撤销的操作。',
    nothingToRedo: '没有可重做的操作。',
    linkLabel: '从{{source}}到{{target}}的连线',
  },
  flow: {
    nodeHelp: '地图上的节点。方向键在相连的节点之间移动；按 ? 查看全部快捷键。',
    edgeHelp: '地图上的连线。按 Delete 删除。',
    moved: '已将节点向{{direction}}移动。',
    controls: '缩放控件',
    zoomIn: '放大',
    zoomOut: '缩小',
    fitView: '适应屏幕',
    interactive: '锁定或解锁地图',
    handle: '连线手柄：拖到另一个节点即可连线',
  },
  search: {
    label: '按标题、负责人或描述查找节点',
    placeholder: '按标题、负责人或描述查找',
    none: '无匹配',
    count: '第 {{at}} 个，共 {{count}} 个',
    previous: '上一个匹配',
    next: '下一个匹配',
    close: '关闭查找',
  },
  shortcuts: {
    click: '单击',
    title: '键盘快捷键',
    close: '关闭',
    groups: { build: '构建地图', move: '移动与选择', edit: '编辑', view: '视图' },
    keys: {
      addChild: '添加下一类的相连子节点（目标 → 机制 → 指标）',
      addSubGoal: '在所选目标下添加子目标',
      addSibling: '在同一父节点下添加同级节点',
      rename: '重命名所选节点（或直接输入）',
      escape: '结束重命名，或取消选择',
      delete: '删除所选内容及其连线',
      moveLinks: '转到父节点或第一个子节点',
      moveSiblings: '转到上一个或下一个同级节点',
      selectAll: '选择全部节点',
      multiSelect: '将节点加入选择，或拖出选择框',
      find: '查找节点',
      undo: '撤销',
      redo: '重做',
      clipboard: '复制、剪切和粘贴节点',
      duplicate: '复制一份所选内容',
      fit: '使地图适应屏幕（按 F 不会开始重命名）',
      zoom: '放大和缩小',
      presentation: '演示模式',
      sidePanels: '显示或隐藏地图列表和$t(inspector.heading)面板',
      readingSize: '投影大字：让会议室后排也看得清',
      sheet: '本页',
    },
    imeNote: '使用输入法（例如拼音）输入时，按键交给输入法：Enter 只确认文字，不会添加节点。',
  },
  errors: {
    loadFailed: '无法打开地图：{{message}}',
    generic: '出错了：{{message}}',
  },
  language: { en: 'English', 'zh-CN': '简体中文' },
  file: {
    menu: '文件',
    library: '资料库',
    open: '打开…',
    saveAs: '另存为…',
    openLibrary: '打开资料库',
    recent: '最近打开',
    noRecent: '没有最近打开的文档',
    importJson: '导入 JSON 地图…',
    exportJson: '将地图导出为 JSON',
  },
  inspector: inspectorStrings.zhCN,
  backups: backupsStrings.zhCN,
  checkinImport: checkinImportStrings.zhCN,
  layout: layoutStrings.zhCN,
  planCheck: planCheckStrings.zhCN,
  updateNumbers: updateNumbersStrings.zhCN,
  mapDeletion: mapDeletionStrings.zhCN,
  room: roomStrings.zhCN,
  presence: presenceStrings.zhCN,
  export: exportStrings.zhCN,
  templates: templatesStrings.zhCN,
  versions: versionsStrings.zhCN,
  outline: outlineStrings.zhCN,
  slides: slidesStrings.zhCN,
  picture: pictureStrings.zhCN,
  offsite: offsiteStrings.zhCN,
  browserFiles: browserFilesStrings.zhCN,
  dateField: dateFieldStrings.zhCN,
  mapPages: mapPagesStrings.zhCN,
  share: shareStrings.zhCN,
  metricCheckins: metricCheckinsStrings.zhCN,
};
