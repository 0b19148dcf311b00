import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyLinks, goalsWithExecutionPath } from '../../shared/graph';
import { CheckinIndex } from '../../shared/model/checkins';
import type { MechanismFunction, NodeKind } from '../../shared/model/kinds';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapLink, MapNode, MapNodeInput } from '../../shared/model/types';
import { FINDING_CODES, type Finding, type FindingCode, SEVERITIES } from '../../shared/validation/findings';
import { flagsOfFindings } from '../../shared/validation/node-flags';
import { healthSummary } from '../../shared/validation/summary';
import { FINDING_SEVERITY, type ValidatorInput, validateMap } from '../../shared/validation/validate';

// ---------------------------------------------------------------------------------------------
// Small maps written by hand. Every node has an owner and every metric a baseline and target
// unless a test says otherwise, so each test sees only the findings it is about.

type Extra = Partial<Omit<MapNodeInput, 'id' | 'kind'>> & Record<string, unknown>;

function make(kind: NodeKind, id: string, extra: Extra = {}): MapNode {
  const defaults = kind === 'metric' ? { baseline: 1, target: 2 } : {};
  return MapNodeSchema.parse({ id, kind, title: `Title ${id}`, owner: 'Ann', ...defaults, ...extra });
}
const goal = (id: string, extra?: Extra) => make('goal', id, extra);
const mech = (id: string, fn: MechanismFunction = 'operations', extra?: Extra) =>
  make('mechanism', id, { function: fn, ...extra });
const metric = (id: string, extra?: Extra) => make('metric', id, extra);

/** Links written as "a>b" (id "a>b"); "a>b#2" for a second copy. */
function links(...specs: string[]): MapLink[] {
  return specs.map((spec) => {
    const [pair = '', copy] = spec.split('#');
    const [source = '', target = ''] = pair.split('>');
    return { id: `${source}-${target}${copy ? `-${copy}` : ''}`, source, target };
  });
}

function findings(nodes: MapNode[], mapLinks: MapLink[], code?: FindingCode): Finding[] {
  const all = validateMap({ nodes, links: mapLinks });
  return code ? all.filter((f) => f.code === code) : all;
}
const flagged = (nodes: MapNode[], mapLinks: MapLink[], code: FindingCode) =>
  findings(nodes, mapLinks, code).map((f) => f.nodeIds[0]);

// ---------------------------------------------------------------------------------------------

describe('goal-without-execution-path', () => {
  const code = 'goal-without-execution-path';

  it('flags a goal with nothing under it', () => {
    expect(flagged([goal('g')], [], code)).toEqual(['g']);
  });

  it('passes a goal → measured mechanism', () => {
    const nodes = [goal('g'), mech('m'), metric('k')];
    expect(flagged(nodes, links('g>m', 'm>k'), code)).toEqual([]);
  });

  it('flags a goal whose only metric is an outcome metric, and says so', () => {
    const found = findings([goal('g'), metric('k')], links('g>k'), code);
    expect(found.map((f) => f.nodeIds[0])).toEqual(['g']);
    expect(found[0]?.message.en).toContain('outcome metric');
    expect(found[0]?.message['zh-CN']).toContain('结果指标');
  });

  it('flags a goal whose mechanism has no metric', () => {
    expect(flagged([goal('g'), mech('m')], links('g>m'), code)).toEqual(['g']);
  });

  it('counts a path through a sub-goal and through enabling mechanisms', () => {
    const nodes = [goal('g1'), goal('g2'), mech('m1'), mech('m2'), metric('k')];
    expect(flagged(nodes, links('g1>g2', 'g2>m1', 'm1>m2', 'm2>k'), code)).toEqual([]);
  });

  it('does not count a path through a metric', () => {
    // g → k (outcome) and k → m (forbidden) → k2: the only route to m passes through a metric.
    const nodes = [goal('g'), metric('k'), mech('m'), metric('k2')];
    expect(flagged(nodes, links('g>k', 'k>m', 'm>k2'), code)).toEqual(['g']);
  });

  it('does not count a forbidden link', () => {
    // m → g points back up: m is measured but does not execute g.
    const nodes = [goal('g'), mech('m'), metric('k')];
    expect(flagged(nodes, links('m>g', 'm>k'), code)).toEqual(['g']);
  });

  it('does not count links inside a cycle of mechanisms', () => {
    // g → m1 ⇄ m2 → k: m1 → m2 lies on the cycle, so g reaches no measured mechanism.
    const nodes = [goal('g'), mech('m1'), mech('m2'), metric('k')];
    expect(flagged(nodes, links('g>m1', 'm1>m2', 'm2>m1', 'm2>k'), code)).toEqual(['g']);
  });

  it('does not count links inside a cycle of goals', () => {
    // g1 ⇄ g2, g2 → m → k: g2 has its own path, g1 only reaches it through the cycle.
    const nodes = [goal('g1'), goal('g2'), mech('m'), metric('k')];
    expect(flagged(nodes, links('g1>g2', 'g2>g1', 'g2>m', 'm>k'), code)).toEqual(['g1']);
  });

  it('does not count a self-link or a dangling link', () => {
    const nodes = [goal('g'), mech('m'), metric('k')];
    expect(flagged(nodes, links('g>g', 'g>ghost', 'ghost>m', 'm>k'), code)).toEqual(['g']);
  });

  it('still counts a link that leads into a cycle from outside it', () => {
    // g → m1, m1 ⇄ m2, m1 → k: g → m1 is not on the cycle and m1 is measured.
    const nodes = [goal('g'), mech('m1'), mech('m2'), metric('k')];
    expect(flagged(nodes, links('g>m1', 'm1>m2', 'm2>m1', 'm1>k'), code)).toEqual([]);
  });

  it('is an error', () => {
    expect(findings([goal('g')], [], code)[0]?.severity).toBe('error');
  });
});

