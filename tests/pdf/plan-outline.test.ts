import { describe, expect, it } from 'vitest';
import type { MapLink } from '../../shared/model/types';
import { planOutline } from '../../shared/print';
import { TEMPLATE_IDS, templateContent } from '../../shared/templates';
import { generateLayeredMap } from '../bench/generate-map';

const ids = (list: readonly { id: string }[]) => list.map((n) => n.id);

describe('planOutline', () => {
  it('lists every node of every template at least once, every goal exactly once', () => {
    for (const id of TEMPLATE_IDS) {
      const { nodes, links } = templateContent(id, 'en');
      const outline = planOutline(nodes, links);
      const goals = outline.goals.map((g) => g.goal.id);
      expect(new Set(goals).size).toBe(goals.length);
      const seen = new Set([
        ...goals,
        ...outline.goals.flatMap((g) => [
          ...g.mechanisms.flatMap((m) => [m.mechanism.id, ...ids(m.metrics)]),
          ...ids(g.outcomeMetrics),
        ]),
        ...outline.looseMechanisms.flatMap((m) => [m.mechanism.id, ...ids(m.metrics)]),
        ...ids(outline.looseMetrics),
      ]);
      expect(seen).toEqual(new Set(ids(nodes)));
    }
  });

  it('numbers sub-goals under their goal and follows enabling mechanisms', () => {
    const { nodes } = generateLayeredMap(0, 1);
    expect(nodes).toEqual([]);
    const content = templateContent('okrs', 'en');
    const outline = planOutline(content.nodes, content.links);
    expect(outline.goals[0]?.number).toBe('1');
    const sub = outline.goals.find((g) => g.depth > 0);
    if (sub) expect(sub.number).toMatch(/^\d+\.\d+$/);
  });

  it('survives cycles, self-links, dangling and backward links', () => {
    const { nodes } = generateLayeredMap(300, 5);
    const links: MapLink[] = [
      { id: 'a', source: 'g0', target: 'g1' },
      { id: 'b', source: 'g1', target: 'g0' },
      { id: 'c', source: 'g2', target: 'g2' },
      { id: 'd', source: 'k0', target: 'g3' },
      { id: 'e', source: 'm0', target: 'missing' },
      { id: 'f', source: 'm0', target: 'm1' },
      { id: 'g', source: 'm1', target: 'm0' },
      { id: 'h', source: 'g4', target: 'm0' },
    ];
    const outline = planOutline(nodes, links);
    const goals = outline.goals.map((g) => g.goal.id);
    expect(new Set(goals)).toEqual(new Set(nodes.filter((n) => n.kind === 'goal').map((n) => n.id)));
    const g4 = outline.goals.find((g) => g.goal.id === 'g4');
    expect(g4?.mechanisms.map((m) => m.mechanism.id)).toEqual(['m0', 'm1']);
  });
});
