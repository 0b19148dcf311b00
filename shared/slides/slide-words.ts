import type { Language } from '../model/language';
import type { FindingGroup } from '../validation/finding-groups';

/**
 * The fixed words of the slides, in each language. Kinds, functions, owners and lanes come from
 * DRAWING_LABELS, statuses from VALUE_LABELS, the health summary and severities from MARKDOWN_WORDS:
 * only what no other export says is here.
 */
export interface SlideWords {
  overview: string;
  metrics: string;
  findings: string;
  /** "Metric statuses as of 7 December 2026". */
  statusesAsOf(date: string): string;
  /** A slide that continues a list or a goal: "Metrics (2/3)". */
  part(title: string, index: number, count: number): string;
  executionPath: string;
  groups: Readonly<Record<FindingGroup, string>>;
  table: {
    metric: string;
    measures: string;
    owner: string;
    baseline: string;
    current: string;
    target: string;
    due: string;
    status: string;
  };
  noMetrics: string;
  /** The title slide's line counting metrics by status. */
  metricCount(count: number): string;
  /** The overview slide when the map has no node. */
  emptyMap: string;
}

export const SLIDE_WORDS: Readonly<Record<Language, SlideWords>> = {
  en: {
    overview: 'Overview',
    metrics: 'Metrics',
    findings: 'Findings',
    statusesAsOf: (date) => `Metric statuses as of ${date}`,
    part: (title, index, count) => (count <= 1 ? title : `${title} (${index}/${count})`),
    executionPath: 'Execution path',
    groups: { strategy: 'Strategy', links: 'Links', data: 'Data', notes: 'Notes' },
    table: {
      metric: 'Metric',
      measures: 'Measures',
      owner: 'Owner',
      baseline: 'Baseline',
      current: 'Current',
      target: 'Target',
      due: 'Due',
      status: 'Status',
    },
    noMetrics: 'This map has no metrics yet.',
    metricCount: (count) => (count === 1 ? '1 metric' : `${count} metrics`),
    emptyMap: 'This map is empty.',
  },
  'zh-CN': {
    overview: '全景图',
    metrics: '指标',
    findings: '检查结果',
    statusesAsOf: (date) => `指标状态截至 ${date}`,
    part: (title, index, count) => (count <= 1 ? title : `${title}（${index}/${count}）`),
    executionPath: '执行路径',
    groups: { strategy: '战略', links: '连线', data: '数据', notes: '备注' },
    table: {
      metric: '指标',
      measures: '衡量的机制',
      owner: '负责人',
      baseline: '基线',
      current: '当前值',
      target: '目标值',
      due: '截止',
      status: '状态',
    },
    noMetrics: '这张地图还没有指标。',
    metricCount: (count) => `${count} 个指标`,
    emptyMap: '这张地图是空的。',
  },
};
