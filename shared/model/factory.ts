import type { NodeKind } from './kinds';
import { MapNodeSchema } from './schemas';
import type { MapNode, Position } from './types';

/** A new node of the given kind with every kind-specific field at its default. */
export function createNode(kind: NodeKind, id: string, title: string, position: Position): MapNode {
  return MapNodeSchema.parse({ id, kind, title, position });
}