describe('goal-without-closed-loop', () => {
  const code = 'goal-without-closed-loop';

  it('flags a goal whose mechanisms are all marketing, also through a sub-goal', () => {
    const nodes = [goal('g1'), goal('g2'), mech('m1', 'marketing'), mech('m2', 'marketing'), metric('k')];
    const found = flagged(nodes, links('g1>g2', 'g2>m1', 'g1>m2', 'm1>k', 'm2>k'), code);
    expect(found).toEqual(['g1', 'g2']);
  });

  it('passes a goal with one converting mechanism next to the marketing ones', () => {
    const nodes = [goal('g'), mech('m1', 'marketing'), mech('m2', 'operations'), metric('k')];
    expect(flagged(nodes, links('g>m1', 'g>m2', 'm1>k', 'm2>k'), code)).toEqual([]);
  });

  it('passes a marketing mechanism that enables a converting one', () => {
    const nodes = [goal('g'), mech('m1', 'marketing'), mech('m2', 'sales'), metric('k')];
    expect(flagged(nodes, links('g>m1', 'm1>m2', 'm2>k'), code)).toEqual([]);
  });

  it('does not flag a goal with no mechanism at all (that is a missing path instead)', () => {
    expect(flagged([goal('g')], [], code)).toEqual([]);
  });

  it('is a warning', () => {
    const found = findings([goal('g'), mech('m', 'marketing')], links('g>m'), code);
    expect(found[0]?.severity).toBe('warning');
  });
});

describe('mechanism-serves-no-goal', () => {
  const code = 'mechanism-serves-no-goal';

  it('flags a mechanism no goal leads to', () => {
    expect(flagged([mech('m')], [], code)).toEqual(['m']);
  });

  it('passes a mechanism reached from a goal directly or through another mechanism', () => {
    const nodes = [goal('g'), mech('m1'), mech('m2')];
    expect(flagged(nodes, links('g>m1', 'm1>m2'), code)).toEqual([]);
  });

  it('flags a mechanism whose only link to a goal points the wrong way', () => {
    expect(flagged([goal('g'), mech('m')], links('m>g'), code)).toEqual(['m']);
  });
});

describe('mechanism-without-metric', () => {
  const code = 'mechanism-without-metric';

  it('flags a mechanism with no metric', () => {
    expect(flagged([goal('g'), mech('m')], links('g>m'), code)).toEqual(['m']);
  });

  it('passes a measured mechanism', () => {
    expect(flagged([mech('m'), metric('k')], links('m>k'), code)).toEqual([]);
  });

  it('flags a mechanism whose only metric link points the wrong way', () => {
    expect(flagged([mech('m'), metric('k')], links('k>m'), code)).toEqual(['m']);
  });
});

