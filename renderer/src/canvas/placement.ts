import { NODE_GAP } from '../../../shared/graph';
import { LANE_OF_KIND, type NodeKind, type Position } from '../../../shared/model';
import { nodeSize, type PlanFlowNode } from '../store/plan-flow';

/** Width of a lane on the canvas; nodes are 240 px wide. */
export const LANE_WIDTH = 360;

/**
 * Where a newly added node goes: in its kind's lane, below the lowest node already there, clear
 * of its bottom edge as drawn (a node whose title wraps is taller than the usual size).
 */
export function placeInLane(kind: NodeKind, nodes: readonly PlanFlowNode[]): Position {
  const x = LANE_OF_KIND[kind] * LANE_WIDTH;
  let bottom = -Infinity;
  for (const n of nodes) {
    if (n.data.plan.kind === kind) bottom = Math.max(bottom, n.position.y + nodeSize(n).height);
  }
  return { x, y: bottom === -Infinity ? 0 : Math.ceil(bottom + NODE_GAP) };
}
