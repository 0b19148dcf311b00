import { describe, expect, it } from 'vitest';
import { LANE_WIDTH, placeInLane } from '../../renderer/src/canvas/placement';
import { NODE_SIZE, type PlanFlowNode, toFlowNode } from '../../renderer/src/store/plan-flow';
import { freeSpot, type NavNode, NODE_GAP } from '../../shared/graph';
import { createNode, type NodeKind } from '../../shared/model';

/** A node on the canvas; `height` as React Flow measured it, or unmeasured when left out. */
function drawn(kind: NodeKind, id: string, y: number, height?: number): PlanFlowNode {
  const node = toFlowNode(createNode(kind, id, id, { x: 0, y }));
  return height === undefined ? node : { ...node, measured: { width: 240, height } };
}

describe('placeInLane', () => {
  it("starts an empty lane at the top of the kind's column", () => {
    expect(placeInLane('metric', [drawn('goal', 'g', 300)])).toEqual({ x: 2 * LANE_WIDTH, y: 0 });
  });

  it('puts a new node clear of the bottom of the lowest node of its kind, as drawn', () => {
    // The lowest mechanism's title wraps to three lines: 170 px high, not the usual 100.
    const nodes = [
      drawn('mechanism', 'm1', 0, 96),
      drawn('mechanism', 'm2', 120, 170),
      drawn('goal', 'g', 900),
    ];
    expect(placeInLane('mechanism', nodes)).toEqual({ x: LANE_WIDTH, y: 120 + 170 + NODE_GAP });
  });

  it('counts an unmeasured node at the usual size', () => {
    expect(placeInLane('goal', [drawn('goal', 'g', 40)])).toEqual({
      x: 0,
      y: 40 + NODE_SIZE.height + NODE_GAP,
    });
  });

  it("keeps the toolbar's place in a lane: both rules leave the same gap below a node", () => {
    // A one-line node is 88 px high, less than the usual size.
    const short = drawn('goal', 'g', 0, 88);
    const wanted = placeInLane('goal', [short]);
    expect(wanted).toEqual({ x: 0, y: 88 + NODE_GAP });
    const drawnShort: NavNode = { id: 'g', kind: 'mechanism', position: { x: 0, y: 0 }, height: 88 };
    expect(freeSpot(wanted, [drawnShort])).toEqual(wanted);
  });
});
