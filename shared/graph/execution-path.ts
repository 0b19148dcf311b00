import { NODE_KINDS, type NodeKind } from '../model/kinds';
import { checkKinds, type LinkRefusal } from '../model/link-rules';
import type { MapLink, MapNode } from '../model/types';
import type { LinkAnalysis } from './link-analysis';
import { LINK_CLASS_CODE, LINK_CLASSES, type LinkClass } from './link-classes';
import { NodeIndex } from './node-index';
import { reachBackwards } from './reach';
import { scratchInt32 } from './scratch';
import { cyclesOf } from './strongly-connected';

/**
 * The execution-path rule and the one classification of links the whole validator shares.
 *
 * Every link falls in exactly one class, checked in this order:
 * - `dangling`: an end names a node that is not on the map;
 * - `forbidden`: a self-link, or kinds that checkKinds refuses (into a goal, out of a metric);
 * - `duplicate`: the second or later copy of the same source → target pair;
 * - `cycle`: both ends lie in the same strongly connected component of the graph of kind-allowed,
 *   non-dangling links (so the link is part of a loop);
 * - `usable`: everything else. Only usable links count towards paths and reachability.
 *
 * A goal has an execution path when some directed path of usable links leads from it, through
 * goals and mechanisms, to a mechanism that has a usable link to a metric. Paths never pass
 * through a metric (a metric has no usable outgoing link anyway), and an outcome metric
 * (goal → metric) alone does not count.
 *
 * Everything here is O(nodes + links): one iterative Tarjan pass (strongly-connected.ts) and one
 * reverse BFS (reach.ts), on flat typed arrays, so maps of any size work without recursion. Ids
 * are resolved once, through an open-addressing hash table (node-index.ts), and everything after
 * that works on node and link positions.
 */

const {
  usable: USABLE,
  forbidden: FORBIDDEN,
  dangling: DANGLING,
  cycle: CYCLE,
  duplicate: DUPLICATE,
} = LINK_CLASS_CODE;

/** Why a link is forbidden on its own, whatever the rest of the map. */
export type ForbiddenReason = Extract<LinkRefusal, 'self-link' | 'into-goal' | 'out-of-metric'>;
/** Numeric codes stored in {@link LinkAnalysis.linkReason}; 0 means "not forbidden". */
export const FORBIDDEN_REASONS = [null, 'self-link', 'into-goal', 'out-of-metric'] as const;

/** Node kinds as small integers: goal 0, mechanism 1, metric 2 (index into NODE_KINDS). */
export const KIND_CODE: Readonly<Record<NodeKind, number>> = { goal: 0, mechanism: 1, metric: 2 };
const GOAL = 0;
const MECHANISM = 1;
const METRIC = 2;

/** checkKinds for every pair of kinds, computed once: 0 = allowed, else a FORBIDDEN_REASONS code. */
const KIND_PAIR_REASON: Uint8Array = (() => {
  const table = new Uint8Array(NODE_KINDS.length * NODE_KINDS.length);
  for (const source of NODE_KINDS) {
    for (const target of NODE_KINDS) {
      const check = checkKinds(source, target);
      table[KIND_CODE[source] * NODE_KINDS.length + KIND_CODE[target]] = check.ok
        ? 0
        : FORBIDDEN_REASONS.indexOf(check.reason as ForbiddenReason);
    }
  }
  return table;
})();

/**
 * Whether every allowed link between two different kinds runs forwards in NODE_KINDS order
 * (goal → mechanism → metric). Then a cycle can only use links between nodes of one kind, and
 * Tarjan only needs to look at those few links.
 */
const CROSS_KIND_LINKS_RUN_FORWARDS: boolean = (() => {
  for (let s = 0; s < NODE_KINDS.length; s++) {
    for (let t = 0; t < s; t++) if (KIND_PAIR_REASON[s * NODE_KINDS.length + t] === 0) return false;
  }
  return true;
})();

type NodeLike = Pick<MapNode, 'id' | 'kind'>;
type LinkLike = Pick<MapLink, 'source' | 'target'>;

