import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseLinks,
  classifyLinks,
  goalsWithExecutionPath,
  type LinkClass,
  NodeIndex,
} from '../../shared/graph';
import { MECHANISM_FUNCTIONS, NODE_KINDS } from '../../shared/model/kinds';
import { checkKinds } from '../../shared/model/link-rules';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapLink, MapNode } from '../../shared/model/types';
import { SEVERITIES } from '../../shared/validation/findings';
import { validateMap } from '../../shared/validation/validate';
import {
  naiveAllowedLinks,
  naiveBfsGoalsWithExecutionPath,
  naiveGoalsWithExecutionPath,
  naiveIsCycleLink,
} from './naive-execution-path';

/**
 * Random maps of 1 to 14 nodes of random kinds. Link ends are drawn from the node ids plus two ids
 * that do not exist, so that with a few nodes and many links, self-links, duplicates, forbidden
 * links, dangling links, cycles and execution paths all turn up often. About half the links are
 * turned to run forwards (goal → mechanism → metric) so that paths are common too.
 */
const mapArbitrary = fc
  .record({
    nodes: fc.array(
      fc.record({
        kind: fc.constantFrom(...NODE_KINDS),
        fn: fc.constantFrom(...MECHANISM_FUNCTIONS),
        titled: fc.boolean(),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    ends: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 40, size: 'medium' }),
  })
  .map(({ nodes, ends }) => {
    const mapNodes: MapNode[] = nodes.map((n, i) =>
      MapNodeSchema.parse({
        id: `n${i}`,
        kind: n.kind,
        title: n.titled ? `Node ${i}` : '',
        ...(n.kind === 'mechanism' ? { function: n.fn } : {}),
      }),
    );
    // Two slots past the last node name nodes that do not exist.
    const id = (k: number) => {
      const slot = k % (mapNodes.length + 2);
      return slot < mapNodes.length ? `n${slot}` : `ghost${slot - mapNodes.length}`;
    };
    const rank = (nodeId: string) =>
      NODE_KINDS.indexOf(mapNodes.find((n) => n.id === nodeId)?.kind ?? 'goal');
    const links: MapLink[] = ends.map(([s, t, forwards], i) => {
      let source = id(s);
      let target = id(t);
      // Half the links are turned to run from strategy towards measurement, as most real ones do.
      if (forwards && rank(source) > rank(target)) [source, target] = [target, source];
      return { id: `l${i}`, source, target };
    });
    return { nodes: mapNodes, links };
  });

const RUNS = 400;

/** The class of every link, from first principles. */
function naiveClasses(nodes: MapNode[], links: MapLink[]): LinkClass[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const allowed = naiveAllowedLinks(nodes, links);
  return links.map((link, i) => {
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    if (!source || !target) return 'dangling';
    if (link.source === link.target || !checkKinds(source.kind, target.kind).ok) return 'forbidden';
    if (links.slice(0, i).some((l) => l.source === link.source && l.target === link.target))
      return 'duplicate';
    return naiveIsCycleLink(allowed, link) ? 'cycle' : 'usable';
  });
}

describe('goalsWithExecutionPath (property)', () => {
  it('equals the naive simple-path reference on random maps', () => {
    fc.assert(
      fc.property(mapArbitrary, ({ nodes, links }) => {
        expect(goalsWithExecutionPath(nodes, links)).toEqual(naiveGoalsWithExecutionPath(nodes, links));
      }),
      { numRuns: RUNS },
    );
  });

  it('classifies every link as the naive reference does', () => {
    fc.assert(
      fc.property(mapArbitrary, ({ nodes, links }) => {
        expect(classifyLinks(nodes, links)).toEqual(naiveClasses(nodes, links));
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees with the per-goal BFS reference used by the benchmark', () => {
    fc.assert(
      fc.property(mapArbitrary, ({ nodes, links }) => {
        expect(naiveBfsGoalsWithExecutionPath(nodes, links)).toEqual(
          naiveGoalsWithExecutionPath(nodes, links),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('never loses a path when a mechanism gets a metric', () => {
    fc.assert(
      fc.property(mapArbitrary, fc.nat(), fc.nat(), ({ nodes, links }, pickMechanism, pickMetric) => {
        const mechanisms = nodes.filter((n) => n.kind === 'mechanism');
        const metrics = nodes.filter((n) => n.kind === 'metric');
        fc.pre(mechanisms.length > 0 && metrics.length > 0);
        const source = (mechanisms[pickMechanism % mechanisms.length] as MapNode).id;
        const target = (metrics[pickMetric % metrics.length] as MapNode).id;
        const added = [...links, { id: 'added', source, target }];
        const addedClass = classifyLinks(nodes, added).at(-1);
        expect(['usable', 'duplicate']).toContain(addedClass);
        const after = goalsWithExecutionPath(nodes, added);
        for (const goal of goalsWithExecutionPath(nodes, links)) expect(after.has(goal)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports exactly the goals without a path, with findings in order and in both languages', () => {
    fc.assert(
      fc.property(mapArbitrary, ({ nodes, links }) => {
        const findings = validateMap({ nodes, links });
        const withPath = goalsWithExecutionPath(nodes, links);
        const flagged = findings
          .filter((f) => f.code === 'goal-without-execution-path')
          .map((f) => f.nodeIds[0]);
        expect(flagged).toEqual(
          nodes.filter((n) => n.kind === 'goal' && !withPath.has(n.id)).map((n) => n.id),
        );
        const position = new Map(nodes.map((n, i) => [n.id, i]));
        let last: [number, number] = [-1, -1];
        for (const f of findings) {
          const key: [number, number] = [
            SEVERITIES.indexOf(f.severity),
            position.get(f.nodeIds[0] ?? '') ?? nodes.length,
          ];
          expect(key[0] > last[0] || (key[0] === last[0] && key[1] >= last[1])).toBe(true);
          last = key;
          expect(f.message.en.length).toBeGreaterThan(0);
          expect(f.message['zh-CN'].length).toBeGreaterThan(0);
        }
        // Every cycle link is reported in exactly one cycle finding.
        const analysis = analyseLinks(nodes, links);
        const cycleLinks = links.filter((_, i) => analysis.linkClass[i] === 3).map((l) => l.id);
        const reported = findings.filter((f) => f.code === 'link-cycle').flatMap((f) => f.linkIds);
        expect(reported.sort()).toEqual(cycleLinks.sort());
      }),
      { numRuns: RUNS },
    );
  });
});

describe('NodeIndex (property)', () => {
  it('finds the first node with an id, and -1 for unknown ids, like a Map', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }),
        (ids, probes) => {
          const first = new Map<string, number>();
          ids.forEach((id, i) => {
            if (!first.has(id)) first.set(id, i);
          });
          const index = new NodeIndex(ids.map((id) => ({ id })));
          const ends = [...ids, ...probes];
          const links = ends.map((id, i) => ({ source: id, target: ends[ends.length - 1 - i] as string }));
          const sources = new Int32Array(links.length);
          const targets = new Int32Array(links.length);
          index.indexLinks(links, sources, targets);
          links.forEach((link, i) => {
            expect(index.indexOf(link.source)).toBe(first.get(link.source) ?? -1);
            expect(sources[i]).toBe(first.get(link.source) ?? -1);
            expect(targets[i]).toBe(first.get(link.target) ?? -1);
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
