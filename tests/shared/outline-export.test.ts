import { describe, expect, it } from 'vitest';
import { CSV_BOM, outlineCsv, toCsv } from '../../shared/exports/csv';
import { guardText, unguardText } from '../../shared/exports/formula-guard';
import { outlineMarkdown } from '../../shared/exports/markdown';
import { escapeMarkdown } from '../../shared/exports/markdown-escape';
import { type OutlineRow, OutlineTooLargeError, outlineRows } from '../../shared/exports/outline';
import { type CellValue, OUTLINE_COLUMNS, outlineTable } from '../../shared/exports/outline-columns';
import { LANGUAGES } from '../../shared/model/language';
import { metricProgress, metricStartDate } from '../../shared/model/metric-progress';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapLink, MapNode, MapNodeInput } from '../../shared/model/types';
import { TEMPLATE_IDS, templateContent } from '../../shared/templates';
import { validateMap } from '../../shared/validation/validate';

const TODAY = '2026-07-01';

type Extra = Partial<Omit<MapNodeInput, 'id' | 'kind'>> & Record<string, unknown>;
/** Nodes placed top to bottom in the order they are written unless a position is given. */
let row = 0;
function make(kind: MapNode['kind'], id: string, extra: Extra = {}): MapNode {
  row += 1;
  return MapNodeSchema.parse({ id, kind, title: `Title ${id}`, position: { x: 0, y: row * 100 }, ...extra });
}
const goal = (id: string, extra?: Extra) => make('goal', id, extra);
const mech = (id: string, extra?: Extra) => make('mechanism', id, extra);
const metric = (id: string, extra?: Extra) => make('metric', id, { baseline: 0, target: 10, ...extra });
/** Links written as "a>b". */
const links = (...specs: string[]): MapLink[] =>
  specs.map((spec) => {
    const [source = '', target = ''] = spec.split('>');
    return { id: `${source}-${target}`, source, target };
  });

/** Each row as "goal/mechanism/metric", with "-" for an empty cell. */
const paths = (rows: readonly OutlineRow[]) =>
  rows.map((r) => `${r.goal.id}/${r.mechanism?.id ?? '-'}/${r.metric?.id ?? '-'}`);

/** An RFC 4180 parser, written here so the CSV writer is checked against an independent reader. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      expect(field, 'a quote may only open a field').toBe('');
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r') {
      expect(text[i + 1], 'records end with CRLF').toBe('\n');
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      expect(c, 'a bare LF is only allowed inside quotes').not.toBe('\n');
      field += c;
    }
  }
  expect(quoted, 'no unterminated quote').toBe(false);
  expect(record.length === 0 && field === '', 'the last record ends with CRLF').toBe(true);
  return records;
}

/** A cell as a CSV reader sees it, before the formula guard is undone. */
const asCsvText = (value: CellValue) =>
  value === null ? '' : typeof value === 'number' ? String(value) : value;

