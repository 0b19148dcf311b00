// Hostile files through importMapJson (the app's Import JSON in both modes): truncated, random
// bytes, too big, and maps whose titles and names carry markup, SQL or path tricks. Each is either
// refused with a reason a person can read, writing nothing, or stored as inert text that comes back
// exactly as it went in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import type { MapDocument, MapSummary } from '../../shared/contract/api';
import type { ApiErrorShape } from '../../shared/contract/errors';
import {
  INTERCHANGE_BOUNDS,
  interchangeOversizeReason,
  parseInterchange,
  safeFileName,
  serializeInterchange,
} from '../../shared/interchange';
import { createNode, LIMITS, type MapNode } from '../../shared/model';

let dir: string;
let backend: PlanBackend;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-hostile-'));
  backend = openPlanBackend({ libraryPath: join(dir, 'library.throughline'), stateDir: dir });
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Rows this connection has written so far: unchanged means nothing was written. */
function writes(): number {
  return backend.documents.database.db.prepare('SELECT total_changes()').pluck().get() as number;
}

async function importText(text: string, name?: string) {
  return backend.registry.dispatch('importMapJson', name === undefined ? { text } : { text, name });
}

/** Imports, expecting a refusal that wrote nothing; returns the error for its message. */
async function refused(text: string): Promise<ApiErrorShape> {
  const before = writes();
  const response = await importText(text);
  if (response.ok) throw new Error(`imported: ${JSON.stringify(response.value).slice(0, 200)}`);
  expect(writes()).toBe(before);
  return response.error;
}

async function value<T>(method: string, payload: unknown): Promise<T> {
  const response = await backend.registry.dispatch(method, payload);
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

const goodMap = () =>
  serializeInterchange('Growth', {
    nodes: [
      createNode('goal', 'g1', 'Grow', { x: 0, y: 0 }),
      createNode('mechanism', 'm1', 'Coupons', { x: 360, y: 0 }),
      createNode('metric', 'k1', 'Conversion', { x: 720, y: 0 }),
    ],
    links: [
      { id: 'l1', source: 'g1', target: 'm1' },
      { id: 'l2', source: 'm1', target: 'k1' },
    ],
  });

describe('malformed files are refused with a reason, writing nothing', () => {
  it('refuses every truncation of a good file', async () => {
    const text = goodMap();
    for (let cut = 0; cut < text.trimEnd().length; cut += 7) {
      const error = await refused(text.slice(0, cut));
      expect(error.code).toBe('invalid-file');
      expect(error.message).toMatch(
        /^This file cannot be imported: the file is (not valid JSON|not a Throughline map)/,
      );
    }
  });

  it('refuses random bytes, read as UTF-8 or as Latin-1', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 2000 }),
        fc.boolean(),
        async (bytes, utf8) => {
          const text = Buffer.from(bytes).toString(utf8 ? 'utf8' : 'latin1');
          const error = await refused(text);
          expect(error.code).toBe('invalid-file');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses JSON that is not a map: wrong format, version, types, duplicate ids, deep nesting', async () => {
    const base = JSON.parse(goodMap());
    const cases: [unknown, RegExp][] = [
      [[], /not a Throughline map/],
      [null, /not a Throughline map/],
      ['"text"', /not a Throughline map/],
      [{ ...base, format: 'drawio' }, /format/],
      [{ ...base, version: 3 }, /made by a newer Throughline/],
      [{ ...base, version: 0 }, /version/],
      [{ ...base, nodes: 'many' }, /nodes/],
      [{ ...base, nodes: [{ ...base.nodes[0], kind: 'vision' }] }, /kind/],
      [{ ...base, nodes: [{ ...base.nodes[0], position: { x: -1e12, y: 0 } }] }, /position/],
      [{ ...base, nodes: [...base.nodes, base.nodes[0]] }, /two nodes share the id "g1"/],
      [{ ...base, links: [{ id: 'l1', source: 'g1', target: 7 }] }, /links\[0\]\.target: should be text/],
    ];
    for (const [json, reason] of cases) {
      const error = await refused(typeof json === 'string' ? json : JSON.stringify(json));
      expect(error.message, JSON.stringify(json).slice(0, 80)).toMatch(reason);
    }
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect((await refused(deep)).code).toBe('invalid-file');
  });
});

