import type { Edge, Node } from '@xyflow/react';
import type { MapLink, MapNode } from '../../../shared/model';

/** A plan node as React Flow holds it: the map node is the data; position mirrors it. */
export type PlanFlowNode = Node<{ plan: MapNode }, 'plan'>;
/** A link as React Flow holds it; `flagged` marks links the validator reports. */
export type PlanFlowEdge = Edge<{ flagged: boolean }>;

export function toFlowNode(plan: MapNode): PlanFlowNode {
  return { id: plan.id, type: 'plan', position: plan.position, data: { plan } };
}

export function toFlowEdge(link: MapLink, flagged = false): PlanFlowEdge {
  return {
    id: link.id,
    source: link.source,
    target: link.target,
    data: { flagged },
    className: flagged ? 'link link--flagged' : 'link',
  };
}

/** The map node of a flow node with the position React Flow last reported. */
export function planOf(node: PlanFlowNode): MapNode {
  const { plan } = node.data;
  if (plan.position.x === node.position.x && plan.position.y === node.position.y) return plan;
  return { ...plan, position: { x: Math.round(node.position.x), y: Math.round(node.position.y) } };
}

export function linkOf(edge: PlanFlowEdge): MapLink {
  return { id: edge.id, source: edge.source, target: edge.target };
}