/** Classifies every link and computes execution paths in O(nodes + links). */
export function analyseLinks(nodes: readonly NodeLike[], links: readonly LinkLike[]): LinkAnalysis {
  const n = nodes.length;
  const m = links.length;

  const nodeIndex = new NodeIndex(nodes);
  const nodeKind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const kind = (nodes[i] as NodeLike).kind;
    nodeKind[i] = kind === 'goal' ? GOAL : kind === 'mechanism' ? MECHANISM : METRIC;
  }

  // 1. Ends, dangling and forbidden links; out-degrees of the rest.
  const linkSource = new Int32Array(m);
  const linkTarget = new Int32Array(m);
  const linkClass = new Uint8Array(m);
  const linkReason = new Uint8Array(m);
  const outStart = new Int32Array(n + 1);
  nodeIndex.indexLinks(links, linkSource, linkTarget);
  for (let i = 0; i < m; i++) {
    const s = linkSource[i] as number;
    const t = linkTarget[i] as number;
    if (s < 0 || t < 0) {
      linkClass[i] = DANGLING;
    } else if (s === t) {
      linkClass[i] = FORBIDDEN;
      linkReason[i] = 1;
    } else {
      const reason = KIND_PAIR_REASON[(nodeKind[s] as number) * 3 + (nodeKind[t] as number)] as number;
      if (reason !== 0) {
        linkClass[i] = FORBIDDEN;
        linkReason[i] = reason;
      } else {
        outStart[s + 1] = (outStart[s + 1] as number) + 1;
      }
    }
  }

  // 2. CSR of the candidate (kind-allowed) links by source, in map order.
  for (let v = 0; v < n; v++) outStart[v + 1] = (outStart[v + 1] as number) + (outStart[v] as number);
  const outLinks = new Int32Array(outStart[n] as number);
  const fill = scratchInt32('csr-fill', n);
  fill.set(outStart.subarray(0, n));
  for (let i = 0; i < m; i++) {
    if (linkClass[i] !== USABLE) continue;
    const s = linkSource[i] as number;
    const at = fill[s] as number;
    outLinks[at] = i;
    fill[s] = at + 1;
  }

  // 3. Duplicates: within one source's list (map order), a target seen before is a later copy.
  //    The other links that could lie on a cycle go into a second, smaller CSR.
  const stamp = scratchInt32('duplicate-stamp', n);
  const loopStart = scratchInt32('loop-start', n + 1);
  let loopLinks = 0;
  for (let s = 0; s < n; s++) {
    const mark = s + 1;
    const end = outStart[s + 1] as number;
    const kind = nodeKind[s];
    for (let e = outStart[s] as number; e < end; e++) {
      const i = outLinks[e] as number;
      const t = linkTarget[i] as number;
      if (stamp[t] === mark) {
        linkClass[i] = DUPLICATE;
      } else {
        stamp[t] = mark;
        if (!CROSS_KIND_LINKS_RUN_FORWARDS || nodeKind[t] === kind) loopLinks++;
      }
    }
    loopStart[s + 1] = loopLinks;
  }
  const loopTarget = scratchInt32('loop-target', loopLinks);
  for (let s = 0, at = 0; s < n; s++) {
    const end = outStart[s + 1] as number;
    const kind = nodeKind[s];
    for (let e = outStart[s] as number; e < end; e++) {
      const i = outLinks[e] as number;
      if (linkClass[i] === DUPLICATE) continue;
      const t = linkTarget[i] as number;
      if (!CROSS_KIND_LINKS_RUN_FORWARDS || nodeKind[t] === kind) loopTarget[at++] = t;
    }
  }

  // 4. Strongly connected components over those links: the cycles.
  const { cycleOf, cycleCount } = cyclesOf(n, loopStart, loopTarget);

  // 5. Cycle links; usable in-degrees and measured mechanisms.
  const inStart = new Int32Array(n + 1);
  const measured = new Uint8Array(n);
  for (let i = 0; i < m; i++) {
    if (linkClass[i] !== USABLE) continue;
    const s = linkSource[i] as number;
    const t = linkTarget[i] as number;
    const cycle = cycleOf[s] as number;
    if (cycle !== -1 && cycle === cycleOf[t]) {
      linkClass[i] = CYCLE;
      continue;
    }
    inStart[t + 1] = (inStart[t + 1] as number) + 1;
    if (nodeKind[t] === METRIC && nodeKind[s] === MECHANISM) measured[s] = 1;
  }
  for (let v = 0; v < n; v++) inStart[v + 1] = (inStart[v + 1] as number) + (inStart[v] as number);
  const inSource = new Int32Array(inStart[n] as number);
  const inFill = scratchInt32('csr-in-fill', n);
  inFill.set(inStart.subarray(0, n));
  for (let i = 0; i < m; i++) {
    if (linkClass[i] !== USABLE) continue;
    const t = linkTarget[i] as number;
    const at = inFill[t] as number;
    inSource[at] = linkSource[i] as number;
    inFill[t] = at + 1;
  }

  const partial = {
    nodeIndex,
    nodeKind,
    linkSource,
    linkTarget,
    linkClass,
    linkReason,
    cycleOf,
    cycleCount,
    outStart,
    outLinks,
    inStart,
    inSource,
    measured,
  };
  // 6. Reverse BFS from the measured mechanisms. Usable links never leave a metric, so walking
  //    backwards from mechanisms only ever meets goals and mechanisms.
  return { ...partial, hasPath: reachBackwards(partial, measured) };
}

/** The class of link number `i` (index in the map's link list). */
export function linkClassAt(analysis: Pick<LinkAnalysis, 'linkClass'>, i: number): LinkClass {
  return LINK_CLASSES[analysis.linkClass[i] as number] as LinkClass;
}

/** Why link number `i` is forbidden, or null when it is not. */
export function forbiddenReasonAt(
  analysis: Pick<LinkAnalysis, 'linkReason'>,
  i: number,
): ForbiddenReason | null {
  return FORBIDDEN_REASONS[analysis.linkReason[i] as number] ?? null;
}

/** The class of every link, in map order (a convenience over LinkAnalysis.linkClass). */
export function classifyLinks(nodes: readonly NodeLike[], links: readonly LinkLike[]): LinkClass[] {
  const analysis = analyseLinks(nodes, links);
  return Array.from(analysis.linkClass, (code) => LINK_CLASSES[code] as LinkClass);
}

/** Ids of the goals that have an execution path (see the rule at the top of this file). */
export function goalsWithExecutionPath(nodes: readonly NodeLike[], links: readonly LinkLike[]): Set<string> {
  return goalsWithPathFrom(nodes, analyseLinks(nodes, links));
}

/** The same set, from an analysis already computed. */
export function goalsWithPathFrom(
  nodes: readonly NodeLike[],
  analysis: Pick<LinkAnalysis, 'nodeKind' | 'hasPath'>,
): Set<string> {
  const result = new Set<string>();
  for (let v = 0; v < nodes.length; v++) {
    if (analysis.nodeKind[v] === GOAL && analysis.hasPath[v] === 1) result.add((nodes[v] as NodeLike).id);
  }
  return result;
}
