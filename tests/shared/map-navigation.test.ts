import { describe, expect, it } from 'vitest';
import { freeSpot, type NavNode, NODE_GAP, SIBLING_STEP_Y } from '../../shared/graph';

const nav = (id: string, x: number, y: number, height: number): NavNode => ({
  id,
  kind: 'mechanism',
  position: { x, y },
  height,
});

describe('freeSpot', () => {
  it('keeps a spot that covers nothing', () => {
    expect(freeSpot({ x: 400, y: 0 }, [nav('a', 0, 0, 100)])).toEqual({ x: 400, y: 0 });
  });

  it('moves a new node one step below a node of the usual size', () => {
    expect(freeSpot({ x: 0, y: 20 }, [nav('a', 0, 0, 100)])).toEqual({ x: 0, y: SIBLING_STEP_Y });
  });

  it('moves it below the bottom of a tall node, then of every node it meets there', () => {
    const tall = nav('a', 0, 0, 220);
    const next = nav('b', 0, 220 + NODE_GAP + 40, 100);
    expect(freeSpot({ x: 0, y: 0 }, [tall, next])).toEqual({ x: 0, y: 220 + NODE_GAP + 40 + SIBLING_STEP_Y });
    expect(freeSpot({ x: 0, y: 0 }, [tall])).toEqual({ x: 0, y: 220 + NODE_GAP });
  });

  it('clears a node at a fractional position (imported maps may have one) and the one below it', () => {
    const spot = freeSpot({ x: 0, y: 0 }, [nav('a', 0, 10.3, 180), nav('b', 0, 240, 100)]);
    expect(spot.y).toBeGreaterThanOrEqual(240 + 100 + NODE_GAP);
    expect(Number.isInteger(spot.y)).toBe(true);
  });
});
