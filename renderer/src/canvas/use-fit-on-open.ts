import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { useMapStore } from '../store/context';
import type { PlanFlowNode } from '../store/plan-flow';
import { fitWholeMap, MIN_ZOOM, OPEN_LARGE_MIN_ZOOM, VIRTUALIZE_FROM } from './fit-view';

/**
 * Frames each map as it opens (once its content is here). The canvas stays mounted from one map to the next, so without this
 * a map opened after another kept that map's view: a small map far off screen, or a large one
 * seen through a keyhole. A large map is framed no further out than OPEN_LARGE_MIN_ZOOM.
 */
export function useFitOnOpen(): void {
  const mapId = useMapStore((s) => s.mapId);
  // In a room the map's content arrives after it opens: framed once it is here.
  const ready = useMapStore((s) => s.ready);
  const flow = useReactFlow<PlanFlowNode>();
  const flowStore = useStoreApi<PlanFlowNode>();
  useEffect(() => {
    if (!mapId || !ready) return;
    // A frame later, once React Flow holds the new map's nodes.
    const frame = requestAnimationFrame(() => {
      const { width, height } = flowStore.getState();
      const large = flow.getNodes().length > VIRTUALIZE_FROM;
      fitWholeMap(flow, { width, height }, 0, large ? OPEN_LARGE_MIN_ZOOM : MIN_ZOOM);
    });
    return () => cancelAnimationFrame(frame);
  }, [mapId, ready, flow, flowStore]);
}
