import type { Language } from '../model/language';

/**
 * The fixed words of a diff ("Changes since …"), in each language: the command line's `diff`, the
 * Markdown section and the app read them here. User text (titles, ids, labels) is never part of them.
 */
export interface DiffWords {
  /** The heading: changes since a version or a file. */
  changesSince(what: string): string;
  /** The command line's first line: from one map to the other. */
  fromTo(before: string, after: string): string;
  /** One line that counts every section. */
  summary(counts: DiffCounts): string;
  noChanges: string;
  /** Said beside an empty diff and in the JSON's help: moving cards is no change. */
  positionsNote: string;
  nodesAdded: string;
  nodesRemoved: string;
  nodesChanged: string;
  linksAdded: string;
  linksRemoved: string;
  goalsLostPath: string;
  goalsGainedPath: string;
  /** Metrics whose current value moved (not counted again among the changed nodes). */
  metricsMoved: string;
  /** A field's label, by its name in the JSON format. */
  fields: Record<string, string>;
  /** How a field with no value (null or empty) reads. */
  none: string;
  /** Between a label and its value. */
  colon: string;
  /** Opening and closing quotes around user text. */
  quote(text: string): string;
  /** An arrow between before and after (the same in both languages). */
  arrow: string;
}

export interface DiffCounts {
  nodesAdded: number;
  nodesRemoved: number;
  nodesChanged: number;
  metricsMoved: number;
  linksAdded: number;
  linksRemoved: number;
  goalsLostPath: number;
  goalsGainedPath: number;
}

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const DIFF_WORDS: Readonly<Record<Language, DiffWords>> = {
  en: {
    changesSince: (what) => `Changes since ${what}`,
    fromTo: (before, after) => `Changes from ${before} to ${after}`,
    summary: (c) =>
      `Nodes: ${c.nodesAdded} added, ${c.nodesRemoved} removed, ${c.nodesChanged} changed · ` +
      `${n(c.metricsMoved, 'metric value', 'metric values')} moved · ` +
      `links: ${c.linksAdded} added, ${c.linksRemoved} removed · ` +
      `${n(c.goalsLostPath, 'goal', 'goals')} lost an execution path, ${c.goalsGainedPath} gained one`,
    noChanges: 'No changes: the two maps hold the same plan.',
    positionsNote: 'Where cards sit on the canvas is not compared.',
    nodesAdded: 'Nodes added',
    nodesRemoved: 'Nodes removed',
    nodesChanged: 'Nodes changed',
    linksAdded: 'Links added',
    linksRemoved: 'Links removed',
    goalsLostPath: 'Goals that lost their execution path',
    goalsGainedPath: 'Goals that gained an execution path',
    metricsMoved: 'Metric values that moved',
    fields: {
      kind: 'Kind',
      title: 'Title',
      description: 'Description',
      owner: 'Owner',
      horizon: 'Horizon',
      priority: 'Priority',
      status: 'Status',
      function: 'Function',
      startDate: 'Start',
      dueDate: 'Due',
      unit: 'Unit',
      direction: 'Direction',
      baseline: 'Baseline',
      target: 'Target',
      current: 'Current',
      cadence: 'Cadence',
      source: 'Source',
    },
    none: '(none)',
    colon: ': ',
    quote: (text) => `"${text}"`,
    arrow: ' → ',
  },
  'zh-CN': {
    changesSince: (what) => `自${what}以来的变化`,
    fromTo: (before, after) => `从${before}到${after}的变化`,
    summary: (c) =>
      `节点：新增 ${c.nodesAdded} 个，删除 ${c.nodesRemoved} 个，修改 ${c.nodesChanged} 个 · ` +
      `${c.metricsMoved} 个指标数值变动 · ` +
      `连线：新增 ${c.linksAdded} 条，删除 ${c.linksRemoved} 条 · ` +
      `${c.goalsLostPath} 个目标失去执行路径，${c.goalsGainedPath} 个目标获得执行路径`,
    noChanges: '没有变化：两张地图是同一个计划。',
    positionsNote: '卡片在画布上的位置不参与比较。',
    nodesAdded: '新增的节点',
    nodesRemoved: '删除的节点',
    nodesChanged: '修改的节点',
    linksAdded: '新增的连线',
    linksRemoved: '删除的连线',
    goalsLostPath: '失去执行路径的目标',
    goalsGainedPath: '获得执行路径的目标',
    metricsMoved: '数值变动的指标',
    fields: {
      kind: '类型',
      title: '标题',
      description: '描述',
      owner: '负责人',
      horizon: '时间范围',
      priority: '优先级',
      status: '状态',
      function: '职能',
      startDate: '开始',
      dueDate: '截止',
      unit: '单位',
      direction: '方向',
      baseline: '基线',
      target: '目标值',
      current: '当前值',
      cadence: '频率',
      source: '数据来源',
    },
    none: '（无）',
    colon: '：',
    quote: (text) => `“${text}”`,
    arrow: ' → ',
  },
};
