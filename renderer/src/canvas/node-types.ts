import type { NodeTypes } from '@xyflow/react';
import { PlanNode } from './PlanNode';

/** Module-level so React Flow never sees a new object (performance guide). */
export const nodeTypes: NodeTypes = { plan: PlanNode };
