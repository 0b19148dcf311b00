import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlanBackend } from '../../electron/backend/services/plan-backend';
import { run } from '../../electron/cli/main';
import { outlineCsv } from '../../shared/exports/csv';
import { guardText } from '../../shared/exports/formula-guard';
import { outlineMarkdown } from '../../shared/exports/markdown';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapContent } from '../../shared/model/types';

/**
 * Escape sequences a hostile map carries in its name, titles and (in a crafted database) its map
 * and link ids. None may reach a terminal raw: OSC 0 retitles the window, CSI 2J clears the
 * screen, OSC 8 disguises a link, U+009B is a one-byte CSI, U+202E reverses what is read.
 */
const RETITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
const LINK = '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\';
const C1 = '\u009b31m';
const RLO = '\u202egnp.exe';
const HOSTILE = `${RETITLE}${CLEAR}${LINK}${C1}${RLO}\r`;

/** What a terminal obeys, apart from the tab and line feed that lay text out. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is looked for
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let jsonMap: string;
let database: string;

const content = (): MapContent => ({
  nodes: [
    MapNodeSchema.parse({ id: 'g1', kind: 'goal', title: `Goal ${HOSTILE}`, owner: HOSTILE }),
    MapNodeSchema.parse({ id: 'm1', kind: 'mechanism', title: HOSTILE, function: 'operations', owner: 'o' }),
    MapNodeSchema.parse({ id: 'k1', kind: 'metric', title: `=1+1 ${HOSTILE}`, unit: HOSTILE }),
  ],
  links: [
    { id: 'l1', source: 'g1', target: 'm1' },
    { id: 'l2', source: 'm1', target: 'k1' },
    { id: 'l3', source: 'g1', target: 'ghost' },
  ],
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-escapes-'));
  jsonMap = join(dir, 'hostile.json');
  writeFileSync(
    jsonMap,
    JSON.stringify({ format: 'throughline-map', version: 1, name: `Board ${HOSTILE}`, ...content() }),
  );
  // A database edited by hand: its map id and link ids are not held to the id pattern.
  database = join(dir, 'hostile.throughline');
  const backend = openPlanBackend({ libraryPath: database, stateDir: dir });
  const { id } = backend.documents.repository.createMap(`Board ${HOSTILE}`, content());
  backend.close();
  const db = new Database(database);
  db.pragma('foreign_keys = OFF');
  db.prepare('UPDATE maps SET id = ? WHERE id = ?').run(`map${RETITLE}`, id);
  db.prepare('UPDATE links SET map_id = ? WHERE map_id = ?').run(`map${RETITLE}`, id);
  db.prepare('UPDATE nodes SET map_id = ? WHERE map_id = ?').run(`map${RETITLE}`, id);
  db.prepare("UPDATE links SET id = ? WHERE id = 'l3'").run(`l3${CLEAR}${C1}`);
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, {
    out: (text) => {
      out += text;
    },
    info: (line) => {
      err += `${line}\n`;
    },
  });
  return { code, out, err };
}

describe('nothing from a map reaches the terminal raw', () => {
  it.each([
    ['validate, a JSON map', () => ['validate', jsonMap]],
    ['export --format md', () => ['export', jsonMap, '--format', 'md']],
    ['export --format csv', () => ['export', jsonMap, '--format', 'csv']],
    ['export --format json', () => ['export', jsonMap, '--format', 'json']],
    ['export --format svg', () => ['export', jsonMap, '--format', 'svg']],
  ])('%s', async (_name, argv) => {
    const result = await cli(argv());
    expect(result.code, result.err).not.toBe(2);
    expect(result.out.length).toBeGreaterThan(0);
    // CSV records end with CRLF (RFC 4180); a CR right before LF moves nothing on a terminal.
    expect(result.out.replaceAll('\r\n', '\n')).not.toMatch(OBEYED);
    expect(result.err).not.toMatch(OBEYED);
  });

  it.each([
    ['validate', () => ['validate', database]],
    ['validate --json', () => ['validate', database, '--json']],
  ])(
    '%s of a database with hostile map and link ids: refused, the id shown as escapes',
    async (_name, argv) => {
      // Throughline never writes such an id, so the document is refused on open (document trust);
      // the refusal names the id, and names it escaped.
      const result = await cli(argv());
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toContain('map\\u001b]0;pwned\\u0007');
      expect(result.err).not.toMatch(OBEYED);
    },
  );

  it('shows what was there as escapes, and the JSON outputs still mean the same strings', async () => {
    const text = await cli(['validate', jsonMap]);
    expect(text.out).toContain('Board \\u001b]0;pwned\\u0007');
    const exported = await cli(['export', jsonMap, '--format', 'json']);
    expect((JSON.parse(exported.out) as { name: string }).name).toContain(
      `${RETITLE}${CLEAR}${LINK}${C1}${RLO}`,
    );
  });

  it('neutralises the same characters in a CSV or Markdown file, keeping tabs and line breaks', async () => {
    const map = content();
    map.nodes[0] = MapNodeSchema.parse({ id: 'g1', kind: 'goal', title: 'Goal', description: 'a\tb\nc' });
    const csv = outlineCsv(map, 'en', '2026-12-07');
    expect(csv.replaceAll('\r\n', '\n')).not.toMatch(OBEYED);
    expect(csv).toContain('\\u001b]0;pwned\\u0007');
    const md = outlineMarkdown({ name: HOSTILE, ...map }, 'zh-CN', '2026-12-07');
    expect(md).not.toMatch(OBEYED);
    const out = join(dir, 'outline.csv');
    expect((await cli(['export', jsonMap, '--format', 'csv', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8').replaceAll('\r\n', '\n')).not.toMatch(OBEYED);
  });
});

describe('the CSV formula guard', () => {
  it.each(['=1+1', '\n=1+1', '\r\n=1+1', '\t=1+1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '+1', '@x'])(
    'guards %j',
    (text) => {
      expect(guardText(text)).toBe(`'${text}`);
    },
  );
  it('leaves ordinary text alone', () => {
    expect(guardText('Raise conversion')).toBe('Raise conversion');
    expect(guardText('提升转化率')).toBe('提升转化率');
  });
});
