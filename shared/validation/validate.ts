import {
  analyseLinks,
  FORBIDDEN_REASONS,
  type ForbiddenReason,
  KIND_CODE,
  LINK_CLASS_CODE,
  type LinkAnalysis,
  reachBackwards,
  reachForwards,
  scratchInt32,
  scratchUint8,
} from '../graph';
import { CheckinIndex } from '../model/checkins';
import type { Checkin, MapLink, MapNode } from '../model/types';
import { FINDING_CODES, type Finding, type FindingCode, type Severity } from './findings';
import { MapFinding, NodeFinding, type NodeFindingDetail } from './map-finding';
import { CYCLE_NAMES_SHOWN, type NodeRef } from './messages';
import { SEVERITY_RANK } from './node-flags';

/**
 * The severity of each finding code: part of the design, not a setting. What breaks the map's
 * logic is an error (a goal with no execution path, README "The execution-path rule"; a forbidden,
 * dangling or cyclic link); gaps a plan can live with for a while warn; a missing owner informs.
 */
export const FINDING_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  'goal-without-execution-path': 'error',
  'goal-without-closed-loop': 'warning',
  'mechanism-serves-no-goal': 'warning',
  'mechanism-without-metric': 'warning',
  'mechanism-function-unset': 'warning',
  'metric-unlinked': 'warning',
  'metric-without-target-or-baseline': 'warning',
  'metric-stale': 'warning',
  'node-without-owner': 'info',
  'node-empty-title': 'warning',
  'link-forbidden': 'error',
  'link-dangling': 'error',
  'link-duplicate': 'warning',
  'link-cycle': 'error',
};

/** Each code's position in FINDING_CODES, as the validator records it before making findings. */
const CODE_NUMBER = Object.fromEntries(FINDING_CODES.map((code, i) => [code, i])) as Record<
  FindingCode,
  number
>;

const GOAL = KIND_CODE.goal;
const MECHANISM = KIND_CODE.mechanism;
const METRIC = KIND_CODE.metric;

/**
 * The content the validator reads: a map's nodes and links, in map order, and, to judge whether
 * metrics are stale, their check-ins (`history`) and the day to judge by (both, or no staleness is judged).
 */
export interface ValidatorInput {
  nodes: readonly MapNode[];
  links: readonly MapLink[];
  history?: CheckinIndex;
  /** The map's check-ins as a list, indexed here when `history` is not given (a map's content). */
  checkins?: readonly Checkin[];
  /** YYYY-MM-DD, in the reader's own time zone (localToday). */
  today?: string;
}

/**
 * Every finding on a map, ordered by severity (error, warning, info), then by the position in the
 * map of the finding's first node (findings whose nodes are all missing come last, in link order).
 * For one node and severity, its own findings come first in FINDING_CODES order, then those of its
 * links in link order, then its cycle. O(nodes + links): one link analysis, three more BFS passes
 * and a counting sort.
 *
 * `analysis` may be passed when the caller has already computed it for the same nodes and links.
 */
