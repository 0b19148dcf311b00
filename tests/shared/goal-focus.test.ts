import { describe, expect, it } from 'vitest';
import { createNode, type MapLink } from '../../shared/model';
import { goalFocus } from '../../shared/validation';

const nodes = [
  createNode('goal', 'g', 'Grow', { x: 0, y: 0 }),
  createNode('goal', 'g2', 'Sub-goal', { x: 0, y: 150 }),
  createNode('mechanism', 'm1', 'Coupons', { x: 400, y: 0 }),
  createNode('mechanism', 'm2', 'Unmeasured', { x: 400, y: 150 }),
  createNode('mechanism', 'm3', 'Other goal', { x: 400, y: 300 }),
  createNode('metric', 'k1', 'Conversion', { x: 800, y: 0 }),
  createNode('metric', 'k2', 'Outcome', { x: 800, y: 150 }),
  createNode('goal', 'lonely', 'Slogan', { x: 0, y: 300 }),
];
const link = (id: string, source: string, target: string): MapLink => ({ id, source, target });

describe('goal focus', () => {
  it('holds the goal, the goals and mechanisms on its paths and the metrics measuring them', () => {
    const links = [
      link('a', 'g', 'g2'),
      link('b', 'g2', 'm1'),
      link('c', 'm1', 'k1'),
      link('d', 'g', 'm2'),
      link('e', 'g', 'k2'),
      link('f', 'lonely', 'm3'),
    ];
    const focus = goalFocus('g', nodes, links);
    expect(focus?.complete).toBe(true);
    expect([...(focus?.nodeIds ?? [])].sort()).toEqual(['g', 'g2', 'k1', 'k2', 'm1']);
    expect([...(focus?.linkIds ?? [])].sort()).toEqual(['a', 'b', 'c', 'e']);
  });

  it('shows how far the chain gets for a goal without a path, and never counts forbidden links', () => {
    const links = [link('f', 'lonely', 'm3'), link('x', 'k1', 'm3'), link('y', 'm3', 'lonely')];
    const focus = goalFocus('lonely', nodes, links);
    expect(focus?.complete).toBe(false);
    expect([...(focus?.nodeIds ?? [])].sort()).toEqual(['lonely', 'm3']);
    expect([...(focus?.linkIds ?? [])]).toEqual(['f']);
  });

  it('is null for an id that is not a goal', () => {
    expect(goalFocus('m1', nodes, [])).toBeNull();
    expect(goalFocus('missing', nodes, [])).toBeNull();
  });
});
