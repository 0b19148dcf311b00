import type { Viewport } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { fitWholeMap, MIN_ZOOM, mapBounds } from '../../renderer/src/canvas/fit-view';
import { NODE_SIZE, type PlanFlowNode, toFlowNode } from '../../renderer/src/store/plan-flow';
import { createNode } from '../../shared/model';

const at = (
  id: string,
  x: number,
  y: number,
  measured?: { width: number; height: number },
): PlanFlowNode => ({
  ...toFlowNode(createNode('mechanism', id, id, { x, y })),
  ...(measured ? { measured } : {}),
});

/** The viewport fitWholeMap sets for these nodes in a 680 × 740 px canvas. */
function fittedViewport(nodes: PlanFlowNode[], minZoom?: number): Viewport {
  let viewport: Viewport | null = null;
  const flow = {
    getNodes: () => nodes,
    setViewport: async (v: Viewport) => {
      viewport = v;
      return true;
    },
  };
  fitWholeMap(flow, { width: 680, height: 740 }, 0, minZoom);
  if (!viewport) throw new Error('no viewport was set');
  return viewport;
}

describe('framing the whole map', () => {
  it('counts nodes never drawn (past 150 the canvas draws only what is in view) at their usual size', () => {
    const bounds = mapBounds([at('a', 0, 0, { width: 300, height: 90 }), at('b', 400, 5000)]);
    expect(bounds).toEqual({ x: 0, y: 0, width: 400 + NODE_SIZE.width, height: 5000 + NODE_SIZE.height });
    expect(mapBounds([])).toBeNull();
  });

  it('frames a very tall map at once, zoomed out as far as it takes, clear of the bottom panels', () => {
    const nodes = Array.from({ length: 240 }, (_, i) => at(`n${i}`, (i % 2) * 360, Math.floor(i / 2) * 140));
    const v = fittedViewport(nodes);
    expect(v.zoom).toBeGreaterThanOrEqual(MIN_ZOOM);
    const bounds = mapBounds(nodes) as NonNullable<ReturnType<typeof mapBounds>>;
    // The whole map lies inside the pane, above the 150 px kept for the overview map.
    expect(v.y + bounds.y * v.zoom).toBeGreaterThanOrEqual(39.5);
    expect(v.y + (bounds.y + bounds.height) * v.zoom).toBeLessThanOrEqual(740 - 149.5);
    expect(v.x + bounds.x * v.zoom).toBeGreaterThanOrEqual(0);
    expect(v.x + (bounds.x + bounds.width) * v.zoom).toBeLessThanOrEqual(680);
  });

  it('stops at a floor when asked (a large map as it opens), centred on the map', () => {
    const nodes = Array.from({ length: 240 }, (_, i) => at(`n${i}`, (i % 2) * 360, Math.floor(i / 2) * 140));
    expect(fittedViewport(nodes, 0.25).zoom).toBe(0.25);
  });
});
