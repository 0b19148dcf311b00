import { describe, expect, it } from 'vitest';
import { nextFunction } from '../../renderer/src/canvas/FunctionChip';
import { createI18n } from '../../renderer/src/i18n';
import { healthHeadline as summaryText } from '../../renderer/src/panels/health-headline';
import { goalsInPlanOrder } from '../../renderer/src/presentation/presentation-goals';
import { MECHANISM_FUNCTIONS } from '../../shared/model/kinds';

const goal = (id: string, x: number, y: number) => ({ id, kind: 'goal' as const, position: { x, y } });
const link = (source: string, target: string) => ({ source, target });

describe('presentation order follows the plan', () => {
  it('puts top goals first, each sub-goal right after its parent, depth first, whatever the canvas position', () => {
    // On the canvas the sub-goal "a1" sits above everything and "b" above "a".
    const nodes = [
      goal('a1', 0, -500),
      goal('b', 0, 100),
      goal('a', 0, 200),
      goal('a2', 0, 0),
      goal('a1x', 9, 9),
    ];
    const links = [link('a', 'a2'), link('a', 'a1'), link('a1', 'a1x')];
    // Roots by position: b (y 100), a (y 200); a's children by position: a1 (y -500), a2 (y 0).
    expect(goalsInPlanOrder(nodes, links)).toEqual(['b', 'a', 'a1', 'a1x', 'a2']);
  });

  it('ignores links to mechanisms, self-links and missing goals, and still lists goals caught in a loop', () => {
    const nodes = [
      goal('top', 0, 0),
      goal('l1', 0, 50),
      goal('l2', 0, 40),
      { id: 'm', kind: 'mechanism' as const, position: { x: 0, y: -10 } },
    ];
    const links = [
      link('top', 'm'),
      link('top', 'top'),
      link('l1', 'l2'),
      link('l2', 'l1'),
      link('top', 'ghost'),
    ];
    expect(goalsInPlanOrder(nodes, links)).toEqual(['top', 'l2', 'l1']);
  });

  it('lists a goal under two parents once, under the first one met', () => {
    const nodes = [goal('p1', 0, 0), goal('p2', 0, 10), goal('shared', 0, 5)];
    expect(goalsInPlanOrder(nodes, [link('p1', 'shared'), link('p2', 'shared')])).toEqual([
      'p1',
      'shared',
      'p2',
    ]);
  });

  it('copes with a deep chain of sub-goals without recursion', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => goal(`g${i}`, 0, -i));
    const links = nodes.slice(1).map((n, i) => link(`g${i}`, n.id));
    const order = goalsInPlanOrder(nodes, links);
    expect(order[0]).toBe('g0');
    expect(order.at(-1)).toBe('g19999');
  });
});

describe('the findings headline', () => {
  const summary = { goals: 7, goalsWithPath: 7, goalsWithoutClosedLoop: 1, errors: 0, warnings: 1, infos: 0 };

  it('says how many goals have no closed loop next to the execution paths, in both languages', () => {
    const english = createI18n('en');
    expect(summaryText(summary, english.t)).toBe(
      '7 of 7 goals have an execution path · 1 has no closed loop',
    );
    expect(summaryText({ ...summary, goalsWithoutClosedLoop: 0 }, english.t)).toBe(
      '7 of 7 goals have an execution path',
    );
    expect(summaryText({ ...summary, goalsWithoutClosedLoop: 2 }, english.t)).toContain(
      '2 have no closed loop',
    );
    expect(summaryText(summary, createI18n('zh-CN').t)).toContain('1 个没有闭环');
  });
});

describe('Shift+F cycles the function', () => {
  it('goes from unset to the first function, through every one and round again', () => {
    expect(nextFunction(null)).toBe(MECHANISM_FUNCTIONS[0]);
    const seen: string[] = [];
    let fn = nextFunction(null);
    for (let i = 0; i < MECHANISM_FUNCTIONS.length; i++) {
      seen.push(fn);
      fn = nextFunction(fn);
    }
    expect(seen).toEqual([...MECHANISM_FUNCTIONS]);
    expect(fn).toBe(MECHANISM_FUNCTIONS[0]);
  });
});
