import type { GoalNode, MapLink, MapNode, MechanismNode, MetricNode } from '../model/types';

export interface OutlineMechanism {
  mechanism: MechanismNode;
  /** Metrics that measure it (mechanism → metric). */
  metrics: MetricNode[];
}

export interface OutlineGoal {
  goal: GoalNode;
  /** "1", "1.2", …: sub-goals numbered under the goal they decompose. */
  number: string;
  depth: number;
  subGoals: GoalNode[];
  /** Mechanisms executing it (goal → mechanism) and those they enable (mechanism → mechanism). */
  mechanisms: OutlineMechanism[];
  /** Outcome metrics (goal → metric). */
  outcomeMetrics: MetricNode[];
}

/** The written plan, goal by goal, and what is not attached to any goal. */
export interface PlanOutline {
  goals: OutlineGoal[];
  /** Mechanisms no goal reaches, with their metrics. */
  looseMechanisms: OutlineMechanism[];
  /** Metrics measuring nothing listed above. */
  looseMetrics: MetricNode[];
}

/**
 * The plan as an outline: every goal once, depth first from the top-level goals in map order, each
 * with its mechanisms and their metrics. Follows links by the kinds at their ends (links that point
 * back up are ignored); cycles are cut where they close. Every node of the map appears somewhere.
 * O(nodes + links) apart from listing a shared mechanism under each goal it serves.
 */
export function planOutline(
  nodes: readonly MapNode[],
  links: readonly Pick<MapLink, 'source' | 'target'>[],
): PlanOutline {
  const byId = new Map<string, MapNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const out = new Map<string, MapNode[]>();
  const hasGoalParent = new Set<string>();
  for (const { source, target } of links) {
    const from = byId.get(source);
    const to = byId.get(target);
    if (!from || !to || source === target) continue;
    const list = out.get(source);
    if (list) {
      if (!list.includes(to)) list.push(to);
    } else out.set(source, [to]);
    if (from.kind === 'goal' && to.kind === 'goal') hasGoalParent.add(to.id);
  }
  const children = <K extends MapNode['kind']>(id: string, kind: K) =>
    (out.get(id) ?? []).filter((n): n is Extract<MapNode, { kind: K }> => n.kind === kind);

  const listed = new Set<string>();
  const mechanismEntry = (mechanism: MechanismNode): OutlineMechanism => {
    listed.add(mechanism.id);
    const metrics = children(mechanism.id, 'metric');
    for (const metric of metrics) listed.add(metric.id);
    return { mechanism, metrics };
  };
  /** Mechanisms of a goal, then the ones they enable, breadth first. */
  const mechanismsOf = (goalId: string): OutlineMechanism[] => {
    const seen = new Set<string>();
    const queue = children(goalId, 'mechanism');
    const result: OutlineMechanism[] = [];
    for (let i = 0; i < queue.length; i++) {
      const mechanism = queue[i] as MechanismNode;
      if (seen.has(mechanism.id)) continue;
      seen.add(mechanism.id);
      result.push(mechanismEntry(mechanism));
      queue.push(...children(mechanism.id, 'mechanism'));
    }
    return result;
  };

  const goals: OutlineGoal[] = [];
  const visited = new Set<string>();
  const walk = (root: GoalNode, number: string) => {
    const stack: { goal: GoalNode; number: string; depth: number }[] = [{ goal: root, number, depth: 0 }];
    while (stack.length > 0) {
      const { goal, number: n, depth } = stack.pop() as (typeof stack)[number];
      if (visited.has(goal.id)) continue;
      visited.add(goal.id);
      listed.add(goal.id);
      const subGoals = children(goal.id, 'goal');
      const outcomeMetrics = children(goal.id, 'metric');
      for (const metric of outcomeMetrics) listed.add(metric.id);
      goals.push({ goal, number: n, depth, subGoals, mechanisms: mechanismsOf(goal.id), outcomeMetrics });
      const next = subGoals.filter((g) => !visited.has(g.id));
      for (let i = next.length - 1; i >= 0; i--) {
        stack.push({ goal: next[i] as GoalNode, number: `${n}.${i + 1}`, depth: depth + 1 });
      }
    }
  };
  let top = 0;
  for (const node of nodes) {
    if (node.kind === 'goal' && !hasGoalParent.has(node.id) && !visited.has(node.id))
      walk(node, String(++top));
  }
  // Goals only reachable through a cycle of sub-goals start their own branch.
  for (const node of nodes) if (node.kind === 'goal' && !visited.has(node.id)) walk(node, String(++top));

  const looseMechanisms: OutlineMechanism[] = [];
  for (const node of nodes) {
    if (node.kind === 'mechanism' && !listed.has(node.id)) looseMechanisms.push(mechanismEntry(node));
  }
  const looseMetrics = nodes.filter((n): n is MetricNode => n.kind === 'metric' && !listed.has(n.id));
  return { goals, looseMechanisms, looseMetrics };
}