export function validateMap(map: ValidatorInput, analysis?: LinkAnalysis): Finding[] {
  const { nodes, links, today } = map;
  const history = map.history ?? (today && map.checkins?.length ? new CheckinIndex(map.checkins) : undefined);
  const a = analysis ?? analyseLinks(nodes, links);
  const n = nodes.length;
  const m = links.length;
  const { nodeKind, linkClass, linkSource, linkTarget, inStart } = a;

  // Reachability along usable links, each one BFS.
  const isGoal = scratchUint8('is-goal', n);
  const isMechanism = scratchUint8('is-mechanism', n);
  const isConverting = scratchUint8('is-converting', n);
  const isUnset = scratchUint8('is-unset', n);
  let unsetCount = 0;
  for (let v = 0; v < n; v++) {
    const kind = nodeKind[v];
    if (kind === GOAL) isGoal[v] = 1;
    else if (kind === MECHANISM) {
      isMechanism[v] = 1;
      // The closed loop needs a mechanism known to convert or retain: any function but marketing.
      // A mechanism whose function is not set is not known to, so it does not close the loop
      // (and is a finding of its own): a goal whose only mechanism is "TV ads", left unset,
      // shows its gap instead of passing on a default.
      const fn = (nodes[v] as Extract<MapNode, { kind: 'mechanism' }>).function;
      if (fn === null) {
        isUnset[v] = 1;
        unsetCount++;
      } else if (fn !== 'marketing') isConverting[v] = 1;
    }
  }
  const servedByGoal = reachForwards(a, isGoal);
  const reachesMechanism = reachBackwards(a, isMechanism);
  const reachesConverting = reachBackwards(a, isConverting);
  // Only needed to word the closed-loop finding; most maps have no unset mechanism at all.
  const reachesUnset = unsetCount > 0 ? reachBackwards(a, isUnset) : null;
  const hasOutcomeMetric = scratchUint8('outcome-metric', n);
  for (let i = 0; i < m; i++) {
    if (linkClass[i] !== LINK_CLASS_CODE.usable) continue;
    const s = linkSource[i] as number;
    if (nodeKind[s] === GOAL && nodeKind[linkTarget[i] as number] === METRIC) hasOutcomeMetric[s] = 1;
  }

  // Findings are first recorded as (code, subject, sort key) in flat arrays, then each is made once,
  // as an object written straight into its sorted place: no list that grows and no second list.
  // At most five findings per node (three of its kind, owner, title), one per link, one per cycle.
  const capacity = 5 * n + m + a.cycleCount;
  const codes = scratchUint8('finding-codes', capacity);
  const subjects = scratchInt32('finding-subjects', capacity);
  const keys = scratchInt32('finding-keys', capacity);
  let count = 0;
  // Sort keys: the position of the finding's first node; links with no existing end come after
  // every node, in link order.
  let nodeless = 0;
  for (let i = 0; i < m; i++) if (linkSource[i] === -1 && linkTarget[i] === -1) nodeless++;
  const keyRange = n + nodeless + 1;
  nodeless = 0;
  /** `subject`: the node's position for node findings, the link's for link findings, the cycle's number. */
  const record = (code: FindingCode, subject: number, key: number): void => {
    codes[count] = CODE_NUMBER[code];
    subjects[count] = subject;
    keys[count] = SEVERITY_RANK[FINDING_SEVERITY[code]] * keyRange + key;
    count++;
  };

  // Node findings, in node order and, per node, in code order.
  for (let v = 0; v < n; v++) {
    const node = nodes[v] as MapNode;
    const kind = nodeKind[v];
    if (kind === GOAL) {
      if (a.hasPath[v] === 0) record('goal-without-execution-path', v, v);
      if (reachesMechanism[v] === 1 && reachesConverting[v] === 0) record('goal-without-closed-loop', v, v);
    } else if (kind === MECHANISM) {
      if (servedByGoal[v] === 0) record('mechanism-serves-no-goal', v, v);
      if (a.measured[v] === 0) record('mechanism-without-metric', v, v);
      if (isUnset[v] === 1) record('mechanism-function-unset', v, v);
    } else if (node.kind === 'metric') {
      if (inStart[v + 1] === inStart[v]) record('metric-unlinked', v, v);
      if (missingValues(node) !== null) record('metric-without-target-or-baseline', v, v);
      if (history && today && staleness(node, history, today)) record('metric-stale', v, v);
    }
    if ((node.owner ?? '').trim() === '') record('node-without-owner', v, v);
    if (node.title.trim() === '') record('node-empty-title', v, v);
  }

  // Link findings, in link order.
  for (let i = 0; i < m; i++) {
    const cls = linkClass[i];
    if (cls === LINK_CLASS_CODE.usable || cls === LINK_CLASS_CODE.cycle) continue;
    const s = linkSource[i] as number;
    if (cls === LINK_CLASS_CODE.dangling) {
      const t = linkTarget[i] as number;
      record('link-dangling', i, s >= 0 ? s : t >= 0 ? t : n + nodeless++);
    } else {
      record(cls === LINK_CLASS_CODE.forbidden ? 'link-forbidden' : 'link-duplicate', i, s);
    }
  }

  // Cycles: one finding per strongly connected component of more than one node, numbered
  // here in the order of their first node in the map.
  const { cycleOf, cycleCount } = a;
  const groupNodes: number[][] = [];
  const groupLinks: string[][] = [];
  if (cycleCount > 0) {
    const groupOf = new Int32Array(cycleCount).fill(-1);
    for (let v = 0; v < n; v++) {
      const c = cycleOf[v] as number;
      if (c === -1) continue;
      let g = groupOf[c] as number;
      if (g === -1) {
        g = groupNodes.length;
        groupOf[c] = g;
        groupNodes.push([]);
        groupLinks.push([]);
      }
      (groupNodes[g] as number[]).push(v);
    }
    for (let i = 0; i < m; i++) {
      if (linkClass[i] !== LINK_CLASS_CODE.cycle) continue;
      const g = groupOf[cycleOf[linkSource[i] as number] as number] as number;
      (groupLinks[g] as string[]).push((links[i] as MapLink).id);
    }
  }
  for (let g = 0; g < groupNodes.length; g++)
    record('link-cycle', g, (groupNodes[g] as number[])[0] as number);

  const make = (code: FindingCode, subject: number): Finding => {
    const severity = FINDING_SEVERITY[code];
    switch (code) {
      case 'goal-without-execution-path':
        return new NodeFinding(code, severity, nodes[subject] as MapNode, hasOutcomeMetric[subject] === 1);
      case 'metric-without-target-or-baseline': {
        const metric = nodes[subject] as Extract<MapNode, { kind: 'metric' }>;
        return new NodeFinding(code, severity, metric, missingValues(metric) ?? 'both');
      }
      case 'metric-stale': {
        const metric = nodes[subject] as Extract<MapNode, { kind: 'metric' }>;
        const stale = staleness(metric, history as CheckinIndex, today as string);
        return new NodeFinding(code, severity, metric, stale ?? { lastDate: '', daysOverdue: 0 });
      }
      case 'goal-without-closed-loop':
        return new NodeFinding(code, severity, nodes[subject] as MapNode, reachesUnset?.[subject] === 1);
      case 'mechanism-function-unset':
      case 'mechanism-serves-no-goal':
      case 'mechanism-without-metric':
      case 'metric-unlinked':
      case 'node-without-owner':
      case 'node-empty-title':
        return new NodeFinding(code, severity, nodes[subject] as MapNode, undefined);
      case 'link-dangling': {
        const link = links[subject] as MapLink;
        const s = linkSource[subject] as number;
        const t = linkTarget[subject] as number;
        const source = s >= 0 ? (nodes[s] as MapNode) : null;
        const target = t >= 0 ? (nodes[t] as MapNode) : null;
        const nodeIds: string[] = [];
        if (source) nodeIds.push(source.id);
        if (target) nodeIds.push(target.id);
        return new MapFinding(code, severity, nodeIds, [link.id], {
          source,
          target,
          sourceId: link.source,
          targetId: link.target,
        });
      }
      case 'link-forbidden': {
        const s = linkSource[subject] as number;
        const t = linkTarget[subject] as number;
        const source = nodes[s] as MapNode;
        const target = nodes[t] as MapNode;
        const reason = FORBIDDEN_REASONS[a.linkReason[subject] as number] as ForbiddenReason;
        const nodeIds = s === t ? [source.id] : [source.id, target.id];
        return new MapFinding(code, severity, nodeIds, [(links[subject] as MapLink).id], {
          source,
          target,
          reason,
        });
      }
      case 'link-duplicate': {
        const source = nodes[linkSource[subject] as number] as MapNode;
        const target = nodes[linkTarget[subject] as number] as MapNode;
        return new MapFinding(code, severity, [source.id, target.id], [(links[subject] as MapLink).id], {
          source,
          target,
        });
      }
      case 'link-cycle': {
        const members = groupNodes[subject] as number[];
        const shown: NodeRef[] = [];
        for (let k = 0; k < members.length && k < CYCLE_NAMES_SHOWN; k++)
          shown.push(nodes[members[k] as number] as MapNode);
        const nodeIds = members.map((v) => (nodes[v] as MapNode).id);
        return new MapFinding(code, severity, nodeIds, groupLinks[subject] as string[], {
          nodes: shown,
          total: members.length,
        });
      }
    }
  };

  // Stable counting sort by (severity, first node's position), making each finding in its place.
  const buckets = 3 * keyRange;
  const start = scratchInt32('sort-start', buckets + 1);
  for (let f = 0; f < count; f++) {
    const key = keys[f] as number;
    start[key + 1] = (start[key + 1] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const sorted = new Array<Finding>(count);
  for (let f = 0; f < count; f++) {
    const key = keys[f] as number;
    const at = start[key] as number;
    sorted[at] = make(FINDING_CODES[codes[f] as number] as FindingCode, subjects[f] as number);
    start[key] = at + 1;
  }
  return sorted;
}

/** When a metric is stale (checkin-cadence.ts), its latest check-in's day and how late the next is; else null. */
function staleness(
  metric: Extract<MapNode, { kind: 'metric' }>,
  checkins: CheckinIndex,
  today: string,
): { lastDate: string; daysOverdue: number } | null {
  if (metric.cadence === null) return null;
  const due = checkins.due(metric.id, metric.cadence, today);
  if (due.state !== 'stale') return null;
  return { lastDate: checkins.latest(metric.id)?.date ?? '', daysOverdue: due.daysOverdue };
}

/** Which of a metric's baseline and target are not filled in, or null when both are. */
function missingValues(
  metric: Extract<MapNode, { kind: 'metric' }>,
): NodeFindingDetail['metric-without-target-or-baseline'] | null {
  const noBaseline = metric.baseline === null || metric.baseline === undefined;
  const noTarget = metric.target === null || metric.target === undefined;
  if (noBaseline && noTarget) return 'both';
  if (noTarget) return 'target';
  if (noBaseline) return 'baseline';
  return null;
}
