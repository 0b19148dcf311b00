import type { MapLink, MapNode } from '../model/types';
import {
  analyseLinks,
  FORBIDDEN_REASONS,
  type ForbiddenReason,
  KIND_CODE,
  LINK_CLASS_CODE,
  type LinkAnalysis,
  reachBackwards,
  reachForwards,
} from './execution-path';
import type { Finding, FindingCode, Severity } from './findings';
import { MapFinding, NO_LINKS } from './map-finding';
import { CYCLE_NAMES_SHOWN, type MessageParams, type NodeRef } from './messages';
import { SEVERITY_RANK } from './node-flags';
import { scratchInt32, scratchUint8 } from './scratch';

/** The severity of each finding code: part of the design (product.md, "The map"). */
export const FINDING_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  'goal-without-execution-path': 'error',
  'goal-without-closed-loop': 'warning',
  'mechanism-serves-no-goal': 'warning',
  'mechanism-without-metric': 'warning',
  'metric-unlinked': 'warning',
  'metric-without-target-or-baseline': 'warning',
  'node-without-owner': 'info',
  'node-empty-title': 'warning',
  'link-forbidden': 'error',
  'link-dangling': 'error',
  'link-duplicate': 'warning',
  'link-cycle': 'error',
};

const GOAL = KIND_CODE.goal;
const MECHANISM = KIND_CODE.mechanism;
const METRIC = KIND_CODE.metric;

/** The content the validator reads: a map's nodes and links, in map order. */
export interface ValidatorInput {
  nodes: readonly MapNode[];
  links: readonly MapLink[];
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
  const { nodes, links } = map;
  const a = analysis ?? analyseLinks(nodes, links);
  const n = nodes.length;
  const m = links.length;
  const { nodeKind, linkClass, linkSource, linkTarget, inStart } = a;

  // Reachability along usable links, each one BFS.
  const isGoal = scratchUint8('is-goal', n);
  const isMechanism = scratchUint8('is-mechanism', n);
  const isConverting = scratchUint8('is-converting', n);
  for (let v = 0; v < n; v++) {
    const kind = nodeKind[v];
    if (kind === GOAL) isGoal[v] = 1;
    else if (kind === MECHANISM) {
      isMechanism[v] = 1;
      if ((nodes[v] as Extract<MapNode, { kind: 'mechanism' }>).function !== 'marketing') isConverting[v] = 1;
    }
  }
  const servedByGoal = reachForwards(a, isGoal);
  const reachesMechanism = reachBackwards(a, isMechanism);
  const reachesConverting = reachBackwards(a, isConverting);
  const hasOutcomeMetric = scratchUint8('outcome-metric', n);
  for (let i = 0; i < m; i++) {
    if (linkClass[i] !== LINK_CLASS_CODE.usable) continue;
    const s = linkSource[i] as number;
    if (nodeKind[s] === GOAL && nodeKind[linkTarget[i] as number] === METRIC) hasOutcomeMetric[s] = 1;
  }

  const found: Finding[] = [];
  // At most four findings per node (two of its kind, owner, title), one per link, one per cycle.
  const keys = scratchInt32('finding-keys', 4 * n + m + a.cycleCount + 1);
  // Sort keys: the position of the finding's first node; links with no existing end come after
  // every node, in link order.
  let nodeless = 0;
  for (let i = 0; i < m; i++) if (linkSource[i] === -1 && linkTarget[i] === -1) nodeless++;
  const keyRange = n + nodeless + 1;
  nodeless = 0;
  const add = <C extends FindingCode>(
    code: C,
    key: number,
    nodeIds: readonly string[],
    linkIds: readonly string[],
    params: MessageParams[C],
  ): void => {
    const severity = FINDING_SEVERITY[code];
    keys[found.length] = SEVERITY_RANK[severity] * keyRange + key;
    found.push(new MapFinding(code, severity, nodeIds, linkIds, params));
  };

