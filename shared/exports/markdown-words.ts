import type { Language } from '../model/language';
import type { Severity } from '../validation/findings';
import type { HealthSummary } from '../validation/summary';

/** The fixed words of the Markdown outline, in each language. User text is never part of them. */
export interface MarkdownWords {
  summary(health: HealthSummary): string;
  asOf(today: string): string;
  owner: string;
  horizon: string;
  priority: string;
  status: string;
  partOf: string;
  function: string;
  start: string;
  due: string;
  enabledBy: string;
  unit: string;
  baselineToTarget: string;
  current: string;
  cadence: string;
  source: string;
  outcomeMetric: string;
  noMechanism: string;
  noMetric: string;
  noGoals: string;
  /** The section with a line per metric: its latest check-in, the date and which way it moved. */
  latestHeading: string;
  latest: string;
  noCheckins: string;
  findings: string;
  noFindings: string;
  severity: Record<Severity, string>;
  /** Between a label and its value. */
  colon: string;
  /** Between the facts on one line. */
  separator: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const MARKDOWN_WORDS: Readonly<Record<Language, MarkdownWords>> = {
  en: {
    summary: (h) =>
      `${h.goalsWithPath} of ${count(h.goals, 'goal has', 'goals have')} an execution path · ` +
      `${count(h.errors, 'error', 'errors')}, ${count(h.warnings, 'warning', 'warnings')}, ` +
      `${count(h.infos, 'note', 'notes')}`,
    asOf: (today) => `Metric statuses as of ${today}.`,
    owner: 'Owner',
    horizon: 'Horizon',
    priority: 'Priority',
    status: 'Status',
    partOf: 'Part of',
    function: 'Function',
    start: 'Start',
    due: 'Due',
    enabledBy: 'Enabled by',
    unit: 'Unit',
    baselineToTarget: 'Baseline → target',
    current: 'Current',
    cadence: 'Cadence',
    source: 'Source',
    outcomeMetric: 'Outcome metric',
    noMechanism: 'No mechanism or metric yet.',
    noMetric: 'No metric yet.',
    noGoals: 'This map has no goals yet.',
    latestHeading: 'Latest numbers',
    latest: 'Latest',
    noCheckins: 'No check-in yet.',
    findings: 'Findings',
    noFindings: 'No findings. Every goal has an execution path.',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    colon: ': ',
    separator: ' · ',
  },
  'zh-CN': {
    summary: (h) =>
      `${h.goals} 个目标中有 ${h.goalsWithPath} 个有执行路径 · ` +
      `${h.errors} 个错误、${h.warnings} 个警告、${h.infos} 条提示`,
    asOf: (today) => `指标状态截至 ${today}。`,
    owner: '负责人',
    horizon: '时间范围',
    priority: '优先级',
    status: '状态',
    partOf: '上级目标',
    function: '职能',
    start: '开始',
    due: '截止',
    enabledBy: '前置机制',
    unit: '单位',
    baselineToTarget: '基线 → 目标值',
    current: '当前值',
    cadence: '频率',
    source: '数据来源',
    outcomeMetric: '结果指标',
    noMechanism: '尚无机制或指标。',
    noMetric: '尚无指标。',
    noGoals: '这张地图还没有目标。',
    latestHeading: '最新数值',
    latest: '最新值',
    noCheckins: '尚无填报。',
    findings: '检查结果',
    noFindings: '没有问题。每个目标都有执行路径。',
    severity: { error: '错误', warning: '警告', info: '提示' },
    colon: '：',
    separator: ' · ',
  },
};
