import { describe, expect, it } from 'vitest';
import { parseInterchange } from '../../shared/interchange/format';
import { createNode } from '../../shared/model/factory';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapLink, MapNode } from '../../shared/model/types';
import { TEMPLATE_IDS, templateContent } from '../../shared/templates';
import { FINDING_GROUPS, GROUP_OF_CODE, groupFindings } from '../../shared/validation/finding-groups';
import { FINDING_CODES } from '../../shared/validation/findings';
import { healthSummary } from '../../shared/validation/summary';
import { validateMap } from '../../shared/validation/validate';

// Issue 13 ("Offsite-ready"), points 4 and 6: a mechanism's function starts unset, unset is a
// finding and not a converting function, and findings are grouped with the strategy first.

const node = (raw: Record<string, unknown>): MapNode =>
  MapNodeSchema.parse({ owner: 'Ann', title: `Title ${String(raw.id)}`, ...raw });
const link = (source: string, target: string): MapLink => ({ id: `${source}-${target}`, source, target });

/** A goal whose only mechanism is "TV ads", measured, with no function ever chosen. */
function tvAdsMap(): { nodes: MapNode[]; links: MapLink[] } {
  return {
    nodes: [
      node({ id: 'g', kind: 'goal', title: 'Win the north' }),
      node({ id: 'm', kind: 'mechanism', title: 'TV ads' }),
      node({ id: 'k', kind: 'metric', title: 'Reach', baseline: 1, target: 2 }),
    ],
    links: [link('g', 'm'), link('m', 'k')],
  };
}

describe('a mechanism whose function is not set', () => {
  it('starts unset: a new node and a node written without the field', () => {
    const made = createNode('mechanism', 'm', 'TV ads', { x: 0, y: 0 });
    expect(made.kind === 'mechanism' && made.function).toBeNull();
    expect(node({ id: 'm', kind: 'mechanism' })).toMatchObject({ function: null });
  });

  it('is a warning that names the node in both languages and takes the user to it', () => {
    const found = validateMap(tvAdsMap()).filter((f) => f.code === 'mechanism-function-unset');
    expect(found).toHaveLength(1);
    const [finding] = found;
    expect(finding?.severity).toBe('warning');
    expect(finding?.nodeIds).toEqual(['m']);
    expect(finding?.message.en).toContain('"TV ads"');
    expect(finding?.message.en).toContain('no function set');
    expect(finding?.message['zh-CN']).toContain('“TV ads”');
    expect(finding?.message['zh-CN']).toContain('没有设置职能');
  });

  it('does not pass the closed-loop check: the TV-ads-only goal is flagged, saying functions are unset', () => {
    const found = validateMap(tvAdsMap()).filter((f) => f.code === 'goal-without-closed-loop');
    expect(found.map((f) => f.nodeIds[0])).toEqual(['g']);
    expect(found[0]?.message.en).toContain('no function set');
    expect(found[0]?.message['zh-CN']).toContain('没有设置职能');
  });

  it('closes the loop once set to a converting function, and keeps the marketing wording when all are marketing', () => {
    const map = tvAdsMap();
    const withFunction = (fn: string) => ({
      ...map,
      nodes: map.nodes.map((n) => (n.id === 'm' ? node({ ...n, function: fn }) : n)),
    });
    const converting = validateMap(withFunction('operations')).map((f) => f.code);
    expect(converting).not.toContain('goal-without-closed-loop');
    expect(converting).not.toContain('mechanism-function-unset');
    const marketing = validateMap(withFunction('marketing')).find(
      (f) => f.code === 'goal-without-closed-loop',
    );
    expect(marketing?.message.en).toContain('are marketing');
    expect(marketing?.message.en).not.toContain('no function set');
  });

  it('keeps every finding of a mechanism with everything missing (five on one node)', () => {
    const bare = node({ id: 'm', kind: 'mechanism', title: '', owner: '' });
    const codes = validateMap({ nodes: [bare], links: [] }).map((f) => f.code);
    expect(codes.sort()).toEqual(
      [
        'mechanism-function-unset',
        'mechanism-serves-no-goal',
        'mechanism-without-metric',
        'node-empty-title',
        'node-without-owner',
      ].sort(),
    );
  });

  it('imports from JSON without a function, unset, and keeps explicit ones', () => {
    const parsed = parseInterchange(
      JSON.stringify({
        format: 'throughline-map',
        version: 1,
        name: 'Old file',
        nodes: [
          { id: 'm1', kind: 'mechanism', title: 'No function' },
          { id: 'm2', kind: 'mechanism', title: 'Sales push', function: 'sales' },
        ],
        links: [],
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const fns = parsed.content.nodes.map((n) => (n.kind === 'mechanism' ? n.function : 'n/a'));
    expect(fns).toEqual([null, 'sales']);
  });

  it('never appears on a template: templates keep their explicit functions', () => {
    for (const id of TEMPLATE_IDS) {
      for (const language of ['en', 'zh-CN'] as const) {
        const content = templateContent(id, language);
        const mechanisms = content.nodes.filter((n) => n.kind === 'mechanism');
        expect(mechanisms.length).toBeGreaterThan(0);
        for (const m of mechanisms) expect(m.kind === 'mechanism' && m.function).not.toBeNull();
        expect(validateMap(content).some((f) => f.code === 'mechanism-function-unset')).toBe(false);
      }
    }
  });
});

describe('findings grouped by kind', () => {
  it('puts every code in a group, strategy first and notes last', () => {
    expect(FINDING_GROUPS).toEqual(['strategy', 'links', 'data', 'notes']);
    for (const code of FINDING_CODES) expect(FINDING_GROUPS).toContain(GROUP_OF_CODE[code]);
    expect(GROUP_OF_CODE['goal-without-execution-path']).toBe('strategy');
    expect(GROUP_OF_CODE['goal-without-closed-loop']).toBe('strategy');
    expect(GROUP_OF_CODE['node-without-owner']).toBe('notes');
  });

  it('lists the one strategic warning before data warnings that come earlier on the map', () => {
    // Eight metrics with no target above the marketing-only goal, everyone without an owner.
    const metrics = Array.from({ length: 8 }, (_, i) =>
      node({ id: `k${i}`, kind: 'metric', owner: '', position: { x: 0, y: i } }),
    );
    const nodes = [
      ...metrics,
      node({ id: 'g', kind: 'goal', owner: '', position: { x: 0, y: 100 } }),
      node({ id: 'm', kind: 'mechanism', function: 'marketing', owner: '' }),
    ];
    const links = [link('g', 'm'), ...metrics.map((k) => link('m', k.id))];
    const found = validateMap({ nodes, links });
    // The validator alone orders by severity and node: the strategic warning is not first.
    expect(found.findIndex((f) => f.code === 'goal-without-closed-loop')).toBeGreaterThan(0);
    const groups = groupFindings(found);
    expect(groups.map((g) => g.group)).toEqual(['strategy', 'data', 'notes']);
    expect(groups[0]?.findings.map((f) => f.code)).toEqual(['goal-without-closed-loop']);
    expect(groups.reduce((sum, g) => sum + g.findings.length, 0)).toBe(found.length);
  });

  it('counts the goals with no closed loop in the summary', () => {
    const map = tvAdsMap();
    const summary = healthSummary(map.nodes, validateMap(map));
    expect(summary).toMatchObject({ goals: 1, goalsWithPath: 1, goalsWithoutClosedLoop: 1 });
  });
});
