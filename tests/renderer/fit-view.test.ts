import type { Viewport } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import {
  FRAME_MAX_ZOOM,
  fitWholeMap,
  frameNodes,
  MIN_ZOOM,
  mapBounds,
} from '../../renderer/src/canvas/fit-view';
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

describe('framing the nodes a finding names', () => {
  function framed(nodes: PlanFlowNode[], ids: string[]): Viewport | null {
    let viewport: Viewport | null = null;
    const flow = {
      getNodes: () => nodes,
      setViewport: async (v: Viewport) => {
        viewport = v;
        return true;
      },
    };
    frameNodes(flow, ids, { width: 680, height: 740 });
    return viewport;
  }

  it('shows a goal and a mechanism far below it together, zoomed out as far as it takes', () => {
    const nodes = [at('goal', 0, 0), at('other', 2000, 0), at('tv-ads', 420, 1500)];
    const v = framed(nodes, ['goal', 'tv-ads']);
    if (!v) throw new Error('nothing framed');
    expect(v.zoom).toBeLessThan(1);
    for (const node of [nodes[0], nodes[2]] as PlanFlowNode[]) {
      const left = v.x + node.position.x * v.zoom;
      const top = v.y + node.position.y * v.zoom;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(left + NODE_SIZE.width * v.zoom).toBeLessThanOrEqual(680);
      expect(top + NODE_SIZE.height * v.zoom).toBeLessThanOrEqual(740);
    }
  });

  it('never comes closer than 100% on one card, and frames nothing for unknown ids', () => {
    const v = framed([at('one', 100, 100)], ['one']);
    expect(v?.zoom).toBe(FRAME_MAX_ZOOM);
    expect(FRAME_MAX_ZOOM).toBe(1);
    expect(framed([at('one', 100, 100)], ['ghost'])).toBeNull();
  });
});
