import type { MapLink, MapNode, Position } from '../../../shared/model';
import { emptyEdit, type PlanEdit } from './plan-edit';
import { linkOf, type PlanFlowEdge, type PlanFlowNode, planOf } from './plan-flow';

/**
 * The PlanEdits of the editing commands, built from the canvas as it is: pure, so each is tested
 * on its own and the store only applies and records them.
 */

/** Nodes and links copied with Ctrl+C, kept per window so a paste can land in any map. */
export interface Clipboard {
  nodes: MapNode[];
  links: MapLink[];
}

/** The edit that deletes these nodes with every link touching them, and these links. */
export function deletionEdit(
  nodes: readonly PlanFlowNode[],
  edges: readonly PlanFlowEdge[],
  nodeIds: ReadonlySet<string>,
  linkIds: ReadonlySet<string>,
): PlanEdit {
  const edit = emptyEdit();
  for (const n of nodes) if (nodeIds.has(n.id)) edit.nodes.set(n.id, { before: n.data.plan, after: null });
  for (const e of edges) {
    if (linkIds.has(e.id) || nodeIds.has(e.source) || nodeIds.has(e.target))
      edit.links.set(e.id, { before: linkOf(e), after: null });
  }
  return edit;
}

/** The selected nodes and the links among them, or null when nothing is selected. */
export function clipboardOf(
  nodes: readonly PlanFlowNode[],
  edges: readonly PlanFlowEdge[],
): Clipboard | null {
  const chosen = nodes.filter((n) => n.selected);
  if (chosen.length === 0) return null;
  const ids = new Set(chosen.map((n) => n.id));
  return {
    nodes: chosen.map(planOf),
    links: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map(linkOf),
  };
}

/**
 * The edit that pastes a clipboard as new nodes (fresh ids, shifted by `offset`) with the links
 * among them, and the new nodes' ids.
 */
export function pasteEdit(
  source: Clipboard,
  offset: number,
  newId: (prefix: 'n' | 'l') => string,
): { edit: PlanEdit; ids: string[] } {
  const ids = new Map(source.nodes.map((n) => [n.id, newId('n')]));
  const edit = emptyEdit();
  for (const n of source.nodes) {
    const id = ids.get(n.id) as string;
    const position = { x: n.position.x + offset, y: n.position.y + offset };
    edit.nodes.set(id, { before: null, after: { ...n, id, position } });
  }
  for (const l of source.links) {
    const sourceId = ids.get(l.source);
    const targetId = ids.get(l.target);
    if (!sourceId || !targetId) continue;
    const id = newId('l');
    edit.links.set(id, { before: null, after: { id, source: sourceId, target: targetId } });
  }
  return { edit, ids: [...ids.values()] };
}

/** The edit that moves nodes to new positions (rounded to whole pixels); unmoved nodes are left out. */
export function positionsEdit(
  nodes: readonly PlanFlowNode[],
  positions: ReadonlyMap<string, Position>,
): PlanEdit {
  const edit = emptyEdit();
  for (const n of nodes) {
    const position = positions.get(n.id);
    if (!position) continue;
    const before = planOf(n);
    const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
    if (before.position.x === rounded.x && before.position.y === rounded.y) continue;
    edit.nodes.set(n.id, { before, after: { ...before, position: rounded } });
  }
  return edit;
}
