import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, runCli, STACK_LINE, sha256 } from './run-cli';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-cli-versions-'));
  env = { THROUGHLINE_USER_DATA: join(dir, 'user-data') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, env);

async function documentWith(...fixtures: string[]): Promise<string> {
  const db = join(dir, 'plans.throughline');
  for (const name of fixtures) expect((await cli('import', fixture(name), '--into', db)).code).toBe(0);
  return db;
}

describe('throughline versions and version save', () => {
  it('saves versions inside the document and lists them, in English and Chinese', async () => {
    const db = await documentWith('good-map.json');
    const empty = await cli('versions', db);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('Versions of the map "Growth 2026": 0');
    expect(empty.stdout).toContain('No saved versions yet.');

    const saved = await cli('version', 'save', db, '--label', 'Offsite Q1', '--author', 'Mei');
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(
      /^Saved the version "Offsite Q1" \([\w-]+\) of the map "Growth 2026": 4 nodes\.$/m,
    );
    const zhSaved = await cli(
      'version',
      'save',
      db,
      '--map',
      'Growth 2026',
      '--label',
      '季度复盘',
      '--lang',
      'zh-CN',
    );
    expect(zhSaved.code).toBe(0);
    expect(zhSaved.stdout).toContain('已保存地图“Growth 2026”的版本“季度复盘”');

    const listed = await cli('versions', db, '--json');
    expect(listed.code).toBe(0);
    const { map, versions } = JSON.parse(listed.stdout) as {
      map: { name: string };
      versions: { label: string; author: string; nodeCount: number }[];
    };
    expect(map.name).toBe('Growth 2026');
    expect(versions.map((v) => [v.label, v.nodeCount])).toEqual([
      ['Offsite Q1', 4],
      ['季度复盘', 4],
    ]);
    expect(versions[0]?.author).toBe('Mei');

    const zh = await cli('versions', db, '--lang', 'zh-CN');
    expect(zh.stdout).toContain('地图“Growth 2026”的版本：2 个');
    expect(zh.stdout).toMatch(
      /\d{4}-\d\d-\d\d \d\d:\d\d UTC {2}“Offsite Q1” {2}作者：Mei {2}（[\w-]+，4 个节点）/,
    );
  });

  it('diffs a saved version with the map now and with a JSON file (FILE#MAP@VERSION)', async () => {
    const db = await documentWith('good-map.json', 'goal-without-path.json');
    expect((await cli('version', 'save', db, '--map', 'Growth 2026', '--label', 'Offsite Q1')).code).toBe(0);
    const same = await cli('diff', `${db}#Growth 2026@offsite q1`, `${db}#Growth 2026`);
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);

    const edited = JSON.parse(readFileSync(fixture('good-map.json'), 'utf8')) as {
      nodes: { title: string }[];
    };
    (edited.nodes[0] as { title: string }).title = 'Retitled';
    const file = join(dir, 'edited.json');
    writeFileSync(file, JSON.stringify(edited));
    const differ = await cli('diff', `${db}#Growth 2026@Offsite Q1`, file, '--json');
    expect(differ.code).toBe(1);
    expect(JSON.parse(differ.stdout).nodes.changed).toEqual([
      { id: 'g1', fields: { title: { before: 'Grow recurring revenue', after: 'Retitled' } } },
    ]);

    const missing = await cli('diff', `${db}#Growth 2026@Q2`, file);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no version "Q2"; its versions: "Offsite Q1"');
    expect(missing.stderr).not.toMatch(STACK_LINE);
  });

  it('refuses a bad label, a JSON map or a missing --label with one line, and leaves the file as it was', async () => {
    const db = await documentWith('good-map.json');
    const before = sha256(db);
    for (const [label, says] of [
      ['   ', 'A version needs a label. Nothing was saved.'],
      ['x'.repeat(121), 'A version label is at most 120 characters. Nothing was saved.'],
      ['Q1\nQ2', 'A version label is one line of text. Nothing was saved.'],
    ] as const) {
      const result = await cli('version', 'save', db, '--label', label);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(says);
    }
    const zh = await cli('version', 'save', db, '--label', '', '--lang', 'zh-CN');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('版本需要一个名称。没有保存任何内容。');
    const noLabel = await cli('version', 'save', db);
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toContain('needs --label');
    const wrongMap = await cli('version', 'save', db, '--map', 'Nope', '--label', 'Q1');
    expect(wrongMap.code).toBe(2);
    expect(wrongMap.stderr).toContain('has no map with the id or name "Nope"');
    const noAction = await cli('version', 'list', db);
    expect(noAction.code).toBe(2);
    expect(noAction.stderr).toContain('"list" is not an action of version');
    expect(sha256(db)).toBe(before);
    expect((await cli('versions', db)).stdout).toContain('No saved versions yet.');

    const json = await cli('version', 'save', fixture('good-map.json'), '--label', 'Q1');
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('keeps no versions');
  });
});