describe('metric-unlinked', () => {
  const code = 'metric-unlinked';

  it('flags a metric linked to nothing', () => {
    expect(flagged([metric('k')], [], code)).toEqual(['k']);
  });

  it('passes a metric measured for a mechanism or a goal', () => {
    expect(flagged([mech('m'), metric('k')], links('m>k'), code)).toEqual([]);
    expect(flagged([goal('g'), metric('k')], links('g>k'), code)).toEqual([]);
  });

  it('flags a metric whose only link is forbidden', () => {
    expect(flagged([mech('m'), metric('k')], links('k>m'), code)).toEqual(['k']);
  });
});

describe('metric-without-target-or-baseline', () => {
  const code = 'metric-without-target-or-baseline';

  it('flags a metric missing a target, a baseline or both, and says which', () => {
    const nodes = [
      metric('both', { baseline: null, target: null }),
      metric('target', { target: null }),
      metric('baseline', { baseline: null }),
    ];
    const found = findings(nodes, [], code);
    expect(found.map((f) => f.nodeIds[0])).toEqual(['both', 'target', 'baseline']);
    expect(found[0]?.message.en).toContain('neither a baseline nor a target');
    expect(found[1]?.message.en).toContain('no target');
    expect(found[2]?.message.en).toContain('no baseline');
    expect(found[0]?.message['zh-CN']).toContain('既没有基线值也没有目标值');
    expect(found[1]?.message['zh-CN']).toContain('没有目标值');
    expect(found[2]?.message['zh-CN']).toContain('没有基线值');
  });

  it('passes a metric with both, including zero', () => {
    expect(flagged([metric('k', { baseline: 0, target: 0 })], [], code)).toEqual([]);
  });
});

describe('node-without-owner', () => {
  const code = 'node-without-owner';

  it('flags nodes of every kind with an empty or blank owner, as info', () => {
    const nodes = [
      goal('g', { owner: '' }),
      mech('m', 'operations', { owner: '  ' }),
      metric('k', { owner: '' }),
    ];
    const found = findings(nodes, [], code);
    expect(found.map((f) => f.nodeIds[0])).toEqual(['g', 'm', 'k']);
    expect(found.every((f) => f.severity === 'info')).toBe(true);
  });

  it('passes a node with an owner', () => {
    expect(flagged([goal('g')], [], code)).toEqual([]);
  });
});

describe('node-empty-title', () => {
  const code = 'node-empty-title';

  it('flags an empty or blank title and names the node as untitled elsewhere', () => {
    const nodes = [goal('g', { title: '' }), mech('m', 'operations', { title: '   ' })];
    expect(flagged(nodes, [], code)).toEqual(['g', 'm']);
    const noPath = findings(nodes, [], 'goal-without-execution-path')[0];
    expect(noPath?.message.en).toContain('untitled goal');
    expect(noPath?.message['zh-CN']).toContain('未命名目标');
    const noGoal = findings(nodes, [], 'mechanism-serves-no-goal')[0];
    expect(noGoal?.message.en).toContain('untitled mechanism');
    expect(noGoal?.message['zh-CN']).toContain('未命名运营机制');
  });

  it('passes a node with a title', () => {
    expect(flagged([goal('g')], [], code)).toEqual([]);
  });
});

describe('link-forbidden', () => {
  const code = 'link-forbidden';
  const nodes = [goal('g'), mech('m'), metric('k')];

  it('flags a link into a goal, out of a metric, and a self-link, saying why', () => {
    const found = findings(nodes, links('m>g', 'k>m', 'g>g'), code);
    expect(found.map((f) => f.linkIds)).toEqual([['g-g'], ['m-g'], ['k-m']]);
    expect(found.map((f) => f.nodeIds)).toEqual([['g'], ['m', 'g'], ['k', 'm']]);
    const [self, intoGoal, outOfMetric] = found;
    expect(self?.message.en).toContain('cannot point to itself');
    expect(intoGoal?.message.en).toContain('only a goal can point to a goal');
    expect(outOfMetric?.message.en).toContain('a metric cannot point to anything');
    expect(self?.message['zh-CN']).toContain('不能指向自身');
    expect(intoGoal?.message['zh-CN']).toContain('只有目标可以指向目标');
    expect(outOfMetric?.message['zh-CN']).toContain('指标不能指向任何节点');
    expect(found.every((f) => f.severity === 'error')).toBe(true);
  });

  it('passes every allowed link', () => {
    const all = [goal('g1'), goal('g2'), mech('m1'), mech('m2'), metric('k')];
    expect(findings(all, links('g1>g2', 'g1>m1', 'm1>m2', 'm2>k', 'g1>k'), code)).toEqual([]);
  });
});

