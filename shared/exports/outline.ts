import { analyseLinks, LINK_CLASS_CODE } from '../graph';
import type { CheckinIndex } from '../model/checkins';
import { metricProgress, metricStartDates, type ProgressStatus } from '../model/metric-progress';
import type { GoalNode, MapLink, MapNode, MechanismNode, MetricNode } from '../model/types';

/**
 * The written outline of a map as rows: one per goal–mechanism–metric path, the shape the CSV,
 * XLSX and Markdown exports share. Pure: no Node or DOM.
 *
 * Which rows, in which order:
 * - Goals top to bottom: the top-level goals (no usable link from another goal) by position, each
 *   followed by its sub-goals, depth first, by position. A sub-goal under several goals is listed
 *   once, under the first; `parentGoals` names all of them.
 * - Under a goal, the mechanisms it reaches through goal → mechanism and mechanism → mechanism
 *   links (each once per goal, depth first, by position), one row per metric that measures each
 *   mechanism, or one row with no metric when none does; then its outcome metrics (goal → metric),
 *   one row each with no mechanism; and when the goal has none of these, one row with neither.
 * - Only usable links count (analyseLinks): a dangling, forbidden, duplicate or cyclic link is a
 *   finding, not part of the plan, exactly as for the execution-path rule.
 */

/** One path of the outline. A missing mechanism or metric leaves its cells empty. */
export interface OutlineRow {
  goal: GoalNode;
  /** Goals with a usable link to this goal, by position; empty for a top-level goal. */
  parentGoals: readonly GoalNode[];
  mechanism: MechanismNode | null;
  /** Mechanisms reached under the same goal that enable this one (mechanism → mechanism). */
  enabledBy: readonly MechanismNode[];
  metric: MetricNode | null;
  /** The metric's status by metricProgress, or null on a row without a metric. */
  progress: ProgressStatus | null;
}

export interface OutlineInput {
  nodes: readonly MapNode[];
  links: readonly Pick<MapLink, 'source' | 'target'>[];
  /** The map's check-ins, for the exports that show the latest numbers' dates and trends. */
  history?: CheckinIndex;
}

const USABLE = LINK_CLASS_CODE.usable;

/**
 * The most rows an outline may have: what one Excel sheet holds under its header. Rows multiply
 * (every goal lists every mechanism it reaches), so a contrived map of 20,000 nodes could ask for
 * hundreds of millions; it is refused with a reason instead of exhausting memory.
 */
export const MAX_OUTLINE_ROWS = 1_048_575;

/** The outline of a map would have more rows than MAX_OUTLINE_ROWS. */
export class OutlineTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(
      `the outline of this map would have more than ${limit.toLocaleString('en')} rows ` +
        '(goals reaching the same long chains of mechanisms); export it as JSON instead',
    );
    this.name = 'OutlineTooLargeError';
  }
}

/**
 * The outline rows of a map. `today` (YYYY-MM-DD) is the date metric statuses are judged by, so
 * the result depends on nothing but its arguments.
 */
export function outlineRows(
  map: OutlineInput,
  today: string,
  maxRows: number = MAX_OUTLINE_ROWS,
): OutlineRow[] {
  const { nodes, links } = map;
  const n = nodes.length;
  const analysis = analyseLinks(nodes, links);
  const byPosition = (a: number, b: number): number => {
    const pa = (nodes[a] as MapNode).position;
    const pb = (nodes[b] as MapNode).position;
    return pa.y - pb.y || pa.x - pb.x || a - b;
  };

  // Usable successors of every node, by position; usable predecessors as analyseLinks keeps them.
  const next: number[][] = [];
  for (let v = 0; v < n; v++) {
    const list: number[] = [];
    for (let e = analysis.outStart[v] as number; e < (analysis.outStart[v + 1] as number); e++) {
      const link = analysis.outLinks[e] as number;
      if (analysis.linkClass[link] === USABLE) list.push(analysis.linkTarget[link] as number);
    }
    next.push(list.sort(byPosition));
  }
  const previous = (v: number): number[] => {
    const list: number[] = [];
    for (let e = analysis.inStart[v] as number; e < (analysis.inStart[v + 1] as number); e++) {
      list.push(analysis.inSource[e] as number);
    }
    return list.sort(byPosition);
  };
  const kindOf = (v: number) => (nodes[v] as MapNode).kind;
  const startOf = metricStartDates(nodes, links);
  const progressOf = (metric: MetricNode): ProgressStatus =>
    metricProgress(metric, today, startOf.get(metric.id) ?? null).status;

  const rows: OutlineRow[] = [];
  const add = (row: OutlineRow): void => {
    if (rows.length >= maxRows) throw new OutlineTooLargeError(maxRows);
    rows.push(row);
  };
  const goalSeen = new Uint8Array(n);
  // Per goal, which mechanisms its walk has met: stamped with the goal's index + 1, so the array
  // is allocated once for the whole outline.
  const walkStamp = new Int32Array(n);

  const roots: number[] = [];
  for (let v = 0; v < n; v++) {
    if (kindOf(v) === 'goal' && analysis.inStart[v] === analysis.inStart[v + 1]) roots.push(v);
  }
  // Depth first without recursion, so a long chain of sub-goals cannot overflow the stack.
  const stack = roots.sort(byPosition).reverse();
  while (stack.length > 0) {
    const g = stack.pop() as number;
    if (goalSeen[g] === 1) continue;
    goalSeen[g] = 1;
    const goal = nodes[g] as GoalNode;
    const parentGoals = previous(g).map((p) => nodes[p] as GoalNode);
    const base = { goal, parentGoals };
    const before = rows.length;

    // The mechanisms this goal reaches, depth first by position, each once.
    const mark = g + 1;
    const walk: number[] = [];
    const pending = next[g]?.filter((w) => kindOf(w) === 'mechanism').reverse() ?? [];
    while (pending.length > 0) {
      const m = pending.pop() as number;
      if (walkStamp[m] === mark) continue;
      walkStamp[m] = mark;
      walk.push(m);
      const enabled = (next[m] as number[]).filter((w) => kindOf(w) === 'mechanism');
      for (let k = enabled.length - 1; k >= 0; k--) pending.push(enabled[k] as number);
    }
    for (const m of walk) {
      const mechanism = nodes[m] as MechanismNode;
      const enabledBy = previous(m)
        .filter((p) => kindOf(p) === 'mechanism' && walkStamp[p] === mark)
        .map((p) => nodes[p] as MechanismNode);
      const metrics = (next[m] as number[]).filter((w) => kindOf(w) === 'metric');
      if (metrics.length === 0) add({ ...base, mechanism, enabledBy, metric: null, progress: null });
      for (const k of metrics) {
        const metric = nodes[k] as MetricNode;
        add({ ...base, mechanism, enabledBy, metric, progress: progressOf(metric) });
      }
    }
    for (const k of next[g] as number[]) {
      if (kindOf(k) !== 'metric') continue;
      const metric = nodes[k] as MetricNode;
      add({ ...base, mechanism: null, enabledBy: [], metric, progress: progressOf(metric) });
    }
    if (rows.length === before)
      add({ ...base, mechanism: null, enabledBy: [], metric: null, progress: null });

    const subGoals = (next[g] as number[]).filter((w) => kindOf(w) === 'goal');
    for (let k = subGoals.length - 1; k >= 0; k--) stack.push(subGoals[k] as number);
  }
  return rows;
}
