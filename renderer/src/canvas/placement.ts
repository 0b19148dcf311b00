import { LANE_OF_KIND, type NodeKind, type Position } from '../../../shared/model';
import type { PlanFlowNode } from '../store/plan-flow';

/** Width of a lane on the canvas; nodes are 240 px wide. */
export const LANE_WIDTH = 360;
const ROW_GAP = 120;

/** Where a newly added node goes: in its kind's lane, below the lowest node already there. */
export function placeInLane(kind: NodeKind, nodes: readonly PlanFlowNode[]): Position {
  const x = LANE_OF_KIND[kind] * LANE_WIDTH;
  let lowest = -Infinity;
  for (const n of nodes) {
    if (n.data.plan.kind === kind) lowest = Math.max(lowest, n.position.y);
  }
  return { x, y: lowest === -Infinity ? 0 : lowest + ROW_GAP };
}
