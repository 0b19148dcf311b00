/**
 * UI strings of the offsite-ready canvas (issue 13): the reading size for the room, the status
 * chips on cards and in the presentation caption, and the verdict shown while a link is dragged.
 * Merged into en.ts and zh-CN.ts under the key "offsite"; the type makes the Chinese carry every key.
 */
const en = {
  readingSize:
    'Reading size: larger text for the back of the room (on a window narrower than 1600 px it hides the side panels too; Ctrl+\\ shows them)',
  readingSizeShort: 'Reading size',
  moreMetrics_one: 'and {{count}} more metric',
  moreMetrics_other: 'and {{count}} more metrics',
  linkAllowed: 'Release to link',
  linkRefused: 'Not allowed. {{reason}}',
};

export const offsiteStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    readingSize: '投影大字：让会议室后排也看得清（窗口窄于 1600 像素时同时隐藏侧栏；按 Ctrl+\\ 可重新显示）',
    readingSizeShort: '投影大字',
    moreMetrics_one: '另有 {{count}} 个指标',
    moreMetrics_other: '另有 {{count}} 个指标',
    linkAllowed: '松开即可连接',
    linkRefused: '不允许。{{reason}}',
  },
};
