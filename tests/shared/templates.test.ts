import { describe, expect, it } from 'vitest';
import {
  checkNewLink,
  LANE_OF_KIND,
  type MapContent,
  MapContentSchema,
  MapNameSchema,
  type MapNode,
} from '../../shared/model';
import { LANGUAGES, type Language } from '../../shared/model/language';
import {
  isTemplateId,
  LANE_X,
  lanePositions,
  ROW_GAP,
  TEMPLATE_IDS,
  TEMPLATES,
  templateContent,
  templateName,
  templateSummary,
} from '../../shared/templates';
import { validateMap } from '../../shared/validation';

const CHINESE = /[\u3400-\u9fff]/;
/** Node boxes on the canvas are about this size; no two may overlap. */
const BOX = { width: 280, height: 110 };
const GAP_TEMPLATE = 'product-launch-gap';

/** Every human-readable text of a map, so a language check misses nothing. */
function texts(content: MapContent): string[] {
  return content.nodes.flatMap((n) => {
    const common = [n.title, n.description, n.owner];
    if (n.kind === 'goal') return [...common, n.horizon];
    if (n.kind === 'metric') return [...common, n.unit, n.source];
    return common;
  });
}

const cases = TEMPLATE_IDS.flatMap((id) => LANGUAGES.map((language) => [id, language] as const));

describe('map templates', () => {
  it('lists every template once, in the order of TEMPLATE_IDS, among them the seed examples and frameworks', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    expect(new Set(TEMPLATE_IDS).size).toBe(TEMPLATE_IDS.length);
    for (const id of [
      'data-driven-growth',
      'checkout-conversion',
      'shopping-festival',
      'early-education-trust',
      'social-commerce-retention',
      'product-launch-gap',
      'mission-stages',
      'balanced-scorecard',
      'okrs',
      'aarrr-funnel',
    ]) {
      expect(isTemplateId(id)).toBe(true);
    }
    expect(isTemplateId('nope')).toBe(false);
  });

  it.each(cases)('%s (%s) has a valid name and a one-line description', (id, language) => {
    expect(MapNameSchema.safeParse(templateName(id, language)).success).toBe(true);
    const summary = templateSummary(id, language);
    expect(summary.length).toBeGreaterThan(10);
    expect(summary.length).toBeLessThanOrEqual(120);
    expect(summary).not.toContain('\n');
  });

  it.each(cases)('%s (%s) parses as map content with unique ids and 8 to 20 nodes', (id, language) => {
    const content = templateContent(id, language);
    expect(MapContentSchema.parse(content)).toEqual(content);
    expect(content.nodes.length).toBeGreaterThanOrEqual(8);
    expect(content.nodes.length).toBeLessThanOrEqual(20);
    const nodeIds = content.nodes.map((n) => n.id);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    const linkIds = content.links.map((l) => l.id);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    expect(content.nodes.some((n) => n.kind === 'goal')).toBe(true);
  });

  it.each(cases)('%s (%s) has only links the canvas would allow', (id, language) => {
    const { nodes, links } = templateContent(id, language);
    const context = { nodes: new Map(nodes.map((n) => [n.id, n])), links: [] as typeof links };
    for (const link of links) {
      const verdict = checkNewLink(context, link.source, link.target);
      expect(verdict, `${link.source} → ${link.target}`).toMatchObject({ ok: true });
      context.links.push(link);
    }
  });

  it.each(cases)('%s (%s) is laid out in three lanes with no overlapping nodes', (id, language) => {
    const { nodes, links } = templateContent(id, language);
    for (const n of nodes) expect(n.position.x, n.id).toBe(LANE_X[LANE_OF_KIND[n.kind]]);
    for (const [i, a] of nodes.entries()) {
      for (const b of nodes.slice(i + 1)) {
        const apart =
          Math.abs(a.position.x - b.position.x) >= BOX.width ||
          Math.abs(a.position.y - b.position.y) >= BOX.height;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
        if (a.position.x === b.position.x) {
          expect(Math.abs(a.position.y - b.position.y), `${a.id} / ${b.id}`).toBeGreaterThanOrEqual(140);
        }
      }
    }
    // Children in another lane sit near a parent: within a few rows of the first node linking to them.
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const n of nodes) {
      const first = links.find((l) => l.target === n.id);
      const parent = first ? byId.get(first.source) : undefined;
      if (!parent || parent.position.x === n.position.x) continue;
      expect(Math.abs(n.position.y - parent.position.y), `${n.id} far from ${parent.id}`).toBeLessThanOrEqual(
        4 * ROW_GAP,
      );
    }
  });

  it.each(cases)('%s (%s) is written in its language', (id, language) => {
    const all = [
      templateName(id, language),
      templateSummary(id, language),
      ...texts(templateContent(id, language)),
    ];
    if (language === 'en') {
      expect(all.filter((s) => CHINESE.test(s))).toEqual([]);
    } else {
      const { nodes } = templateContent(id, language);
      const prose = [
        templateName(id, language),
        templateSummary(id, language),
        ...nodes.flatMap((n) => [n.title, n.description, n.owner]),
      ];
      expect(prose.filter((s) => !CHINESE.test(s))).toEqual([]);
    }
  });

  it.each(cases)(
    '%s (%s) gives every node an owner and every metric a baseline and target',
    (id, language) => {
      for (const n of templateContent(id, language).nodes) {
        expect(n.owner.trim(), n.id).not.toBe('');
        expect(n.title.trim(), n.id).not.toBe('');
        if (n.kind === 'metric') {
          expect(n.baseline, n.id).not.toBeNull();
          expect(n.target, n.id).not.toBeNull();
          expect(n.target, n.id).not.toBe(n.baseline);
          expect(n.cadence, n.id).not.toBeNull();
          expect(n.unit, n.id).not.toBe('');
        }
        if (n.kind === 'goal') expect(n.horizon, n.id).not.toBe('');
      }
    },
  );

  it.each(cases.filter(([id]) => id !== GAP_TEMPLATE))('%s (%s) has no findings at all', (id, language) => {
    const findings = validateMap(templateContent(id, language));
    expect(findings.map((f) => `${f.severity} ${f.code}: ${f.message.en}`)).toEqual([]);
  });

  it.each(LANGUAGES)('flags the deliberate gap of the product launch (%s)', (language: Language) => {
    const content = templateContent(GAP_TEMPLATE, language);
    const findings = validateMap(content);
    const codes = new Set(findings.map((f) => f.code));
    // Only the gap: no path for the purchase goal, and marketing with nothing converting behind it.
    expect([...codes].sort()).toEqual(['goal-without-closed-loop', 'goal-without-execution-path']);
    const noPath = findings.filter((f) => f.code === 'goal-without-execution-path');
    expect(noPath.map((f) => f.nodeIds)).toEqual([['g-purchase']]);
    expect(noPath[0]?.severity).toBe('error');
    const mechanisms = content.nodes.filter(
      (n): n is Extract<MapNode, { kind: 'mechanism' }> => n.kind === 'mechanism',
    );
    expect(mechanisms.length).toBeGreaterThan(0);
    expect(mechanisms.every((m) => m.function === 'marketing')).toBe(true);
  });

  it('gives a template the same structure in both languages', () => {
    for (const id of TEMPLATE_IDS) {
      const en = templateContent(id, 'en');
      const zh = templateContent(id, 'zh-CN');
      const shape = (c: MapContent) => ({
        nodes: c.nodes.map((n) => ({
          ...n,
          title: '',
          description: '',
          owner: '',
          horizon: '',
          unit: '',
          source: '',
        })),
        links: c.links,
      });
      expect(shape(zh)).toEqual(shape(en));
    }
  });

  it('returns a fresh copy each time, so a caller cannot change the template', () => {
    const first = templateContent('okrs', 'en');
    (first.nodes[0] as MapNode).position.x = 999;
    first.links.pop();
    const second = templateContent('okrs', 'en');
    expect(second.nodes[0]?.position.x).toBe(0);
    expect(second.links.length).toBe(first.links.length + 1);
  });
});

