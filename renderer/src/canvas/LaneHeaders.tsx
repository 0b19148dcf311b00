import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '../../../shared/model';
import { type LaneHeader, laneHeaders } from '../../../shared/render/lane-headers';
import { useMapStore } from '../store/context';
import { nodeSize, type PlanFlowNode } from '../store/plan-flow';

/** The words of a lane header, by the kind of its nodes. */
export const LANE_LABEL_KEY: Readonly<Record<NodeKind, string>> = {
  goal: 'lanes.strategy',
  mechanism: 'lanes.operations',
  metric: 'lanes.metrics',
};

/** The lane headers of the map on the canvas, in map coordinates (see laneHeaders). */
export function canvasLaneHeaders(nodes: readonly PlanFlowNode[]): LaneHeader[] {
  return laneHeaders(
    nodes.map((node) => ({ kind: node.data.plan.kind, ...node.position, ...nodeSize(node) })),
  );
}

/**
 * "Strategy", "Operations" and "Metrics" above the lanes, drawn in the flow's viewport so they pan
 * and zoom with the map. They follow the nodes' positions only: selecting nodes, which changes
 * the nodes array but no position, does not redraw them.
 */
function LaneHeadersView() {
  const { t } = useTranslation();
  const nodes = useMapStore((s) => s.nodes);
  const key = useMemo(() => positionKey(nodes), [nodes]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when a position or size changes (the key), not on selection
  const headers = useMemo(() => canvasLaneHeaders(nodes), [key]);
  if (headers.length === 0) return null;
  return (
    <ViewportPortal>
      {headers.map((header) => (
        <div
          key={`${header.kind}:${header.x}`}
          className={`lane-header lane-header--${header.kind}`}
          data-testid="lane-header"
          data-kind={header.kind}
          style={{
            transform: `translate(${header.x}px, ${header.y}px)`,
            width: header.width,
            height: header.height,
          }}
        >
          {t(LANE_LABEL_KEY[header.kind])}
        </div>
      ))}
    </ViewportPortal>
  );
}

/** A string that changes when any node's kind, position or size does, and only then. */
function positionKey(nodes: readonly PlanFlowNode[]): string {
  let key = '';
  for (const node of nodes) {
    const { width, height } = nodeSize(node);
    key += `${node.data.plan.kind[0]}${node.position.x},${node.position.y},${width},${height};`;
  }
  return key;
}

export const LaneHeaders = memo(LaneHeadersView);