  // Node findings, in node order and, per node, in code order.
  for (let v = 0; v < n; v++) {
    const node = nodes[v] as MapNode;
    const kind = nodeKind[v];
    if (kind === GOAL) {
      if (a.hasPath[v] === 0) {
        add('goal-without-execution-path', v, [node.id], NO_LINKS, {
          goal: node,
          hasOutcomeMetric: hasOutcomeMetric[v] === 1,
        });
      }
      if (reachesMechanism[v] === 1 && reachesConverting[v] === 0) {
        add('goal-without-closed-loop', v, [node.id], NO_LINKS, node);
      }
    } else if (kind === MECHANISM) {
      if (servedByGoal[v] === 0) add('mechanism-serves-no-goal', v, [node.id], NO_LINKS, node);
      if (a.measured[v] === 0) add('mechanism-without-metric', v, [node.id], NO_LINKS, node);
    } else if (node.kind === 'metric') {
      if (inStart[v + 1] === inStart[v]) add('metric-unlinked', v, [node.id], NO_LINKS, node);
      const noBaseline = node.baseline === null || node.baseline === undefined;
      const noTarget = node.target === null || node.target === undefined;
      if (noBaseline || noTarget) {
        add('metric-without-target-or-baseline', v, [node.id], NO_LINKS, {
          metric: node,
          missing: noBaseline && noTarget ? 'both' : noTarget ? 'target' : 'baseline',
        });
      }
    }
    if ((node.owner ?? '').trim() === '') add('node-without-owner', v, [node.id], NO_LINKS, node);
    if (node.title.trim() === '') add('node-empty-title', v, [node.id], NO_LINKS, node);
  }

  // Link findings, in link order.
  for (let i = 0; i < m; i++) {
    const cls = linkClass[i];
    if (cls === LINK_CLASS_CODE.usable || cls === LINK_CLASS_CODE.cycle) continue;
    const link = links[i] as MapLink;
    const s = linkSource[i] as number;
    const t = linkTarget[i] as number;
    if (cls === LINK_CLASS_CODE.dangling) {
      const source = s >= 0 ? (nodes[s] as MapNode) : null;
      const target = t >= 0 ? (nodes[t] as MapNode) : null;
      const nodeIds: string[] = [];
      if (source) nodeIds.push(source.id);
      if (target) nodeIds.push(target.id);
      add('link-dangling', s >= 0 ? s : t >= 0 ? t : n + nodeless++, nodeIds, [link.id], {
        source,
        target,
        sourceId: link.source,
        targetId: link.target,
      });
    } else if (cls === LINK_CLASS_CODE.forbidden) {
      const source = nodes[s] as MapNode;
      const target = nodes[t] as MapNode;
      const reason = FORBIDDEN_REASONS[a.linkReason[i] as number] as ForbiddenReason;
      add('link-forbidden', s, s === t ? [source.id] : [source.id, target.id], [link.id], {
        source,
        target,
        reason,
      });
    } else {
      const source = nodes[s] as MapNode;
      const target = nodes[t] as MapNode;
      add('link-duplicate', s, [source.id, target.id], [link.id], { source, target });
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
  for (let g = 0; g < groupNodes.length; g++) {
    const members = groupNodes[g] as number[];
    const shown: NodeRef[] = [];
    for (let k = 0; k < members.length && k < CYCLE_NAMES_SHOWN; k++)
      shown.push(nodes[members[k] as number] as MapNode);
    add(
      'link-cycle',
      members[0] as number,
      members.map((v) => (nodes[v] as MapNode).id),
      groupLinks[g] as string[],
      { nodes: shown, total: members.length },
    );
  }

  // Stable counting sort by (severity, first node's position).
  const buckets = 3 * keyRange;
  const start = scratchInt32('sort-start', buckets + 1);
  for (let f = 0; f < found.length; f++) {
    const key = keys[f] as number;
    start[key + 1] = (start[key + 1] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const sorted = new Array<Finding>(found.length);
  for (let f = 0; f < found.length; f++) {
    const key = keys[f] as number;
    const at = start[key] as number;
    sorted[at] = found[f] as Finding;
    start[key] = at + 1;
  }
  return sorted;
}
