import { checkKinds } from '../../shared/model/link-rules';
import type { MapLink, MapNode } from '../../shared/model/types';

/**
 * Deliberately simple references for the execution-path rule, written straight from its
 * statement (README, "The execution-path rule") with no cleverness, to check the fast validator
 * against.
 */

type NodeLike = Pick<MapNode, 'id' | 'kind'>;
type LinkLike = Pick<MapLink, 'source' | 'target'>;

function byIdFirstWins(nodes: readonly NodeLike[]): Map<string, NodeLike> {
  const byId = new Map<string, NodeLike>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return byId;
}

/** Links whose two ends exist, that are not self-links and whose kinds checkKinds allows. */
export function naiveAllowedLinks(nodes: readonly NodeLike[], links: readonly LinkLike[]): LinkLike[] {
  const byId = byIdFirstWins(nodes);
  return links.filter((link) => {
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    if (!source || !target || link.source === link.target) return false;
    return checkKinds(source.kind, target.kind).ok;
  });
}

function naiveReaches(links: readonly LinkLike[], from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    for (const link of links) {
      if (link.source === id && !seen.has(link.target)) {
        seen.add(link.target);
        stack.push(link.target);
      }
    }
  }
  return false;
}

/** An allowed link u → v is a cycle link when u can be reached back from v. */
export function naiveIsCycleLink(allowed: readonly LinkLike[], link: LinkLike): boolean {
  return naiveReaches(allowed, link.target, link.source);
}

/**
 * For each goal, a DFS that enumerates simple paths over usable links (allowed and not in a
 * cycle) through goals and mechanisms, looking for a mechanism with a usable link to a metric.
 * Exponential in the worst case: for small maps only.
 */
export function naiveGoalsWithExecutionPath(
  nodes: readonly NodeLike[],
  links: readonly LinkLike[],
): Set<string> {
  const byId = byIdFirstWins(nodes);
  const allowed = naiveAllowedLinks(nodes, links);
  const usable = allowed.filter((link) => !naiveIsCycleLink(allowed, link));
  const kindOf = (id: string) => (byId.get(id) as NodeLike).kind;
  const isMeasured = (id: string) =>
    kindOf(id) === 'mechanism' &&
    usable.some((link) => link.source === id && kindOf(link.target) === 'metric');

  const pathFrom = (id: string, onPath: Set<string>): boolean => {
    for (const link of usable) {
      if (link.source !== id || onPath.has(link.target)) continue;
      const kind = kindOf(link.target);
      if (kind === 'metric') continue; // a path never passes through a metric
      if (kind === 'mechanism' && isMeasured(link.target)) return true;
      onPath.add(link.target);
      const found = pathFrom(link.target, onPath);
      onPath.delete(link.target);
      if (found) return true;
    }
    return false;
  };

  const result = new Set<string>();
  for (const node of nodes) {
    if (node.kind === 'goal' && byId.get(node.id) === node && pathFrom(node.id, new Set([node.id]))) {
      result.add(node.id);
    }
  }
  return result;
}

/**
 * A plainer reference that scales to benchmark sizes, O(N·(N+L)): cycle links by one BFS from
 * every node that is the target of an allowed link, then one BFS per goal over usable links
 * through goals and mechanisms.
 */
export function naiveBfsGoalsWithExecutionPath(
  nodes: readonly NodeLike[],
  links: readonly LinkLike[],
): Set<string> {
  const byId = byIdFirstWins(nodes);
  const allowed = naiveAllowedLinks(nodes, links);
  const next = new Map<string, string[]>();
  for (const link of allowed) {
    const list = next.get(link.source);
    if (list) list.push(link.target);
    else next.set(link.source, [link.target]);
  }
  const reachableFrom = (from: string, follow: Map<string, string[]>, skip?: (id: string) => boolean) => {
    const seen = new Set<string>([from]);
    const queue = [from];
    for (let head = 0; head < queue.length; head++) {
      for (const to of follow.get(queue[head] as string) ?? []) {
        if (!seen.has(to) && !skip?.(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    return seen;
  };
  const reach = new Map<string, Set<string>>();
  const usable = allowed.filter((link) => {
    let fromTarget = reach.get(link.target);
    if (!fromTarget) {
      fromTarget = reachableFrom(link.target, next);
      reach.set(link.target, fromTarget);
    }
    return !fromTarget.has(link.source);
  });
  const usableNext = new Map<string, string[]>();
  const measured = new Set<string>();
  for (const link of usable) {
    const list = usableNext.get(link.source);
    if (list) list.push(link.target);
    else usableNext.set(link.source, [link.target]);
    if (
      (byId.get(link.source) as NodeLike).kind === 'mechanism' &&
      (byId.get(link.target) as NodeLike).kind === 'metric'
    ) {
      measured.add(link.source);
    }
  }
  const result = new Set<string>();
  for (const node of nodes) {
    if (node.kind !== 'goal' || byId.get(node.id) !== node) continue;
    const seen = reachableFrom(node.id, usableNext, (id) => (byId.get(id) as NodeLike).kind === 'metric');
    for (const id of seen) {
      if (measured.has(id)) {
        result.add(node.id);
        break;
      }
    }
  }
  return result;
}