describe('files too large for a map are refused quickly', () => {
  it.each([
    ['a title', (n: MapNode) => ({ ...n, title: 'x'.repeat(LIMITS.title + 1) }), /nodes\[0\]\.title/],
    [
      'a description',
      (n: MapNode) => ({ ...n, description: 'x'.repeat(LIMITS.description + 1) }),
      /description/,
    ],
    ['an owner', (n: MapNode) => ({ ...n, owner: 'x'.repeat(LIMITS.owner + 1) }), /owner/],
    ['an id', (n: MapNode) => ({ ...n, id: 'x'.repeat(LIMITS.idLength + 1) }), /nodes\[0\]\.id/],
  ])('refuses %s over its limit, naming the field', async (_what, spoil, field) => {
    const node = createNode('goal', 'g1', 'Grow', { x: 0, y: 0 });
    const text = JSON.stringify({
      format: 'throughline-map',
      version: 1,
      name: 'Plan',
      nodes: [spoil(node)],
      links: [],
    });
    const error = await refused(text);
    expect(error.message).toMatch(field);
    expect(error.message).toMatch(/is longer than \d+ characters/);
  });

  it('refuses a map name over its limit', async () => {
    const text = goodMap().replace('"Growth"', `"${'n'.repeat(LIMITS.mapName + 1)}"`);
    expect((await refused(text)).message).toMatch(/name/);
  });

  it('refuses a million nodes before parsing them, in well under a second of work', async () => {
    const node = '{"id":"n0","kind":"goal","title":"x"},';
    const text = `{"format":"throughline-map","version":1,"name":"Huge","nodes":[${node.repeat(1_000_000)}{"id":"n","kind":"goal","title":"x"}],"links":[]}`;
    const started = performance.now();
    const error = await refused(text);
    const elapsed = performance.now() - started;
    expect(error.message).toMatch(/too large to be a map: it holds more than 620,000 objects/);
    // Measured at about 0.05 s; JSON.parse and the schema over a million nodes took 2 s and 400 MB.
    expect(elapsed).toBeLessThan(1500);
  });

  it('refuses ten million bare values (no objects to count) before parsing them', async () => {
    const text = `{"format":"throughline-map","version":1,"name":"x","nodes":[${'1,'.repeat(10_000_000)}1],"links":[]}`;
    expect((await refused(text)).message).toMatch(/more than 6,200,000 values/);
  });

  it('refuses more nodes than a map holds with the count, after parsing but before the schema', async () => {
    const nodes = Array.from({ length: LIMITS.nodesPerMap + 1 }, (_, i) => ({
      id: `n${i}`,
      kind: 'goal',
      title: 't',
    }));
    const text = JSON.stringify({ format: 'throughline-map', version: 1, name: 'x', nodes, links: [] });
    expect((await refused(text)).message).toMatch(/it has 20,001 nodes; a map holds at most 20,000/);
  });

  it('refuses text over the contract limit as an invalid payload without reading it', async () => {
    const response = await importText(' '.repeat(50_000_001));
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('lets the largest real map through the size guard (20,000 full nodes, 60,000 links)', () => {
    const nodes = Array.from({ length: LIMITS.nodesPerMap }, (_, i) => {
      const kind = (['goal', 'mechanism', 'metric'] as const)[i % 3] ?? 'goal';
      return {
        ...createNode(kind, `n${i}`, 't'.repeat(40), { x: i, y: -i }),
        owner: 'COO',
        description: 'd, e, f',
      };
    });
    const links = Array.from({ length: LIMITS.linksPerMap }, (_, i) => ({
      id: `l${i}`,
      source: `n${i % LIMITS.nodesPerMap}`,
      target: `n${(i * 7 + 1) % LIMITS.nodesPerMap}`,
    }));
    const text = serializeInterchange('Biggest', { nodes, links });
    expect(interchangeOversizeReason(text)).toBeNull();
    const parsed = parseInterchange(text);
    expect(parsed.ok && parsed.content.nodes.length).toBe(LIMITS.nodesPerMap);
    // Four objects per node or link, one per check-in (LIMITS.checkinsPerMap).
    expect(INTERCHANGE_BOUNDS.objects).toBe(620_000);
  });

  it('counts braces and commas inside strings as text, not structure', () => {
    const title = '{,'.repeat(200);
    expect(interchangeOversizeReason(JSON.stringify({ title }), { objects: 2, values: 2 })).toBeNull();
    expect(interchangeOversizeReason('{"a":"\\"{{{{"}', { objects: 1, values: 0 })).toBeNull();
    expect(interchangeOversizeReason('{{{', { objects: 2, values: 0 })).toMatch(/more than 2 objects/);
  });
});

/** Titles and names that would do harm if anything rendered, queried or saved them as code or paths. */
const HOSTILE_TITLES = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  "'); DROP TABLE nodes;--",
  "Robert'); DELETE FROM maps WHERE ('1'='1",
  '../../etc/passwd',
  '..\\..\\Windows\\System32',
  'CON',
  'nul.txt',
  'a\u0000b',
  '\u202Egnp.exe',
  '=HYPERLINK("https://evil.example","x")',
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the hostile text here
  '${process.exit()}',
  '增长计划 👩‍💼 🚀',
];

describe('hostile titles and names are stored as inert text', () => {
  it('keeps every title exactly, leaves the tables intact, and round-trips through export', async () => {
    const nodes = HOSTILE_TITLES.map((title, i) => ({
      ...createNode('goal', `g${i}`, title, { x: 0, y: i * 100 }),
      owner: title.slice(0, LIMITS.owner),
      description: title,
    }));
    const text = serializeInterchange('Hostile', { nodes, links: [] });
    const summary = await value<MapSummary>('importMapJson', { text });
    const map = await value<MapDocument>('loadMap', { mapId: summary.id });
    expect(map.nodes.map((n) => n.title)).toEqual(HOSTILE_TITLES);
    expect(map.nodes.map((n) => n.description)).toEqual(HOSTILE_TITLES);
    const tables = backend.documents.database.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['maps', 'nodes', 'links']));
    expect((await value<MapSummary[]>('listMaps', {})).map((m) => m.name)).toEqual(['Hostile']);

    const exported = await value<{ text: string; fileName: string }>('exportMapJson', { mapId: summary.id });
    const again = parseInterchange(exported.text);
    expect(again.ok && again.content.nodes.map((n) => n.title)).toEqual(HOSTILE_TITLES);
  });

  it('keeps hostile map names exactly and gives their exports safe file names', async () => {
    for (const name of HOSTILE_TITLES) {
      const text = goodMap();
      const trimmed = name.trim();
      const summary = await value<MapSummary>('importMapJson', { text, name });
      expect(summary.name).toBe(trimmed);
      const { fileName } = await value<{ fileName: string }>('exportMapJson', { mapId: summary.id });
      expectSafeFileName(fileName, 'json');
    }
    expect(safeFileName('../../etc/passwd', 'json')).toBe('etc passwd.json');
    expect(safeFileName('CON', 'json')).toBe('Throughline map.json');
    expect(safeFileName('nul.txt', 'json')).toBe('Throughline map.json');
    expect(safeFileName('com¹', 'json')).toBe('Throughline map.json');
    expect(safeFileName('\u202Egnp.exe', 'json')).toBe('gnp.exe.json');
    expect(safeFileName('a\u0000b', 'json')).toBe('a b.json');
    expect(safeFileName('Console plan', 'json')).toBe('Console plan.json');
  });

  it('makes a safe file name from any name', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...HOSTILE_TITLES)),
        (name) => expectSafeFileName(safeFileName(name, 'json'), 'json'),
      ),
      { numRuns: 500 },
    );
    // An emoji at the cut is kept whole, never half a surrogate pair.
    expectSafeFileName(safeFileName(`${'a'.repeat(99)}🚀🚀`, 'json'), 'json');
  });
});

/** Safe on Windows, macOS and Linux: one path segment, no reserved name or character, valid UTF-16. */
function expectSafeFileName(fileName: string, extension: string): void {
  expect(fileName.endsWith(`.${extension}`), fileName).toBe(true);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is checked for
  expect(fileName, fileName).not.toMatch(/[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/);
  // With the u flag, \p{Cs} matches only a lone surrogate: half a character, invalid in a file name.
  expect(fileName, fileName).not.toMatch(/\p{Cs}/u);
  expect(fileName.startsWith('.') || fileName.startsWith(' '), fileName).toBe(false);
  expect(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i.test(fileName), fileName).toBe(false);
  expect(Array.from(fileName).length).toBeLessThanOrEqual(100 + extension.length + 1);
}
