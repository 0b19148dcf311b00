import { VALUE_LABELS } from '../exports/outline-labels';
import type { Language } from './language';
import {
  type GoalHealth,
  goalHealth,
  type HealthContext,
  healthContext,
  metricProgress,
  PROGRESS_STATUSES,
  type ProgressStatus,
} from './metric-progress';
import type { MapLink, MapNode } from './types';

/** A shape per status, so the status never rests on colour alone (inspector, cards, pictures). */
export const STATUS_GLYPH: Readonly<Record<ProgressStatus, string>> = {
  achieved: '★',
  'on-track': '✓',
  'at-risk': '▲',
  'off-track': '✕',
  'no-due-date': '◷',
  unknown: '?',
};

/**
 * Fills of the status chips on cards, kept dark in both themes and on print so white text on them
 * stays readable (4.5:1 or better on white): the inspector's status colours, light theme.
 */
export const STATUS_FILL: Readonly<Record<ProgressStatus, string>> = {
  achieved: '#1f4fd1',
  'on-track': '#0f7a62',
  'at-risk': '#8a4b00',
  'off-track': '#b42318',
  'no-due-date': '#4b5563',
  unknown: '#4b5563',
};

/** What a card shows of a metric: its status and its latest value against its target. */
export interface MetricCardStatus {
  kind: 'metric';
  status: ProgressStatus;
  current: number | null;
  target: number | null;
  unit: string;
}

/** What a card shows of a goal: the roll-up of the metrics it reaches (goalHealth). */
export interface GoalCardStatus {
  kind: 'goal';
  status: ProgressStatus;
  health: GoalHealth;
}

export type CardStatus = MetricCardStatus | GoalCardStatus;
export { PROGRESS_STATUSES };

/**
 * The status of every card of a map, computed on demand and remembered: a canvas that draws only
 * the nodes on screen asks only for those. Metrics are judged by metricProgress with the start
 * date of the mechanisms measuring them, goals by goalHealth, exactly as the inspector does.
 * Mechanisms have none (null); a goal that reaches no metric has none either.
 */
export function cardStatuses(
  nodes: readonly MapNode[],
  links: readonly Pick<MapLink, 'source' | 'target'>[],
  today: string,
): (id: string) => CardStatus | null {
  const byId = new Map<string, MapNode>();
  for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const cache = new Map<string, CardStatus | null>();
  // The link analysis and start dates, made once for the map on the first question.
  let context: HealthContext | null = null;
  return (id) => {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    let result: CardStatus | null = null;
    if (node?.kind === 'metric') {
      context ??= healthContext(nodes, links);
      const { status } = metricProgress(node, today, context.starts.get(id) ?? null);
      result = { kind: 'metric', status, current: node.current, target: node.target, unit: node.unit };
    } else if (node?.kind === 'goal') {
      context ??= healthContext(nodes, links);
      const health = goalHealth(id, nodes, links, today, context);
      result = health.metrics === 0 ? null : { kind: 'goal', status: health.status, health };
    }
    cache.set(id, result);
    return result;
  };
}

/** One formatter per language: making one costs far more than using it. */
const FORMATS = new Map<string, Intl.NumberFormat>();

/** A metric value with its unit, as the reader writes it: "61%", "1,250 orders", "¥3.5". */
export function formatMetricAmount(value: number, unit: string, language: Language): string {
  let format = FORMATS.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    FORMATS.set(language, format);
  }
  const number = format.format(value);
  const u = unit.trim();
  if (u === '') return number;
  if (/^[%‰％]$/.test(u)) return `${number}${u}`;
  if (/^[¥$€£￥]$/.test(u)) return `${u}${number}`;
  return `${number} ${u}`;
}

/**
 * The chip's figures, short enough for a card: a unit written as a word is said once, after the
 * target ("215 / 220 CNY", not "215 CNY / 220 CNY"); %, ‰ and currency signs stay on each number.
 */
export function chipFigures(current: number, target: number, unit: string, language: Language): string {
  const u = unit.trim();
  if (u === '' || /^[%‰％]$/.test(u) || /^[¥$€£￥]$/.test(u))
    return `${formatMetricAmount(current, u, language)} / ${formatMetricAmount(target, u, language)}`;
  return `${formatMetricAmount(current, '', language)} / ${formatMetricAmount(target, u, language)}`;
}

const WORDS = {
  en: {
    value: (current: string, target: string) => `${current} / ${target}`,
    noValue: 'no value yet',
    metrics: (count: number) => (count === 1 ? '1 metric' : `${count} metrics`),
    current: (current: string, target: string) => `now ${current}, target ${target}`,
  },
  'zh-CN': {
    value: (current: string, target: string) => `${current} / ${target}`,
    noValue: '暂无数值',
    metrics: (count: number) => `${count} 个指标`,
    current: (current: string, target: string) => `当前 ${current}，目标 ${target}`,
  },
} as const;

/** The words of a card's status chip: what is shown, and what a screen reader or tooltip says. */
export interface CardStatusText {
  glyph: string;
  /** The status in words: "On track". */
  word: string;
  /** The figures beside it: "65% / 70%" (metric) or "4 metrics" (goal); may be empty. */
  detail: string;
  /** Everything in one sentence, for the accessible name and the tooltip. */
  full: string;
}

export function cardStatusText(card: CardStatus, language: Language): CardStatusText {
  const words = WORDS[language];
  const word = VALUE_LABELS[language].progress[card.status];
  let detail: string;
  let spoken: string;
  if (card.kind === 'goal') {
    detail = words.metrics(card.health.metrics);
    spoken = detail;
  } else if (card.current === null) {
    detail = card.target === null ? '' : `– / ${formatMetricAmount(card.target, card.unit, language)}`;
    spoken = words.noValue;
  } else {
    const current = formatMetricAmount(card.current, card.unit, language);
    const target = card.target === null ? '–' : formatMetricAmount(card.target, card.unit, language);
    detail =
      card.target === null
        ? words.value(current, target)
        : chipFigures(card.current, card.target, card.unit, language);
    spoken = words.current(current, target);
  }
  const separator = language === 'zh-CN' ? '，' : ', ';
  return { glyph: STATUS_GLYPH[card.status], word, detail, full: `${word}${separator}${spoken}` };
}
