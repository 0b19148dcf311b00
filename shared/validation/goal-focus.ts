import { analyseLinks, KIND_CODE, LINK_CLASS_CODE, reachForwards } from '../graph';
import type { MapLink, MapNode } from '../model';

/** What to keep in focus when a goal is selected or presented. */
export interface GoalFocus {
  /** The goal, the goals and mechanisms on its execution paths, and the metrics measuring them. */
  nodeIds: Set<string>;
  /** The usable links between those nodes. */
  linkIds: Set<string>;
  /**
   * False when the goal has no execution path: the focus is then everything the goal reaches, so
   * the room sees where the chain breaks.
   */
  complete: boolean;
}

/**
 * The execution paths of one goal, by the rule of shared/graph/execution-path.ts: usable links
 * only, through goals and mechanisms, to mechanisms measured by a metric. Null when the id is not a goal.
 * O(nodes + links).
 */
export function goalFocus(
  goalId: string,
  nodes: readonly Pick<MapNode, 'id' | 'kind'>[],
  links: readonly Pick<MapLink, 'id' | 'source' | 'target'>[],
): GoalFocus | null {
  const analysis = analyseLinks(nodes, links);
  const goal = analysis.nodeIndex.indexOf(goalId);
  if (goal < 0 || analysis.nodeKind[goal] !== KIND_CODE.goal) return null;
  const seeds = new Uint8Array(nodes.length);
  seeds[goal] = 1;
  const reached = reachForwards(analysis, seeds);
  const complete = analysis.hasPath[goal] === 1;
  // On a path: reached from the goal and itself leading to a measured mechanism (goals and
  // mechanisms). Without a path, everything reached, to show how far the chain gets.
  const inFocus = new Uint8Array(nodes.length);
  for (let v = 0; v < nodes.length; v++) {
    if (reached[v] !== 1 || analysis.nodeKind[v] === KIND_CODE.metric) continue;
    if (!complete || analysis.hasPath[v] === 1) inFocus[v] = 1;
  }
  const linkIds = new Set<string>();
  for (let i = 0; i < links.length; i++) {
    if (analysis.linkClass[i] !== LINK_CLASS_CODE.usable) continue;
    const s = analysis.linkSource[i] as number;
    const t = analysis.linkTarget[i] as number;
    if (inFocus[s] !== 1) continue;
    // Metrics join the focus through the links that measure a node in it.
    if (analysis.nodeKind[t] === KIND_CODE.metric) inFocus[t] = 1;
    if (inFocus[t] === 1) linkIds.add((links[i] as MapLink).id);
  }
  const nodeIds = new Set<string>();
  for (let v = 0; v < nodes.length; v++) if (inFocus[v] === 1) nodeIds.add((nodes[v] as MapNode).id);
  return { nodeIds, linkIds, complete };
}
