import type { PlanEdit } from './plan-edit';
import { type PlanFlowEdge, type PlanFlowNode, toFlowEdge, toFlowNode } from './plan-flow';

/**
 * The canvas after an edit: its `after` values applied (null deletes), every untouched node and
 * link object kept as it was (so only changed nodes re-render). `select` replaces the selection
 * with these node ids (and unselects every link); left out, the selection stays.
 */
export function applyEdit(
  current: { nodes: readonly PlanFlowNode[]; edges: readonly PlanFlowEdge[] },
  edit: PlanEdit,
  select?: readonly string[],
): { nodes: PlanFlowNode[]; edges: PlanFlowEdge[] } {
  const selectSet = select ? new Set(select) : null;
  const seen = new Set<string>();
  const nodes: PlanFlowNode[] = [];
  for (const n of current.nodes) {
    const change = edit.nodes.get(n.id);
    const selected = selectSet ? selectSet.has(n.id) : n.selected;
    if (!change) {
      nodes.push(n.selected === selected ? n : { ...n, selected });
      continue;
    }
    seen.add(n.id);
    if (change.after)
      nodes.push({ ...n, position: change.after.position, data: { plan: change.after }, selected });
  }
  for (const [id, change] of edit.nodes) {
    if (seen.has(id) || !change.after) continue;
    nodes.push({ ...toFlowNode(change.after), selected: selectSet?.has(id) ?? false });
  }
  const seenLinks = new Set<string>();
  const edges: PlanFlowEdge[] = [];
  for (const e of current.edges) {
    const change = edit.links.get(e.id);
    const keep = selectSet ? (e.selected ? { ...e, selected: false } : e) : e;
    if (!change) {
      edges.push(keep);
      continue;
    }
    seenLinks.add(e.id);
    if (change.after) edges.push(toFlowEdge(change.after));
  }
  for (const [id, change] of edit.links) {
    if (!seenLinks.has(id) && change.after) edges.push(toFlowEdge(change.after));
  }
  return { nodes, edges };
}
