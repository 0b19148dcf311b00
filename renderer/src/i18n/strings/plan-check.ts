import { VALUE_LABELS } from '../../../../shared/exports/outline-labels';

/**
 * UI strings of the plan check (issue 13, "Offsite-ready"): the function chip on a mechanism, the
 * grouped findings and their headline, the presentation's closed-loop verdict and the new keys.
 * Merged into en.ts and zh-CN.ts under the key "planCheck"; the type makes the Chinese carry every
 * English key.
 */
const en = {
  functionOf: 'Function of “{{title}}”',
  functionUnset: VALUE_LABELS.en.functionUnset,
  onlyMechanisms: 'Only a mechanism has a function: select a mechanism and press Shift+F.',
  groups: { strategy: 'Strategy', links: 'Links', data: 'Data', notes: 'Notes' },
  groupLabel: '{{group}}: {{count}}',
  noClosedLoop_one: '{{count}} has no closed loop',
  noClosedLoop_other: '{{count}} have no closed loop',
  hasPathNoLoop: 'Has an execution path, but no closed loop',
  keys: {
    cycleFunction: "Set the selected mechanism's function (the next one at each press)",
    addGoal: 'Add a goal when nothing is selected (the first goal of an empty map)',
    newMap: 'New map',
  },
};

export const planCheckStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    functionOf: '“{{title}}”的职能',
    functionUnset: VALUE_LABELS['zh-CN'].functionUnset,
    onlyMechanisms: '只有运营机制有职能：请选中一个运营机制，再按 Shift+F。',
    groups: { strategy: '战略', links: '连线', data: '数据', notes: '备注' },
    groupLabel: '{{group}}：{{count}} 项',
    noClosedLoop_one: '{{count}} 个没有闭环',
    noClosedLoop_other: '{{count}} 个没有闭环',
    hasPathNoLoop: '有执行路径，但没有闭环',
    keys: {
      cycleFunction: '设置所选运营机制的职能（每按一次换下一个）',
      addGoal: '未选中任何节点时添加目标（空地图的第一个目标）',
      newMap: '新建地图',
    },
  },
};
