// `throughline import` run as a user would (a child process) on hostile files: truncated, random
// bytes, too big (a million nodes, generated streaming into a temporary file), and maps whose titles
// and names carry markup, SQL, path tricks or terminal escape sequences.
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInterchange } from '../../shared/interchange';
import { createNode, LIMITS } from '../../shared/model';
import { runCli, STACK_LINE, sha256 } from './run-cli';

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-hostile-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A refusal as the user sees it: exit 2, one plain line on stderr, nothing on stdout. */
function expectRefusal(result: { code: number | null; stdout: string; stderr: string }, reason: RegExp) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
}

/** A document that already holds a map, to prove a refused import leaves it byte for byte. */
async function existingDocument(name: string): Promise<string> {
  const db = path(name);
  const seed = path(`${name}.seed.json`);
  writeFileSync(
    seed,
    JSON.stringify({
      format: 'throughline-map',
      version: 1,
      name: 'Existing',
      nodes: [createNode('goal', 'g1', 'Grow', { x: 0, y: 0 })],
      links: [],
    }),
  );
  const seeded = await runCli(['import', seed, '--into', db]);
  expect(seeded.code, seeded.stderr).toBe(0);
  return db;
}

/** Writes a map of `count` nodes without ever holding it in memory, as a hostile file would arrive. */
async function writeHugeMap(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"format":"throughline-map","version":1,"name":"Huge","nodes":[');
  for (let i = 0; i < count; i++) await write(`${i > 0 ? ',' : ''}{"id":"n${i}","kind":"goal","title":"x"}`);
  await write('],"links":[]}\n');
  out.end();
  await once(out, 'finish');
}

describe('throughline import refuses malformed and oversized files, leaving the document untouched', () => {
  it('refuses a truncated file and creates no document', async () => {
    const file = path('truncated.json');
    writeFileSync(
      file,
      '{"format":"throughline-map","version":1,"name":"Plan","nodes":[{"id":"g1","kind":"go',
    );
    const into = path('never-created.throughline');
    expectRefusal(
      await runCli(['import', file, '--into', into]),
      /cannot be read as a map: the file is not valid JSON/,
    );
    expect(existsSync(into)).toBe(false);
  });

  it('refuses random bytes and a file past the size limit, the document byte for byte unchanged', async () => {
    const db = await existingDocument('existing.throughline');
    const before = sha256(db);
    const random = path('random.json');
    // Fixed pseudo-random bytes (no NUL-free guarantee, some invalid UTF-8), from a tiny LCG.
    const bytes = Buffer.alloc(4096);
    let seed = 12345;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed & 0xff;
    }
    writeFileSync(random, bytes);
    expectRefusal(await runCli(['import', random, '--into', db]), /cannot be read as a map/);

    // A sparse file one byte over the limit: refused by its size, before a byte is read.
    const big = path('big.json');
    writeFileSync(big, '');
    truncateSync(big, 50_000_001);
    expectRefusal(await runCli(['import', big, '--into', db]), /larger than 50 MB/);
    expect(sha256(db)).toBe(before);
  });

  it('refuses a million nodes quickly and within a small heap', async () => {
    const file = path('million.json');
    await writeHugeMap(file, 1_000_000);
    const into = path('million.throughline');
    const started = performance.now();
    // 96 MB of heap: parsing the 43 MB file into a million objects and checking them against the
    // schema (what the import did before its size guard) runs out of memory there; the guard needs
    // far less.
    const result = await runCli(['import', file, '--into', into], {
      NODE_OPTIONS: '--max-old-space-size=96',
    });
    const elapsed = performance.now() - started;
    expectRefusal(result, /the file is too large to be a map: it holds more than 620,000 objects/);
    expect(existsSync(into)).toBe(false);
    // Mostly starting Node and tsx; the check itself takes about 0.1 s.
    expect(elapsed).toBeLessThan(30_000);
    rmSync(file);
  }, 60_000);
});

/** Titles meant to do harm wherever they are rendered, queried, saved as paths or printed. */
const TITLES = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  "'); DROP TABLE nodes;--",
  '../../etc/passwd',
  'CON',
  'a\u0000b',
  '\u001b]0;pwned\u0007\u001b[2J\u001b[31mred',
  '\u202Egnp.exe',
];

describe('throughline import stores hostile titles and names as inert text', () => {
  it('keeps them exactly, prints no terminal escape, and exports them back unchanged', async () => {
    const file = path('hostile.json');
    const nodes = TITLES.map((title, i) =>
      createNode('goal', `g${i}`, title.slice(0, LIMITS.title), { x: 0, y: i }),
    );
    const name = 'Plan \u001b[2J\u0000 ../../x';
    writeFileSync(file, JSON.stringify({ format: 'throughline-map', version: 1, name, nodes, links: [] }));
    const db = path('hostile.throughline');

    const imported = await runCli([
      'import',
      file,
      '--into',
      db,
      '--name',
      "'); DROP TABLE maps;-- ../../etc/passwd",
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    // Every goal lacks an execution path, so every title is printed in a finding: escaped.
    for (const output of [imported.stdout, imported.stderr]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not be printed
      expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    }
    expect(imported.stdout).toContain('\\u001b]0;pwned\\u0007\\u001b[2J');
    expect(imported.stderr).toContain(`Imported "'); DROP TABLE maps;-- ../../etc/passwd"`);

    const exported = await runCli(['export', db, '--format', 'json']);
    expect(exported.code, exported.stderr).toBe(0);
    const map = parseInterchange(exported.stdout);
    if (!map.ok) throw new Error(map.message);
    expect(map.name).toBe("'); DROP TABLE maps;-- ../../etc/passwd");
    expect(map.content.nodes.map((n) => n.title)).toEqual(TITLES);

    // The SQL stayed text: the tables are all there, with the rows imported.
    const check = new Database(db, { readonly: true });
    try {
      const tables = check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['maps', 'nodes', 'links']));
      expect(check.prepare('SELECT count(*) FROM nodes').pluck().get()).toBe(TITLES.length);
    } finally {
      check.close();
    }

    // A name from the file itself (no --name) is kept too, NUL and escape included.
    const second = await runCli(['import', file, '--into', db]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('Imported "Plan \\u001b[2J\\u0000 ../../x"');
    const validated = await runCli(['validate', db, '--json']);
    const names = (JSON.parse(validated.stdout) as { maps: { name: string }[] }).maps.map((m) => m.name);
    expect(names).toContain(name);
  }, 60_000);
});
