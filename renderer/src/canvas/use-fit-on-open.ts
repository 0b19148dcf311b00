import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { useMapStore } from '../store/context';
import type { PlanFlowNode } from '../store/plan-flow';
import { fitWholeMap } from './fit-view';

/**
 * Frames each map as it opens. The canvas stays mounted from one map to the next, so without this
 * a map opened after another kept that map's view: a small map far off screen, or a large one
 * seen through a keyhole.
 */
export function useFitOnOpen(): void {
  const mapId = useMapStore((s) => s.mapId);
  const flow = useReactFlow<PlanFlowNode>();
  const flowStore = useStoreApi<PlanFlowNode>();
  useEffect(() => {
    if (!mapId) return;
    // A frame later, once React Flow holds the new map's nodes.
    const frame = requestAnimationFrame(() => {
      const { width, height } = flowStore.getState();
      fitWholeMap(flow, { width, height });
    });
    return () => cancelAnimationFrame(frame);
  }, [mapId, flow, flowStore]);
}
