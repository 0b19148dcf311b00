import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, runCli, STACK_LINE } from './run-cli';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-cli-diff-'));
  env = { THROUGHLINE_USER_DATA: join(dir, 'user-data') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, env);

interface JsonMap {
  name: string;
  nodes: Record<string, unknown>[];
  links: { id: string; source: string; target: string }[];
}

/** good-map.json edited: g1 retitled, m1 paused, k1's value moved, k2 removed with l3, l2 removed, g9 added. */
function editedMap(): string {
  const map = JSON.parse(readFileSync(fixture('good-map.json'), 'utf8')) as JsonMap;
  const [g1, m1, k1] = map.nodes as [
    Record<string, unknown>,
    Record<string, unknown>,
    Record<string, unknown>,
  ];
  g1.title = 'Grow recurring revenue fast';
  g1.position = { x: 999, y: 999 };
  m1.status = 'paused';
  k1.current = 120000;
  map.nodes = [g1, m1, k1, { id: 'g9', kind: 'goal', title: 'Open Japan' }];
  map.links = map.links.filter((l) => l.id === 'l1');
  const file = join(dir, 'new.json');
  writeFileSync(file, JSON.stringify(map));
  return file;
}

describe('throughline diff', () => {
  it('exits 0 on the same plan, even with every card moved', async () => {
    const map = JSON.parse(readFileSync(fixture('good-map.json'), 'utf8')) as JsonMap;
    for (const node of map.nodes) node.position = { x: 5, y: 7 };
    const moved = join(dir, 'moved.json');
    writeFileSync(moved, JSON.stringify(map));
    const result = await cli('diff', fixture('good-map.json'), moved);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No changes');
    const json = await cli('diff', fixture('good-map.json'), moved, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      links: { added: [], removed: [] },
      goals: { lostPath: [], gainedPath: [] },
    });
  });

  it('exits 1 and prints the JSON diff in the issue’s shape', async () => {
    const result = await cli('diff', fixture('good-map.json'), editedMap(), '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const diff = JSON.parse(result.stdout);
    expect(Object.keys(diff)).toEqual(['nodes', 'links', 'goals']);
    expect(diff.nodes.added).toEqual([{ id: 'g9', kind: 'goal', title: 'Open Japan' }]);
    expect(diff.nodes.removed).toEqual([{ id: 'k2', kind: 'metric', title: 'Annual recurring revenue' }]);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'g1',
        fields: { title: { before: 'Grow recurring revenue', after: 'Grow recurring revenue fast' } },
      },
      { id: 'm1', fields: { status: { before: 'running', after: 'paused' } } },
      { id: 'k1', fields: { current: { before: null, after: 120000 } } },
    ]);
    expect(diff.links.added).toEqual([]);
    expect(diff.links.removed.map((l: { id: string }) => l.id)).toEqual(['l2', 'l3']);
    expect(diff.goals).toEqual({
      lostPath: [{ id: 'g1', kind: 'goal', title: 'Grow recurring revenue fast' }],
      gainedPath: [],
    });
  });

  it('says what changed in English and in Chinese', async () => {
    const edited = editedMap();
    const en = await cli('diff', fixture('good-map.json'), edited);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('Nodes added:\n  Goal "Open Japan" (g9)');
    expect(en.stdout).toContain('Title: "Grow recurring revenue" → "Grow recurring revenue fast"');
    expect(en.stdout).toContain('Status: Running → Paused');
    expect(en.stdout).toContain(
      'Metric values that moved:\n  Metric "Qualified pipeline" (k1): (none) → 120000 EUR',
    );
    expect(en.stdout).toContain(
      'Goals that lost their execution path:\n  Goal "Grow recurring revenue fast" (g1)',
    );
    const zh = await cli('diff', fixture('good-map.json'), edited, '--lang', 'zh-CN');
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('新增的节点：\n  目标 “Open Japan” (g9)');
    expect(zh.stdout).toContain('状态：运行中 → 已暂停');
    expect(zh.stdout).toContain('数值变动的指标：');
    expect(zh.stdout).toContain('失去执行路径的目标：');
    // No English word of ours is left: only the map's own text, ids and the unit.
    const ours = zh.stdout
      .replace(/“[^”]*”/g, '')
      .replace(/\([A-Za-z0-9_-]+\)/g, '')
      .replace(/EUR/g, '');
    expect(ours).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('prints the Markdown section "Changes since …" with --markdown', async () => {
    const result = await cli('diff', fixture('good-map.json'), editedMap(), '--markdown', '--lang', 'zh-CN');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^## 自“.*good-map\.json”以来的变化\n/);
    expect(result.stdout).toContain('### 新增的节点\n\n- 目标 “Open Japan” (g9)');
    const both = await cli('diff', fixture('good-map.json'), editedMap(), '--markdown', '--json');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either --json or --markdown');
  });

  it('shows control characters in titles as escapes, never raw, on one line each', async () => {
    const map = JSON.parse(readFileSync(fixture('good-map.json'), 'utf8')) as JsonMap;
    (map.nodes[0] as Record<string, unknown>).title = 'Clear\u001b[2J the screen\nsecond line';
    const file = join(dir, 'hostile.json');
    writeFileSync(file, JSON.stringify(map));
    const result = await cli('diff', fixture('good-map.json'), file);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('Clear\\u001b[2J the screen second line');
  });

  it('compares a map in a document with a JSON file (FILE#MAP)', async () => {
    const db = join(dir, 'plans.throughline');
    expect((await cli('import', fixture('good-map.json'), '--into', db)).code).toBe(0);
    expect((await cli('import', fixture('goal-without-path.json'), '--into', db)).code).toBe(0);
    const same = await cli('diff', `${db}#Growth 2026`, fixture('good-map.json'));
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);
    const other = await cli('diff', `${db}#growth 2026`, editedMap(), '--json');
    expect(other.code).toBe(1);
    // Two maps in the document and no #MAP: told which there are.
    const which = await cli('diff', db, fixture('good-map.json'));
    expect(which.code).toBe(2);
    expect(which.stderr).toContain('Growth 2026');
    expect(which.stderr).toContain('Unfinished plan');
  });

  it('exits 2 with one clear line when a side cannot be read', async () => {
    const missing = await cli('diff', fixture('good-map.json'), join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('There is no file at');
    expect(missing.stderr).not.toMatch(STACK_LINE);

    const malformed = await cli('diff', fixture('malformed.json'), fixture('good-map.json'));
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('cannot be read as a map');

    const versionOfJson = await cli(
      'diff',
      `${fixture('good-map.json')}#Growth 2026@Q1`,
      fixture('good-map.json'),
    );
    expect(versionOfJson.code).toBe(2);
    expect(versionOfJson.stderr).toContain('keeps no versions');

    const badReference = await cli('diff', `${join(dir, 'x.throughline')}#@Q1`, fixture('good-map.json'));
    expect(badReference.code).toBe(2);
    expect(badReference.stderr).toContain('is not a map reference');

    const one = await cli('diff', fixture('good-map.json'));
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('diff compares two maps');
  });
});
