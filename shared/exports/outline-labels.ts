import type {
  GoalPriority,
  GoalStatus,
  MechanismFunction,
  MechanismStatus,
  MetricCadence,
  MetricDirection,
} from '../model/kinds';
import type { Language } from '../model/language';
import type { ProgressStatus } from '../model/metric-progress';
import { TREND_WORDS, type Trend } from './checkin-numbers';

/**
 * The words for field values, in each language: the one home of them. The exports use them here
 * (made in the main process and the command line, which do not load the renderer's strings), and
 * the renderer's translations take the inspector's options and function names from here, so a
 * value reads the same on screen and in every exported file.
 */
export interface ValueLabels {
  priority: Record<GoalPriority, string>;
  goalStatus: Record<GoalStatus, string>;
  mechanismStatus: Record<MechanismStatus, string>;
  function: Record<MechanismFunction, string>;
  /** A mechanism whose function nobody has chosen yet (MechanismNode.function is null). */
  functionUnset: string;
  direction: Record<MetricDirection, string>;
  cadence: Record<MetricCadence, string>;
  progress: Record<ProgressStatus, string>;
  /** Which way a metric's numbers last moved (checkin-numbers.ts). */
  trend: Record<Trend, string>;
  /** Shown in the Markdown outline instead of an empty title, so a heading is never blank. */
  untitled: { goal: string; mechanism: string; metric: string };
}

export const VALUE_LABELS: Readonly<Record<Language, ValueLabels>> = {
  en: {
    priority: { high: 'High', medium: 'Medium', low: 'Low' },
    goalStatus: { proposed: 'Proposed', active: 'Active', achieved: 'Achieved', dropped: 'Dropped' },
    mechanismStatus: { planned: 'Planned', running: 'Running', done: 'Done', paused: 'Paused' },
    function: {
      operations: 'Operations',
      marketing: 'Marketing',
      sales: 'Sales',
      product: 'Product',
      other: 'Other',
    },
    functionUnset: 'Function not set',
    direction: { higher: 'Higher is better', lower: 'Lower is better' },
    cadence: { weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly', yearly: 'Yearly' },
    progress: {
      achieved: 'Achieved',
      'on-track': 'On track',
      'at-risk': 'At risk',
      'off-track': 'Off track',
      'no-due-date': 'No due date',
      unknown: 'Unknown',
    },
    trend: TREND_WORDS.en,
    untitled: { goal: 'Untitled goal', mechanism: 'Untitled mechanism', metric: 'Untitled metric' },
  },
  'zh-CN': {
    priority: { high: '高', medium: '中', low: '低' },
    goalStatus: { proposed: '提议', active: '进行中', achieved: '已达成', dropped: '已放弃' },
    mechanismStatus: { planned: '计划中', running: '运行中', done: '已完成', paused: '已暂停' },
    function: { operations: '运营', marketing: '市场', sales: '销售', product: '产品', other: '其他' },
    functionUnset: '职能未设置',
    direction: { higher: '越高越好', lower: '越低越好' },
    cadence: { weekly: '每周', monthly: '每月', quarterly: '每季度', yearly: '每年' },
    progress: {
      achieved: '已达成',
      'on-track': '正常推进',
      'at-risk': '有风险',
      'off-track': '偏离目标',
      'no-due-date': '无截止日期',
      unknown: '未知',
    },
    trend: TREND_WORDS['zh-CN'],
    untitled: { goal: '未命名目标', mechanism: '未命名机制', metric: '未命名指标' },
  },
};

/** The name of a mechanism's function, or the words for "not set" when it has none yet. */
export function functionLabel(
  labels: Pick<ValueLabels, 'function' | 'functionUnset'>,
  fn: MechanismFunction | null,
): string {
  return fn === null ? labels.functionUnset : labels.function[fn];
}
