import type { MapLink, MapNode } from '../../../shared/model/types';
import type { MapState } from '../store/map-store';

type GoalLike = Pick<MapNode, 'id' | 'kind'> & { position: { x: number; y: number } };

/**
 * The goals in the order of the plan's hierarchy: top goals first (goals no other goal links to),
 * each followed at once by its sub-goals, depth first; goals at one level go top to bottom, then
 * left to right, as the map reads. A goal under two parents comes under the first one met; goals
 * that only lie on a loop of sub-goals (no top goal above them) come last, in the same reading
 * order. O(goals log goals + links).
 */
export function goalsInPlanOrder(
  nodes: readonly GoalLike[],
  links: readonly Pick<MapLink, 'source' | 'target'>[],
): string[] {
  const goals = nodes.filter((n) => n.kind === 'goal');
  const byReading = [...goals].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  const rank = new Map(byReading.map((g, i) => [g.id, i]));
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const link of links) {
    if (link.source === link.target || !rank.has(link.source) || !rank.has(link.target)) continue;
    const list = children.get(link.source);
    if (list) list.push(link.target);
    else children.set(link.source, [link.target]);
    hasParent.add(link.target);
  }
  for (const list of children.values()) list.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (root: string) => {
    // Depth first without recursion: a deep chain of sub-goals must not overflow the stack.
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      order.push(id);
      const below = children.get(id) ?? [];
      for (let i = below.length - 1; i >= 0; i--)
        if (!seen.has(below[i] as string)) stack.push(below[i] as string);
    }
  };
  for (const goal of byReading) if (!hasParent.has(goal.id)) visit(goal.id);
  for (const goal of byReading) visit(goal.id);
  return order;
}

/**
 * The goals in presenting order (goalsInPlanOrder), joined as one string so a selector over it only
 * fires when a goal is added, removed or moved or the sub-goal links change.
 */
export const presentationGoalIds = (s: MapState): string =>
  goalsInPlanOrder(
    s.nodes.map((n) => ({ id: n.id, kind: n.data.plan.kind, position: n.position })),
    s.edges,
  ).join(' ');

/** Which step a presenter's key means: clickers send PageDown/PageUp, keyboards arrows. */
export function presentationStep(key: string): 'next' | 'previous' | 'first' | 'last' | 'exit' | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Enter':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}
