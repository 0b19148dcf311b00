import type { MapContent, MapLink, MapNode } from '../../../shared/model';
import { emptyEdit, type PlanEdit } from './plan-edit';
import { linkOf, type PlanFlowEdge, type PlanFlowNode, planOf } from './plan-flow';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The edit that makes the open map hold `content` (a saved version's): nodes and links it does not
 * have are deleted, the others written where they differ (positions included, so the layout comes
 * back too). One edit, so restoring is one transaction and one undo step. Ids are matched as the
 * diff matches them; a node or link that keeps its id keeps its Yjs identity, so others' views and
 * selections follow it.
 */
export function restoreEdit(
  nodes: readonly PlanFlowNode[],
  edges: readonly PlanFlowEdge[],
  content: MapContent,
): PlanEdit {
  const edit = emptyEdit();
  const nowNodes = new Map<string, MapNode>(nodes.map((n) => [n.id, planOf(n)]));
  const nowLinks = new Map<string, MapLink>(edges.map((e) => [e.id, linkOf(e)]));
  const keptNodes = new Set<string>();
  for (const node of content.nodes) {
    keptNodes.add(node.id);
    const before = nowNodes.get(node.id) ?? null;
    if (!before || !sameJson(before, node)) edit.nodes.set(node.id, { before, after: node });
  }
  for (const [id, before] of nowNodes) if (!keptNodes.has(id)) edit.nodes.set(id, { before, after: null });
  const keptLinks = new Set<string>();
  for (const link of content.links) {
    keptLinks.add(link.id);
    const before = nowLinks.get(link.id) ?? null;
    if (!before || !sameJson(before, link)) edit.links.set(link.id, { before, after: link });
  }
  for (const [id, before] of nowLinks) if (!keptLinks.has(id)) edit.links.set(id, { before, after: null });
  return edit;
}