describe('outline rows', () => {
  it('follows sub-goals and mechanism chains, leaving cells empty where the plan has a gap', () => {
    row = 0;
    const nodes = [
      goal('g'),
      goal('s'),
      mech('m1'),
      mech('m2'),
      metric('k2'),
      mech('m3'),
      metric('k0'),
      goal('lonely'),
      goal('parent'),
      goal('child'),
      mech('m4'),
      metric('k4a'),
      metric('k4b'),
    ];
    const map = {
      nodes,
      links: links(
        'g>s',
        's>m1',
        'm1>m2',
        'm2>k2',
        's>m3',
        'g>k0',
        'parent>child',
        'child>m4',
        'm4>k4a',
        'm4>k4b',
      ),
    };
    const rows = outlineRows(map, TODAY);
    expect(paths(rows)).toEqual([
      'g/-/k0', // outcome metric: no mechanism
      's/m1/-', // enables m2 but is measured by nothing itself
      's/m2/k2',
      's/m3/-', // a mechanism with no metric
      'lonely/-/-', // a goal with nothing under it
      'parent/-/-',
      'child/m4/k4a',
      'child/m4/k4b',
    ]);
    const byPath = new Map(rows.map((r) => [paths([r])[0], r]));
    expect(byPath.get('s/m2/k2')?.parentGoals.map((g) => g.id)).toEqual(['g']);
    expect(byPath.get('s/m2/k2')?.enabledBy.map((m) => m.id)).toEqual(['m1']);
    expect(byPath.get('g/-/k0')?.parentGoals).toEqual([]);
    expect(byPath.get('s/m1/-')?.progress).toBeNull();
    expect(byPath.get('s/m2/k2')?.progress).toBe('unknown');
  });

  it('follows only usable links: dangling, forbidden, duplicate and cyclic links are not paths', () => {
    row = 0;
    const nodes = [goal('g'), mech('a'), mech('b'), metric('k'), goal('h'), goal('i')];
    const map = {
      nodes,
      links: links('g>a', 'g>a', 'a>b', 'b>a', 'k>a', 'g>ghost', 'a>k', 'h>i', 'i>h', 'a>g'),
    };
    // a⇄b is a cycle; h⇄i too, so both goals stand alone; k>a and a>g are forbidden.
    expect(paths(outlineRows(map, TODAY))).toEqual(['g/a/k', 'h/-/-', 'i/-/-']);
  });

  it('lists goals top to bottom, each followed by its sub-goals, and children by position', () => {
    row = 0;
    const nodes = [
      goal('low', { position: { x: 0, y: 900 } }),
      goal('top', { position: { x: 0, y: 0 } }),
      goal('sub2', { position: { x: 400, y: 500 } }),
      goal('sub1', { position: { x: 400, y: 100 } }),
      mech('mB', { position: { x: 800, y: 300 } }),
      mech('mA', { position: { x: 800, y: 200 } }),
    ];
    const map = { nodes, links: links('top>sub2', 'top>sub1', 'low>mB', 'low>mA', 'sub1>mA') };
    expect(paths(outlineRows(map, TODAY))).toEqual([
      'top/-/-',
      'sub1/mA/-',
      'sub2/-/-',
      'low/mA/-',
      'low/mB/-',
    ]);
  });

  it('lists a shared sub-goal once, naming every parent, and a shared mechanism under each goal', () => {
    row = 0;
    const nodes = [goal('a'), goal('b'), goal('shared'), mech('m'), metric('k')];
    const map = { nodes, links: links('a>shared', 'b>shared', 'a>m', 'b>m', 'm>k') };
    const rows = outlineRows(map, TODAY);
    expect(paths(rows)).toEqual(['a/m/k', 'shared/-/-', 'b/m/k']);
    expect(rows[1]?.parentGoals.map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('refuses, with a reason, an outline longer than a spreadsheet holds instead of exhausting memory', () => {
    row = 0;
    // Every goal reaches the whole chain of mechanisms: rows = goals × mechanisms.
    const goals = ['a', 'b', 'c'].map((id) => goal(id));
    const chain = ['m1', 'm2', 'm3', 'm4'].map((id) => mech(id));
    const map = {
      nodes: [...goals, ...chain],
      links: links('a>m1', 'b>m1', 'c>m1', 'm1>m2', 'm2>m3', 'm3>m4'),
    };
    expect(outlineRows(map, TODAY, 12)).toHaveLength(12);
    expect(() => outlineRows(map, TODAY, 11)).toThrow(OutlineTooLargeError);
    expect(() => outlineRows(map, TODAY, 11)).toThrow(/more than 11 rows.*export it as JSON instead/);
  });

  it('judges each metric as the inspector does (metricProgress from the mechanisms’ start)', () => {
    for (const id of TEMPLATE_IDS) {
      const content = templateContent(id, 'en');
      for (const r of outlineRows(content, TODAY)) {
        if (!r.metric) continue;
        const start = metricStartDate(r.metric.id, content.nodes, content.links);
        expect(r.progress, `${id}: ${r.metric.id}`).toBe(metricProgress(r.metric, TODAY, start).status);
      }
    }
  });

  it('covers every node and every usable measuring link of every template', () => {
    for (const id of TEMPLATE_IDS) {
      const content = templateContent(id, 'en');
      const rows = outlineRows(content, TODAY);
      const seen = new Set(rows.flatMap((r) => [r.goal.id, r.mechanism?.id, r.metric?.id]));
      for (const node of content.nodes) expect(seen, `${id}: ${node.id}`).toContain(node.id);
      const pairs = new Set(rows.map((r) => `${r.mechanism?.id ?? r.goal.id}>${r.metric?.id}`));
      const kind = new Map(content.nodes.map((n) => [n.id, n.kind]));
      for (const link of content.links) {
        if (kind.get(link.target) === 'metric') expect(pairs, id).toContain(`${link.source}>${link.target}`);
      }
    }
  });

  it('gives a template its rows: one per mechanism–metric pair and per outcome metric', () => {
    const content = templateContent('mission-stages', 'en');
    const rows = outlineRows(content, TODAY);
    expect(paths(rows)).toEqual([
      'g-mission/-/k-active-merchants',
      'g-stage-trust/m-rules/k-complaints',
      'g-stage-trust/m-merchant-review/k-quality-merchants',
      'g-stage-trust/m-disputes/k-dispute-time',
      'g-stage-value/m-segments/k-segmented',
      'g-stage-value/m-membership/k-members',
      'g-stage-value/m-merchant-tools/k-tool-adoption',
      'g-stage-value/-/k-spend',
    ]);
  });
});

describe('outline table', () => {
  it('has headers in English and Chinese, numbers as numbers and dates as YYYY-MM-DD text', () => {
    const en = outlineTable(templateContent('checkout-conversion', 'en'), 'en', TODAY);
    const zh = outlineTable(templateContent('checkout-conversion', 'zh-CN'), 'zh-CN', TODAY);
    expect(en.header.slice(0, 3)).toEqual(['Goal', 'Goal owner', 'Horizon']);
    expect(en.header).toContain('Progress status');
    for (const header of zh.header) expect(header).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.rows.length).toBe(en.rows.length);
    for (const [c, column] of OUTLINE_COLUMNS.entries()) {
      for (const cells of [...en.rows, ...zh.rows]) {
        const value = cells[c] ?? null;
        if (value === null) continue;
        if (column.type === 'number') expect(typeof value).toBe('number');
        else if (column.type === 'date') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect(typeof value).toBe('string');
      }
    }
    const zhCells = zh.rows.flat().filter((v): v is string => typeof v === 'string');
    expect(zhCells.some((v) => ['正常推进', '有风险', '偏离目标', '已达成', '未知'].includes(v))).toBe(true);
  });
});

describe('CSV', () => {
  const awkward = [
    'Say "hi", then go',
    'two\nlines\r\nand more',
    '提升支付页转化率，减少流失',
    '=HYPERLINK("http://evil.example","click")',
    '+1 for growth',
    '-minus',
    '@SUM(A1)',
    '\tTabbed',
    "'already quoted",
    ' leading space,',
  ];

  function awkwardMap() {
    row = 0;
    const nodes: MapNode[] = [];
    const mapLinks: MapLink[] = [];
    awkward.forEach((title, i) => {
      nodes.push(goal(`g${i}`, { title, owner: title, horizon: title }));
      nodes.push(mech(`m${i}`, { title, owner: title, startDate: '2026-01-01', dueDate: '2026-12-31' }));
      nodes.push(
        metric(`k${i}`, { title, unit: title, source: title, baseline: -5.5, target: 1e6, current: 0 }),
      );
      mapLinks.push(...links(`g${i}>m${i}`, `m${i}>k${i}`));
    });
    return { nodes, links: mapLinks };
  }

  it('round-trips its rows exactly: quotes, commas, newlines, Chinese and formula-looking titles', () => {
    const map = awkwardMap();
    for (const language of LANGUAGES) {
      const table = outlineTable(map, language, TODAY);
      const csv = outlineCsv(map, language, TODAY);
      expect(csv.startsWith(CSV_BOM)).toBe(true);
      const records = parseCsv(csv.slice(CSV_BOM.length));
      expect(records[0]).toEqual(table.header);
      expect(records.length).toBe(table.rows.length + 1);
      table.rows.forEach((cells, r) => {
        const read = records[r + 1] as string[];
        expect(read.length).toBe(cells.length);
        cells.forEach((value, c) => {
          const text = read[c] as string;
          if (typeof value === 'string') expect(unguardText(text)).toBe(value);
          else expect(text).toBe(asCsvText(value));
          if (typeof value === 'number') expect(Number(text)).toBe(value);
        });
      });
    }
  });

  it('never lets a text cell start like a formula; numbers stay numbers, negative ones too', () => {
    const map = awkwardMap();
    const records = parseCsv(outlineCsv(map, 'en', TODAY).slice(1));
    const goalColumn = OUTLINE_COLUMNS.findIndex((c) => c.key === 'goal');
    const baselineColumn = OUTLINE_COLUMNS.findIndex((c) => c.key === 'baseline');
    for (const record of records.slice(1)) {
      const cellTexts = record.filter((_, c) => OUTLINE_COLUMNS[c]?.type === 'text');
      for (const text of cellTexts) expect(text).not.toMatch(/^[=+\-@\t\r]/);
      expect(record[baselineColumn]).toBe('-5.5');
    }
    expect(records[4]?.[goalColumn]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(guardText('plain')).toBe('plain');
    expect(unguardText(guardText("'x"))).toBe("'x");
  });

  it('quotes only the fields that need it and ends every record with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'plain'],
          [null, 3],
        ],
      ),
    ).toBe(`${CSV_BOM}a,b\r\n"x,y",plain\r\n,3\r\n`);
    expect(toCsv(['h'], [['say "no"'], ['line\nbreak']])).toBe(
      `${CSV_BOM}h\r\n"say ""no"""\r\n"line\nbreak"\r\n`,
    );
  });
});