describe('link-dangling', () => {
  const code = 'link-dangling';

  it('flags a link with a missing end, naming the missing id and taking the user to the other end', () => {
    const found = findings([goal('g'), mech('m')], links('g>ghost', 'phantom>m', 'x>y'), code);
    expect(found.map((f) => f.nodeIds)).toEqual([['g'], ['m'], []]);
    expect(found.map((f) => f.linkIds)).toEqual([['g-ghost'], ['phantom-m'], ['x-y']]);
    expect(found[0]?.message.en).toContain('"ghost"');
    expect(found[1]?.message.en).toContain('"phantom"');
    expect(found[2]?.message.en).toMatch(/"x".*"y"/);
    expect(found[0]?.message['zh-CN']).toContain('ghost');
    expect(found.every((f) => f.severity === 'error')).toBe(true);
  });

  it('passes links whose ends exist', () => {
    expect(findings([goal('g'), mech('m')], links('g>m'), code)).toEqual([]);
  });
});

describe('link-duplicate', () => {
  const code = 'link-duplicate';

  it('flags the second and later copies, not the first', () => {
    const found = findings([goal('g'), mech('m')], links('g>m', 'g>m#2', 'g>m#3'), code);
    expect(found.map((f) => f.linkIds)).toEqual([['g-m-2'], ['g-m-3']]);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('still counts the first copy towards the path', () => {
    const nodes = [goal('g'), mech('m'), metric('k')];
    expect(flagged(nodes, links('g>m', 'g>m#2', 'm>k'), 'goal-without-execution-path')).toEqual([]);
  });

  it('does not flag the same two nodes linked in opposite directions', () => {
    expect(findings([goal('g1'), goal('g2')], links('g1>g2', 'g2>g1'), code)).toEqual([]);
  });
});

describe('link-cycle', () => {
  const code = 'link-cycle';

  it('reports one finding per cycle, listing its nodes and links', () => {
    const nodes = [goal('g1'), goal('g2'), mech('m1'), mech('m2'), mech('m3'), metric('k')];
    const mapLinks = links('g1>g2', 'g2>g1', 'm1>m2', 'm2>m3', 'm3>m1', 'g1>m1', 'm3>k');
    const found = findings(nodes, mapLinks, code);
    expect(found).toHaveLength(2);
    expect(found[0]?.nodeIds).toEqual(['g1', 'g2']);
    expect(found[0]?.linkIds).toEqual(['g1-g2', 'g2-g1']);
    expect(found[1]?.nodeIds).toEqual(['m1', 'm2', 'm3']);
    expect(found[1]?.linkIds).toEqual(['m1-m2', 'm2-m3', 'm3-m1']);
    expect(found[1]?.message.en).toContain('"Title m1", "Title m2", "Title m3"');
    expect(found[1]?.message['zh-CN']).toContain('“Title m1”、“Title m2”、“Title m3”');
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    // The links into and out of the cycle are not cycle links.
    expect(classifyLinks(nodes, mapLinks)).toEqual([
      'cycle',
      'cycle',
      'cycle',
      'cycle',
      'cycle',
      'usable',
      'usable',
    ]);
  });

  it('names the first few nodes of a long cycle and counts the rest', () => {
    const nodes = Array.from({ length: 8 }, (_, i) => mech(`m${i}`));
    const mapLinks = links(...nodes.map((_, i) => `m${i}>m${(i + 1) % 8}`));
    const [found] = findings(nodes, mapLinks, code);
    expect(found?.nodeIds).toHaveLength(8);
    expect(found?.message.en).toContain('and 3 more');
    expect(found?.message['zh-CN']).toContain('等 8 个节点');
  });

  it('does not flag a diamond, which has two paths but no cycle', () => {
    const nodes = [goal('g'), mech('m1'), mech('m2'), mech('m3')];
    expect(findings(nodes, links('g>m1', 'm1>m2', 'm1>m3', 'm2>m3'), code)).toEqual([]);
  });

  it('handles very long chains and cycles without recursion', () => {
    const size = 50_000;
    const nodes = Array.from({ length: size }, (_, i) => mech(`m${i}`));
    nodes.unshift(goal('g'));
    nodes.push(metric('k'));
    const chain = links('g>m0', ...nodes.slice(1, size).map((_, i) => `m${i}>m${i + 1}`), `m${size - 1}>k`);
    expect(goalsWithExecutionPath(nodes, chain)).toEqual(new Set(['g']));
    const cycle = [...chain, ...links(`m${size - 1}>m0`)];
    const found = findings(nodes, cycle, code);
    expect(found).toHaveLength(1);
    expect(found[0]?.nodeIds).toHaveLength(size);
    expect(goalsWithExecutionPath(nodes, cycle)).toEqual(new Set());
  });
});

// ---------------------------------------------------------------------------------------------

/** A map with something of everything wrong with it. */
function everythingWrong(): ValidatorInput {
  const nodes = [
    goal('g1', { title: 'Grow revenue' }),
    goal('g2', { title: 'Launch brand', owner: '' }),
    goal('g3', { title: '' }),
    mech('m1', 'marketing', { title: 'Livestream campaign' }),
    mech('m2', 'operations', { title: 'Coupon guide' }),
    mech('m3', 'operations', { title: 'Orphan process' }),
    mech('m4', 'sales', { title: 'Loop A' }),
    mech('m5', 'sales', { title: 'Loop B' }),
    make('mechanism', 'm6', { title: 'Function unknown' }),
    metric('k1', { title: 'Conversion rate' }),
    metric('k2', { title: 'Brand reach', target: null }),
    metric('k3', { title: 'Lonely metric', cadence: 'monthly' }),
  ];
  const mapLinks = links(
    'g1>m2',
    'm2>k1',
    'g2>m1',
    'm1>k2',
    'm4>m5',
    'm5>m4',
    'm3>g1',
    'k1>m2',
    'g1>ghost',
    'g1>m2#2',
  );
  // k3's only number is a year older than its monthly cadence allows: stale.
  const history = new CheckinIndex([
    { id: 'c1', metric: 'k3', date: '2025-01-31', value: 1, confidence: null, note: '', by: '' },
  ]);
  return { nodes, links: mapLinks, history, today: '2026-02-01' };
}

describe('validateMap as a whole', () => {
  it('produces every finding code on a map with everything wrong', () => {
    const found = validateMap(everythingWrong());
    expect(new Set(found.map((f) => f.code))).toEqual(new Set(FINDING_CODES));
  });

  it('gives every finding the severity of its code', () => {
    for (const f of validateMap(everythingWrong())) expect(f.severity).toBe(FINDING_SEVERITY[f.code]);
  });

  it('orders findings by severity, then by node order in the map', () => {
    const map = everythingWrong();
    const position = new Map(map.nodes.map((n, i) => [n.id, i]));
    const found = validateMap(map);
    const order = found.map((f) => [SEVERITIES.indexOf(f.severity), position.get(f.nodeIds[0] ?? '') ?? 1e9]);
    const sorted = [...order].sort(
      (a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number),
    );
    expect(order).toEqual(sorted);
    expect(found[0]?.severity).toBe('error');
    expect(found.at(-1)?.severity).toBe('info');
  });

  it('gives the canvas the same badges from the findings as from their plain copies', () => {
    const found = validateMap(everythingWrong());
    const plain = JSON.parse(JSON.stringify(found)) as Finding[];
    const flags = flagsOfFindings(found);
    expect(flags).toEqual(flagsOfFindings(plain));
    // Each node's count is the number of findings naming it, its severity the worst of them.
    const named = plain.flatMap((f) => f.nodeIds);
    expect([...flags.nodes.keys()].sort()).toEqual([...new Set(named)].sort());
    for (const [id, flag] of flags.nodes) expect(flag.count).toBe(named.filter((n) => n === id).length);
    expect(flags.links).toEqual(new Set(plain.flatMap((f) => f.linkIds)));
  });

  it('is deterministic', () => {
    // As JSON: node lists and messages are read through getters, which toEqual does not compare.
    const once = JSON.stringify(validateMap(everythingWrong()));
    expect(JSON.parse(once).length).toBeGreaterThan(5);
    expect(JSON.stringify(validateMap(everythingWrong()))).toBe(once);
  });

  it('writes every message in both languages, naming nodes by title in quotes', () => {
    const map = everythingWrong();
    const titles = new Map(map.nodes.map((n) => [n.id, n.title]));
    for (const f of validateMap(map)) {
      expect(f.message.en.trim()).not.toBe('');
      expect(f.message['zh-CN'].trim()).not.toBe('');
      expect(f.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(f.message.en).not.toMatch(/undefined|null|\[object/);
      expect(f.message['zh-CN']).not.toMatch(/undefined|null|\[object/);
      const first = titles.get(f.nodeIds[0] ?? '');
      if (first && f.code !== 'node-empty-title') {
        expect(f.message.en).toContain(`"${first}"`);
        expect(f.message['zh-CN']).toContain(`“${first}”`);
      }
      expect(f.nodeIds.every((id) => titles.has(id))).toBe(true);
    }
  });

  it('finds nothing wrong with a complete, sound map', () => {
    const nodes = [goal('g'), goal('g2'), mech('m1', 'marketing'), mech('m2', 'operations'), metric('k')];
    expect(validateMap({ nodes, links: links('g>g2', 'g2>m1', 'm1>m2', 'm1>k', 'm2>k', 'g>k') })).toEqual([]);
  });

  it('finds nothing on an empty map', () => {
    expect(validateMap({ nodes: [], links: [] })).toEqual([]);
  });
});

describe('healthSummary', () => {
  it('counts goals with a path and findings by severity', () => {
    const map = everythingWrong();
    const found = validateMap(map);
    const summary = healthSummary(map.nodes, found);
    expect(summary.goals).toBe(3);
    expect(summary.goalsWithPath).toBe(goalsWithExecutionPath(map.nodes, map.links).size);
    expect(summary.goalsWithPath).toBe(2);
    expect(summary.errors).toBe(found.filter((f) => f.severity === 'error').length);
    expect(summary.warnings).toBe(found.filter((f) => f.severity === 'warning').length);
    expect(summary.infos).toBe(found.filter((f) => f.severity === 'info').length);
    expect(summary.errors + summary.warnings + summary.infos).toBe(found.length);
  });

  it('is all zero for an empty map', () => {
    expect(healthSummary([], [])).toEqual({
      goals: 0,
      goalsWithPath: 0,
      goalsWithoutClosedLoop: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
    });
  });
});

describe('shared/validation stays pure', () => {
  it('imports nothing but zod and relative modules', () => {
    const dir = fileURLToPath(new URL('../../shared/validation/', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const [, from] of source.matchAll(/\bfrom\s+'([^']+)'/g)) {
        expect(from === 'zod' || from?.startsWith('.'), `${file} imports ${from}`).toBe(true);
      }
      expect(source, file).not.toMatch(/\brequire\(|import\(/);
    }
  });
});

describe('findings as values', () => {
  it('write their sentences once, when first read, and serialise with them like plain findings', () => {
    const [finding] = findings([goal('g', { title: 'Grow revenue' })], [], 'goal-without-execution-path');
    if (!finding) throw new Error('expected a finding');
    const first = finding.message;
    expect(finding.message).toBe(first);
    expect(first.en).toBe(
      'The goal "Grow revenue" has no execution path: no mechanism under it is measured by a metric. Link it to a mechanism and give that mechanism a metric.',
    );
    expect(first['zh-CN']).toContain('目标“Grow revenue”没有执行路径');
    expect(JSON.parse(JSON.stringify(finding))).toEqual({
      code: 'goal-without-execution-path',
      severity: 'error',
      nodeIds: ['g'],
      linkIds: [],
      message: first,
    });
  });

  it('keep the same node list from one read to the next, so views can compare findings by it', () => {
    const all = findings([goal('g'), mech('m', 'operations', { owner: '' })], links('m>ghost'));
    for (const finding of all) expect(finding.nodeIds).toBe(finding.nodeIds);
    expect(all.find((f) => f.code === 'node-without-owner')?.nodeIds).toEqual(['m']);
    expect(all.find((f) => f.code === 'link-dangling')?.nodeIds).toEqual(['m']);
  });

  it('never share a list anyone could add to', () => {
    const all = findings([goal('g'), mech('m', 'operations', { owner: '' })], []);
    expect(all.length).toBeGreaterThan(2);
    for (const finding of all) {
      expect(Object.isFrozen(finding.linkIds) || finding.linkIds.length > 0).toBe(true);
    }
    // Each finding has its own node list.
    expect(new Set(all.map((f) => f.nodeIds)).size).toBe(all.length);
  });
});
