import { analyseLinks, KIND_CODE, type LinkAnalysis, reachForwards } from '../graph';
import { dayNumber } from './calendar-day';
import type { MapLink, MapNode, MetricNode } from './types';

/** How a metric stands against its target. */
/**
 * `no-due-date`: the metric has moved but has no due date, so whether it is on track cannot be
 * judged (a metric set up today would otherwise read "off track" for being below 40 %).
 */
export const PROGRESS_STATUSES = [
  'achieved',
  'on-track',
  'at-risk',
  'off-track',
  'no-due-date',
  'unknown',
] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** The fields of a metric that progress is computed from. */
export type MetricValues = Pick<MetricNode, 'direction' | 'baseline' | 'target' | 'current' | 'dueDate'>;

export interface MetricProgress {
  /**
   * Share of the way from baseline to target, unclamped: 0 at the baseline, 1 at the target,
   * below 0 when the metric moved the wrong way, above 1 when it overshot. Clamp it for display.
   * Null when a value is missing or the target is not beyond the baseline.
   */
  progress: number | null;
  /** Share of the way the metric should have covered by today (time-based), or null without dates. */
  expected: number | null;
  status: ProgressStatus;
}

/** Slack below the expected share that still counts as on track (10 percentage points). */
export const ON_TRACK_SLACK = 0.1;
/** Slack below the expected share that counts as at risk rather than off track (30 points). */
export const AT_RISK_SLACK = 0.3;
/** With a due date but no start date: on track from this share of the way. */
export const ON_TRACK_SHARE = 0.7;
/** With a due date but no start date: at risk from this share of the way, off track below it. */
export const AT_RISK_SHARE = 0.4;

export { dayNumber } from './calendar-day';

/**
 * Progress of a metric from its baseline to its target, and whether it is on track.
 *
 * The rule, in plain words:
 * 1. **Unknown** when the baseline, the target or the current value is missing.
 * 2. **Achieved** when the current value has reached the target: at or above it when higher is
 *    better, at or below it when lower is better.
 * 3. Progress is how far the current value has come from the baseline towards the target:
 *    (current − baseline) / (target − baseline). 0.5 means half way. It is negative when the
 *    metric moved the wrong way. When the target is not beyond the baseline in the good
 *    direction (e.g. "higher is better" with a target below the baseline), the target is a
 *    floor or ceiling to hold: progress is null and, unless it is achieved, the metric is
 *    **off track**.
 * 4. When the due date has passed and the target is not reached: **off track**. Without a due
 *    date (missing or not a real date) there is nothing to be behind of: **no due date**, never a
 *    guess from the share alone, unless the metric moved the wrong way (worse than its baseline
 *    is off track at any date).
 * 5. With a time frame — a start date (`startDate`, e.g. the start of the mechanism measured by
 *    the metric) and a due date after it — the metric is expected to move in a straight line:
 *    by today it should have covered the share of the time that has elapsed. It is **on track**
 *    when its progress is at most 10 points behind that share, **at risk** when at most 30
 *    points behind, **off track** otherwise.
 * 6. With a due date but no start date: **on track** from 70 % of the way, **at risk** from 40 %, **off
 *    track** below.
 *
 * @param today the date to judge by, YYYY-MM-DD
 * @param startDate when the push towards the target began, YYYY-MM-DD, if known
 */
export function metricProgress(
  metric: MetricValues,
  today: string,
  startDate: string | null = null,
): MetricProgress {
  const { baseline, target, current, direction } = metric;
  if (baseline === null || target === null || current === null) {
    return { progress: null, expected: null, status: 'unknown' };
  }
  const higher = direction === 'higher';
  const reached = higher ? current >= target : current <= target;
  const gap = target - baseline;
  const meaningful = higher ? gap > 0 : gap < 0;
  const progress = meaningful ? (current - baseline) / gap : null;

  const now = dayNumber(today);
  const due = dayNumber(metric.dueDate);
  const start = dayNumber(startDate);
  const expected =
    now !== null && due !== null && start !== null && due > start
      ? Math.min(1, Math.max(0, (now - start) / (due - start)))
      : null;

  if (reached) return { progress, expected, status: 'achieved' };
  if (progress === null) return { progress, expected, status: 'off-track' };
  if (due === null) return { progress, expected, status: progress < 0 ? 'off-track' : 'no-due-date' };
  if (now !== null && now > due) return { progress, expected, status: 'off-track' };
  if (expected !== null) {
    const behind = expected - progress;
    const status = behind <= ON_TRACK_SLACK ? 'on-track' : behind <= AT_RISK_SLACK ? 'at-risk' : 'off-track';
    return { progress, expected, status };
  }
  const status =
    progress >= ON_TRACK_SHARE ? 'on-track' : progress >= AT_RISK_SHARE ? 'at-risk' : 'off-track';
  return { progress, expected, status };
}