describe('Markdown', () => {
  it('matches the map: every title and every finding message, in both languages', () => {
    for (const id of ['product-launch-gap', 'mission-stages', 'balanced-scorecard'] as const) {
      for (const language of LANGUAGES) {
        const content = templateContent(id, language);
        const md = outlineMarkdown({ name: `Map ${id}`, ...content }, language, TODAY);
        expect(md.startsWith(`# Map ${id}\n`)).toBe(true);
        for (const node of content.nodes) expect(md, node.title).toContain(escapeMarkdown(node.title));
        const findings = validateMap(content);
        for (const f of findings) expect(md).toContain(escapeMarkdown(f.message[language]));
        const goals = content.nodes.filter((n) => n.kind === 'goal');
        for (const g of goals) expect(md).toContain(`\n## ${escapeMarkdown(g.title)}\n`);
        if (language === 'zh-CN') expect(md).toMatch(/个目标中有 \d+ 个有执行路径/);
        else expect(md).toMatch(/\d+ of \d+ goals have an execution path/);
      }
    }
  });

  it('shows mechanisms with owner, function, dates and status, and their metrics nested', () => {
    row = 0;
    const nodes = [
      goal('g', { title: 'Grow', owner: 'CEO', horizon: 'FY2027', priority: 'high', status: 'active' }),
      mech('m', {
        title: 'Coupons',
        owner: 'Ops',
        function: 'operations',
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        status: 'running',
      }),
      metric('k', {
        title: 'Conversion',
        unit: '%',
        baseline: 61,
        target: 70,
        current: 69,
        dueDate: '2026-12-31',
      }),
    ];
    const md = outlineMarkdown({ name: 'Plan', nodes, links: links('g>m', 'm>k') }, 'en', TODAY);
    expect(md).toContain('## Grow\n\nOwner: CEO · Horizon: FY2027 · Priority: High · Status: Active\n');
    expect(md).toContain(
      '- **Coupons** — Owner: Ops · Function: Operations · Start: 2026-01-01 · Due: 2026-12-31 · Status: Running\n' +
        '  - Conversion — Unit: % · Baseline → target: 61 → 70 · Current: 69 · Due: 2026-12-31 · Status: On track\n',
    );
    expect(md).toContain('1 of 1 goal has an execution path');
  });

  it('keeps markup in user text inert', () => {
    row = 0;
    const evil = '<img src=x onerror=alert(1)> **bold** [link](http://x) `code` _i_ # h | ~s~ &amp; $x$';
    const nodes = [
      goal('g', { title: evil, owner: '<b>boss</b>' }),
      mech('m', { title: 'two\nlines # here' }),
    ];
    const md = outlineMarkdown(
      { name: '<script>alert(1)</script>', nodes, links: links('g>m') },
      'en',
      TODAY,
    );
    expect(escapeMarkdown(evil)).toBe(
      '\\<img src=x onerror=alert(1)\\> \\*\\*bold\\*\\* \\[link\\](http://x) \\`code\\` \\_i\\_ \\# h \\| \\~s\\~ \\&amp; \\$x\\$',
    );
    expect(md).toContain(`## ${escapeMarkdown(evil)}\n`);
    expect(md).toContain('# \\<script\\>alert(1)\\</script\\>\n');
    expect(md).toContain('Owner: \\<b\\>boss\\</b\\>');
    expect(md).toContain('- **two lines \\# here**');
    // No raw tag, link or emphasis from user text survives anywhere in the document.
    for (const raw of ['<img', '<b>', '<script', '](http', '**bold', '`code`']) {
      const at = md.indexOf(raw);
      expect(at === -1 || md[at - 1] === '\\', raw).toBe(true);
    }
    // The finding messages that quote the title are escaped too.
    expect(md).toContain(escapeMarkdown(validateMap({ nodes, links: links('g>m') })[0]?.message.en ?? ''));
  });

  it('says so when a map has no goals and no findings', () => {
    const md = outlineMarkdown({ name: 'Empty', nodes: [], links: [] }, 'zh-CN', TODAY);
    expect(md).toContain('这张地图还没有目标。');
    expect(md).toContain('## 检查结果\n\n没有问题。');
  });
});
