import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  interchangeJsonSchema,
  parseInterchange,
  safeFileName,
  serializeInterchange,
} from '../../shared/interchange';
import { createNode } from '../../shared/model';

const minimal = {
  format: 'throughline-map',
  version: 1,
  name: 'Plan',
  nodes: [{ id: 'g', kind: 'goal', title: 'Grow' }],
  links: [],
};

describe('JSON interchange format', () => {
  it('fills kind-specific defaults for a hand-written node', () => {
    const parsed = parseInterchange(JSON.stringify(minimal));
    expect(parsed.ok && parsed.content.nodes[0]).toMatchObject({
      kind: 'goal',
      owner: '',
      horizon: '',
      priority: null,
      status: 'proposed',
      position: { x: 0, y: 0 },
    });
  });

  it('round-trips a map through serialize and parse', () => {
    const content = {
      nodes: [
        createNode('goal', 'g', '数据驱动增长', { x: 1, y: 2 }),
        createNode('metric', 'k', 'GMV', { x: 3, y: 4 }),
      ],
      links: [{ id: 'l', source: 'g', target: 'k' }],
    };
    const parsed = parseInterchange(serializeInterchange('增长', content));
    expect(parsed).toEqual({ ok: true, name: '增长', content });
  });

  it.each([
    ['not JSON', '{nope', /not valid JSON/],
    ['an array', '[]', /not a Throughline map/],
    ['another format', JSON.stringify({ ...minimal, format: 'drawio' }), /format/],
    ['a future version', JSON.stringify({ ...minimal, version: 2 }), /version/],
    [
      'an unknown kind',
      JSON.stringify({ ...minimal, nodes: [{ id: 'x', kind: 'vision', title: 'x' }] }),
      /nodes\.0/,
    ],
    ['a node without title', JSON.stringify({ ...minimal, nodes: [{ id: 'x', kind: 'goal' }] }), /title/],
    ['a bad id', JSON.stringify({ ...minimal, nodes: [{ id: '<script>', kind: 'goal', title: 'x' }] }), /id/],
    [
      'a non-date due date',
      JSON.stringify({ ...minimal, nodes: [{ id: 'x', kind: 'metric', title: 'x', dueDate: 'soon' }] }),
      /dueDate/,
    ],
    [
      'a string baseline',
      JSON.stringify({ ...minimal, nodes: [{ id: 'x', kind: 'metric', title: 'x', baseline: '5' }] }),
      /baseline/,
    ],
    [
      'duplicate node ids',
      JSON.stringify({ ...minimal, nodes: [minimal.nodes[0], minimal.nodes[0]] }),
      /share the id "g"/,
    ],
    [
      'an oversized title',
      JSON.stringify({ ...minimal, nodes: [{ id: 'x', kind: 'goal', title: 'x'.repeat(301) }] }),
      /title/,
    ],
  ])('refuses %s with a reason', (_what, text, reason) => {
    const parsed = parseInterchange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(reason);
  });

  it('keeps links that break the rules: they are findings, not refusals', () => {
    const text = JSON.stringify({
      ...minimal,
      links: [
        { id: 'a', source: 'g', target: 'g' },
        { id: 'b', source: 'g', target: 'ghost' },
      ],
    });
    const parsed = parseInterchange(text);
    expect(parsed.ok && parsed.content.links.map((l) => l.id)).toEqual(['a', 'b']);
  });

  it('matches the checked-in JSON Schema (run `npm run schema` after changing the model)', () => {
    const checkedIn = JSON.parse(
      readFileSync(new URL('../../resources/schema/throughline-map.schema.json', import.meta.url), 'utf8'),
    );
    expect(checkedIn).toEqual(interchangeJsonSchema());
  });
});

describe('safe file names', () => {
  it.each([
    ['增长计划', 'json', '增长计划.json'],
    ['../../etc/passwd', 'json', 'etc passwd.json'],
    ['a:b*c?"d<e>f|g', 'csv', 'a b c d e f g.csv'],
    ['CON', 'json', 'Throughline map.json'],
    ['...', 'json', 'Throughline map.json'],
  ])('%s → %s', (name, ext, expected) => {
    expect(safeFileName(name, ext)).toBe(expected);
  });
});
