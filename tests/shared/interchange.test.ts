import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeInterchange,
  interchangeJsonSchema,
  interchangeRefusalPhrase,
  parseInterchange,
  parseInterchangeBytes,
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
    expect(parsed).toEqual({ ok: true, name: '增长', content: { ...content, checkins: [] } });
  });

  it.each([
    ['not JSON', '{nope', /not valid JSON/],
    ['an array', '[]', /not a Throughline map/],
    ['another format', JSON.stringify({ ...minimal, format: 'drawio' }), /format/],
    [
      'a future version',
      JSON.stringify({ ...minimal, version: 3 }),
      /made by a newer Throughline \(format version 3\)/,
    ],
    ['a version that never was', JSON.stringify({ ...minimal, version: 0 }), /version/],
    [
      'an unknown kind',
      JSON.stringify({ ...minimal, nodes: [{ id: 'x', kind: 'vision', title: 'x' }] }),
      /nodes\[0\]\.kind: should be one of "goal", "mechanism", "metric"/,
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

describe('a JSON map file read as bytes (one rule for the command line and the app)', () => {
  const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  it('reads UTF-8, with or without a byte order mark', () => {
    const map = { ...minimal, nodes: [{ id: 'g', kind: 'goal', title: '增长' }] };
    const plain = parseInterchangeBytes(utf8(map));
    expect(plain.ok && plain.content.nodes[0]?.title).toBe('增长');
    const withBom = parseInterchangeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(map)]));
    expect(withBom.ok && withBom.content.nodes[0]?.title).toBe('增长');
  });

  it('refuses GBK and Latin-1 instead of reading them with replacement characters', () => {
    const ascii = new TextEncoder().encode(JSON.stringify({ ...minimal, name: 'XX' }));
    const at = ascii.indexOf(0x58); // the first "X" of the name
    const gbk = new Uint8Array([...ascii.subarray(0, at), 0xd4, 0xf6, 0xb3, 0xa4, ...ascii.subarray(at + 2)]);
    const latin1 = new Uint8Array([...ascii.subarray(0, at), 0xe9, ...ascii.subarray(at + 1)]);
    for (const bytes of [gbk, latin1]) {
      const decoded = decodeInterchange(bytes);
      expect(decoded).toMatchObject({ ok: false, refusal: { kind: 'not-utf-8' } });
      expect(!decoded.ok && decoded.message).toBe(
        'the file is not UTF-8 text (perhaps GBK or Latin-1); save it as UTF-8 and try again',
      );
      expect(parseInterchangeBytes(bytes)).toMatchObject({ ok: false, refusal: { kind: 'not-utf-8' } });
    }
    expect(decodeInterchange(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]))).toMatchObject({
      ok: false,
      refusal: { kind: 'utf-16' },
    });
  });

  it('says a refused field where it is and what is wrong, in either language', () => {
    const parsed = parseInterchange(
      JSON.stringify({
        ...minimal,
        nodes: [
          minimal.nodes[0],
          { id: 'a b', kind: 'goal', title: 't' },
          { id: 'm', kind: 'vision', title: 't' },
        ],
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toBe(
      'the file is not a Throughline map: nodes[1].id: may contain only letters, digits, "_" and "-"; ' +
        'nodes[2].kind: should be one of "goal", "mechanism", "metric"',
    );
    expect(interchangeRefusalPhrase(parsed.refusal, 'zh-CN')).toBe(
      '文件不是 Throughline 地图：nodes[1].id：只能包含字母、数字、“_”和“-”；' +
        'nodes[2].kind：应为以下之一："goal"、"mechanism"、"metric"',
    );
  });

  it.each([
    [{ ...minimal, nodes: [{ id: 'g', kind: 'goal' }] }, 'nodes[0].title：缺失'],
    [{ ...minimal, nodes: [{ id: 'g', kind: 'goal', title: 5 }] }, 'nodes[0].title：应为文本'],
    [
      { ...minimal, nodes: [{ id: 'g', kind: 'goal', title: 'x'.repeat(301) }] },
      'nodes[0].title：超过 300 个字符',
    ],
    [
      { ...minimal, nodes: [{ id: 'm', kind: 'metric', title: 'x', dueDate: 'soon' }] },
      'nodes[0].dueDate：不是 YYYY-MM-DD 格式的日期',
    ],
    [{ ...minimal, name: '' }, 'name：为空'],
    [{ ...minimal, version: 3 }, '更新版本的 Throughline 制作（格式版本 3）'],
    [[], '文件：应为对象'],
  ])('in Chinese, %j is refused with "%s"', (value, phrase) => {
    const parsed = parseInterchange(JSON.stringify(value));
    expect(!parsed.ok && interchangeRefusalPhrase(parsed.refusal, 'zh-CN')).toContain(phrase);
    // No English phrase of the schema is left in the Chinese sentence.
    expect(!parsed.ok && interchangeRefusalPhrase(parsed.refusal, 'zh-CN')).not.toMatch(
      /Invalid|expected|Too /,
    );
  });
});
