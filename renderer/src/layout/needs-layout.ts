import type { MapNode } from '../../../shared/model';
import { NODE_SIZE } from '../store/plan-flow';

/**
 * Whether a map arrived without a usable layout: several nodes and at least a third of them lying
 * on another node (a file written without positions puts every node at 0,0). Such a map is tidied
 * into lanes when it is opened; a map someone arranged keeps their positions.
 */
export function needsLayout(nodes: readonly Pick<MapNode, 'position'>[]): boolean {
  if (nodes.length < 2) return false;
  // Cells of a node's size: two nodes in one cell overlap. O(n) with a map of cells.
  const cells = new Map<string, number>();
  for (const { position } of nodes) {
    const key = `${Math.floor(position.x / NODE_SIZE.width)}:${Math.floor(position.y / NODE_SIZE.height)}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  let stacked = 0;
  for (const count of cells.values()) if (count > 1) stacked += count;
  return stacked * 3 >= nodes.length;
}
