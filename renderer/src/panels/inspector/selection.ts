import type { MapState } from '../../store/map-store';

/**
 * The selection as a primitive: the id of the one selected node, or how many nodes are selected
 * when that is not exactly one. Dragging, or editing another node, leaves it unchanged, so the
 * inspector does not re-render then.
 */
export function selectionOf(state: Pick<MapState, 'nodes'>): string | number {
  let count = 0;
  let id = '';
  for (const n of state.nodes) {
    if (!n.selected) continue;
    count += 1;
    id = n.id;
  }
  return count === 1 ? id : count;
}
