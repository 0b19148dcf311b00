import { type Edge, type Node, Position } from '@xyflow/react';
import type { MapLink, MapNode } from '../../../shared/model';

/** A plan node as React Flow holds it: the map node is the data; position mirrors it. */
export type PlanFlowNode = Node<{ plan: MapNode }, 'plan'>;
/** A link as React Flow holds it; `flagged` marks links the validator reports. */
export type PlanFlowEdge = Edge<{ flagged: boolean }>;

/** A node's usual size on the canvas (CSS: .plan-node), until React Flow has measured it. */
export const NODE_SIZE = { width: 240, height: 100 } as const;
const HANDLE = 12;

/**
 * Where the link handles sit before a node is measured: middle of the left and right sides.
 * Knowing them (and the size) up front lets React Flow skip drawing nodes that are off screen on
 * the first render, instead of drawing all of them once to measure them: what makes a
 * 1,000-node map open fast. Once a node is drawn, React Flow measures the real ones.
 */
const ESTIMATED_HANDLES: NonNullable<PlanFlowNode['handles']> = [
  {
    type: 'target',
    position: Position.Left,
    x: -HANDLE / 2,
    y: NODE_SIZE.height / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    type: 'source',
    position: Position.Right,
    x: NODE_SIZE.width - HANDLE / 2,
    y: NODE_SIZE.height / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];

export function toFlowNode(plan: MapNode): PlanFlowNode {
  return {
    id: plan.id,
    type: 'plan',
    position: plan.position,
    data: { plan },
    initialWidth: NODE_SIZE.width,
    initialHeight: NODE_SIZE.height,
    handles: ESTIMATED_HANDLES,
  };
}

/** A node's size on the canvas: as React Flow measured it, or the usual size until then. */
export function nodeSize(node: Pick<PlanFlowNode, 'measured'>): { width: number; height: number } {
  return {
    width: node.measured?.width ?? NODE_SIZE.width,
    height: node.measured?.height ?? NODE_SIZE.height,
  };
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