/**
 * The start of a metric's time frame: the earliest start date of the mechanisms it directly
 * measures (mechanism → metric links), or null when none has one.
 */
export function metricStartDate(
  metricId: string,
  nodes: readonly MapNode[],
  links: readonly Pick<MapLink, 'source' | 'target'>[],
): string | null {
  return metricStartDates(nodes, links, (id) => id === metricId).get(metricId) ?? null;
}

/**
 * metricStartDate for every metric the filter accepts (all when left out), in one pass over nodes
 * and links: metricStartDate per metric would scan every link once per metric, which is quadratic
 * on a large map (the outline export judges every metric).
 */
export function metricStartDates(
  nodes: readonly MapNode[],
  links: readonly Pick<MapLink, 'source' | 'target'>[],
  wanted: (metricId: string) => boolean = () => true,
): Map<string, string> {
  const startOf = new Map<string, string>();
  for (const n of nodes) {
    if (n.kind === 'mechanism' && n.startDate !== null && dayNumber(n.startDate) !== null) {
      startOf.set(n.id, n.startDate);
    }
  }
  const result = new Map<string, string>();
  for (const l of links) {
    if (!wanted(l.target)) continue;
    const start = startOf.get(l.source);
    if (start === undefined) continue;
    const seen = result.get(l.target);
    if (seen === undefined || start < seen) result.set(l.target, start);
  }
  return result;
}

/**
 * What judging many goals of one map shares, computed once: the link analysis and every metric's
 * start date. goalHealth makes it when not given one.
 */
export interface HealthContext {
  analysis: LinkAnalysis;
  /** metricStartDate of every metric that has one. */
  starts: ReadonlyMap<string, string>;
}

export function healthContext(
  nodes: readonly MapNode[],
  links: readonly Pick<MapLink, 'source' | 'target'>[],
): HealthContext {
  return { analysis: analyseLinks(nodes, links), starts: metricStartDates(nodes, links) };
}

export interface GoalHealth {
  /** How many metrics the goal reaches. */
  metrics: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  achieved: number;
  /** Metrics that moved but have no due date, so cannot be judged. */
  noDueDate: number;
  unknown: number;
  /**
   * The worst status among the metrics whose status is known (off track, then at risk, then on
   * track, then achieved); else no due date when some metric lacks one; unknown when the goal
   * reaches no metric or none has a status.
   */
  status: ProgressStatus;
}

/** Worst first: the roll-up takes the first of these that any metric has. */
const WORST_FIRST: readonly ProgressStatus[] = [
  'off-track',
  'at-risk',
  'on-track',
  'achieved',
  'no-due-date',
];

/**
 * The health of a goal: the status of every metric it reaches, counted. A goal reaches the
 * metrics at the end of its links, through sub-goals and mechanisms (mechanism → metric) and
 * directly (outcome metrics, goal → metric). Only links that count towards execution paths are
 * followed (no forbidden, dangling, duplicate or cycle links); each metric is counted once,
 * judged by metricProgress with the start date from metricStartDate.
 */
export function goalHealth(
  goalId: string,
  nodes: readonly MapNode[],
  links: readonly Pick<MapLink, 'source' | 'target'>[],
  today: string,
  context: HealthContext = healthContext(nodes, links),
): GoalHealth {
  const health: GoalHealth = {
    metrics: 0,
    onTrack: 0,
    atRisk: 0,
    offTrack: 0,
    achieved: 0,
    noDueDate: 0,
    unknown: 0,
    status: 'unknown',
  };
  const { analysis } = context;
  const goal = analysis.nodeIndex.indexOf(goalId);
  if (goal === -1 || analysis.nodeKind[goal] !== KIND_CODE.goal) return health;
  const seeds = new Uint8Array(nodes.length);
  seeds[goal] = 1;
  const reached = reachForwards(analysis, seeds);
  const metrics = new Map<string, MetricNode>();
  for (let v = 0; v < nodes.length; v++) {
    const node = nodes[v] as MapNode;
    if (reached[v] === 1 && node.kind === 'metric' && !metrics.has(node.id)) metrics.set(node.id, node);
  }
  for (const [id, metric] of metrics) {
    const { status } = metricProgress(metric, today, context.starts.get(id) ?? null);
    health.metrics++;
    if (status === 'on-track') health.onTrack++;
    else if (status === 'at-risk') health.atRisk++;
    else if (status === 'off-track') health.offTrack++;
    else if (status === 'achieved') health.achieved++;
    else if (status === 'no-due-date') health.noDueDate++;
    else health.unknown++;
  }
  const counts: Record<ProgressStatus, number> = {
    'off-track': health.offTrack,
    'at-risk': health.atRisk,
    'on-track': health.onTrack,
    achieved: health.achieved,
    'no-due-date': health.noDueDate,
    unknown: health.unknown,
  };
  health.status = WORST_FIRST.find((s) => counts[s] > 0) ?? 'unknown';
  return health;
}