describe('lanePositions', () => {
  it('places children beside their parent and keeps one lane’s nodes a row apart', () => {
    const positions = lanePositions(
      [
        { id: 'g', kind: 'goal' },
        { id: 'm1', kind: 'mechanism' },
        { id: 'm2', kind: 'mechanism' },
        { id: 'k1', kind: 'metric' },
        { id: 'k2', kind: 'metric' },
      ],
      [
        { source: 'g', target: 'm1' },
        { source: 'g', target: 'm2' },
        { source: 'm1', target: 'k1' },
        { source: 'm2', target: 'k2' },
      ],
    );
    expect(positions.get('m1')).toEqual({ x: LANE_X[1], y: 0 });
    expect(positions.get('k1')).toEqual({ x: LANE_X[2], y: 0 });
    expect(positions.get('m2')).toEqual({ x: LANE_X[1], y: ROW_GAP });
    expect(positions.get('k2')).toEqual({ x: LANE_X[2], y: ROW_GAP });
    // The goal moves to the middle of its mechanisms.
    expect(positions.get('g')).toEqual({ x: LANE_X[0], y: ROW_GAP / 2 });
  });

  it('keeps the Operations lane empty beside an outcome metric, and survives odd links', () => {
    const positions = lanePositions(
      [
        { id: 'g', kind: 'goal' },
        { id: 'k', kind: 'metric' },
        { id: 'm', kind: 'mechanism' },
        { id: 'lonely', kind: 'metric' },
      ],
      [
        { source: 'g', target: 'k' },
        { source: 'g', target: 'm' },
        { source: 'k', target: 'g' },
        { source: 'm', target: 'm' },
        { source: 'g', target: 'ghost' },
      ],
    );
    expect(positions.get('g')?.y).toBe(0);
    expect(positions.get('k')).toEqual({ x: LANE_X[2], y: 0 });
    expect(positions.get('m')).toEqual({ x: LANE_X[1], y: ROW_GAP });
    expect(positions.get('lonely')?.x).toBe(LANE_X[2]);
    expect(positions.get('lonely')?.y).toBeGreaterThanOrEqual(ROW_GAP);
  });
});
