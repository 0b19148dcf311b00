import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPlanBackend } from '../../electron/backend/services/plan-backend';
import { MIGRATIONS } from '../../electron/backend/storage/migrations';
import { applyMigrations } from '../../electron/backend/storage/schema';
import { INTERCHANGE_VERSION, InterchangeSchema } from '../../shared/interchange';
import { fixture, runCli, STACK_LINE, sha256 } from './run-cli';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-cli-'));
  env = { THROUGHLINE_USER_DATA: join(dir, 'user-data') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, env);

/** A document holding the given fixtures, made through the CLI's own import. */
async function documentWith(...fixtures: string[]): Promise<string> {
  const db = join(dir, 'plans.throughline');
  for (const name of fixtures) {
    const result = await cli('import', fixture(name), '--into', db);
    expect(result.code, result.stderr).toBe(0);
  }
  return db;
}

/** The fixture as the app reads it: defaults filled in. */
/** A fixture as the export writes it back: defaults filled in, in the version this build writes. */
const normalised = (name: string) => ({
  ...InterchangeSchema.parse(JSON.parse(readFileSync(fixture(name), 'utf8'))),
  version: INTERCHANGE_VERSION,
});

describe('throughline validate', () => {
  it('exits 0 on a good map and says so', async () => {
    const result = await cli('validate', fixture('good-map.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Growth 2026');
    expect(result.stdout).toContain('No findings');
    expect(result.stderr).toBe('');
  });

  it('exits 1 on a goal without an execution path, with the message and the node id', async () => {
    const result = await cli('validate', fixture('goal-without-path.json'), '--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('The goal "Enter the Japanese market" has no execution path');
    expect(result.stdout).toContain('nodes: g1');
    expect(result.stdout).toContain('goal-without-execution-path');
  });

  it('prints parseable JSON with --json, and the Chinese message with --lang zh-CN', async () => {
    const result = await cli('validate', fixture('goal-without-path.json'), '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      maps: {
        name: string;
        findings: { code: string; severity: string; nodeIds: string[]; message: Record<string, string> }[];
      }[];
    };
    expect(report.maps).toHaveLength(1);
    expect(report.maps[0]?.name).toBe('Unfinished plan');
    const finding = report.maps[0]?.findings.find((f) => f.code === 'goal-without-execution-path');
    expect(finding).toMatchObject({ severity: 'error', nodeIds: ['g1'] });
    expect(finding?.message.en).toContain('execution path');
    expect(finding?.message['zh-CN']).toBeTruthy();

    const zh = await cli('validate', fixture('goal-without-path.json'), '--lang', 'zh-CN');
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain(finding?.message['zh-CN'] as string);
  });

  it('exits 2 with one clear line and no stack trace on malformed JSON', async () => {
    for (const [name, text] of [
      ['malformed.json', readFileSync(fixture('malformed.json'), 'utf8')],
      ['truncated.json', '{"format": "throughline-map", "version": 1, "nodes": ['],
      ['not-a-map.json', '{"hello": "world"}'],
      ['array.json', '[]'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const result = await cli('validate', file);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(/^throughline: .*cannot be read as a map: .+/);
      expect(result.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(result.stderr, name).not.toMatch(STACK_LINE);
      expect(result.stdout, name).toBe('');
    }
  });

  it('exits 2 on random bytes named .throughline, an empty file and a missing file', async () => {
    const random = join(dir, 'random.throughline');
    writeFileSync(random, randomBytes(8192));
    const before = sha256(random);
    const result = await cli('validate', random);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a Throughline document');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(sha256(random)).toBe(before);
    expect(existsSync(`${random}-wal`)).toBe(false);

    // Damaged bytes that happen to open like JSON are still judged as a document by their name.
    const bracket = join(dir, 'bracket.throughline');
    writeFileSync(bracket, Buffer.concat([Buffer.from('[F'), randomBytes(4096)]));
    const bracketResult = await cli('validate', bracket);
    expect(bracketResult.code).toBe(2);
    expect(bracketResult.stderr).toContain('not a Throughline document');

    const empty = join(dir, 'empty.throughline');
    writeFileSync(empty, '');
    expect((await cli('validate', empty)).code).toBe(2);
    const missing = await cli('validate', join(dir, 'missing.throughline'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no file');
  });

  it('validates every map of a database and never changes the file', async () => {
    const db = await documentWith('good-map.json', 'goal-without-path.json', 'bad-links.json');
    const before = sha256(db);
    const result = await cli('validate', db, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { maps: { name: string; findings: { code: string }[] }[] };
    expect(report.maps.map((m) => m.name).sort()).toEqual([
      'Growth 2026',
      'Links that break the rules',
      'Unfinished plan',
    ]);
    expect(sha256(db)).toBe(before);
    expect(existsSync(`${db}-wal`)).toBe(false);
    expect(existsSync(`${db}-shm`)).toBe(false);

    const readable = await cli('validate', db);
    expect(readable.code).toBe(1);
    expect(sha256(db)).toBe(before);
  });

  it('does not migrate an older document: it is read from a private copy', async () => {
    const old = join(dir, 'old.throughline');
    const db = new Database(old);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, MIGRATIONS.slice(0, 1));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha256(old);
    const result = await cli('validate', old);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('no maps');
    expect(sha256(old)).toBe(before);
    // No backup copy, WAL or shared-memory file appeared beside it either.
    expect(readdirSync(dir).filter((f) => f.startsWith('old.throughline'))).toEqual(['old.throughline']);
    const reopened = new Database(old, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(1);
    reopened.close();
  });

  it('reads edits still in the WAL of a document open in the app, touching neither file', async () => {
    const db = join(dir, 'open.throughline');
    const backend = openPlanBackend({ libraryPath: db, stateDir: dirname(db) });
    try {
      const created = await backend.registry.dispatch('createMap', { name: 'Only in the WAL' });
      expect(created.ok).toBe(true);
      expect(existsSync(`${db}-wal`)).toBe(true);
      const before = [sha256(db), sha256(`${db}-wal`)];
      const result = await cli('validate', db, '--json');
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as { maps: { name: string }[] }).maps.map((m) => m.name)).toEqual([
        'Only in the WAL',
      ]);
      expect([sha256(db), sha256(`${db}-wal`)]).toEqual(before);
    } finally {
      backend.close();
    }
  });

  it('exits 0 on a database whose maps have no error', async () => {
    const db = await documentWith('good-map.json');
    expect((await cli('validate', db)).code).toBe(0);
  });

  it('refuses unknown options and commands with exit 2 and the usage', async () => {
    const bad = await cli('validate', fixture('good-map.json'), '--nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: throughline validate');
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('validate', fixture('good-map.json'), '--lang', 'fr')).code).toBe(2);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['validate', 'export', 'import', 'serve', 'start'])
      expect(help.stdout).toContain(command);
  });
});

describe('throughline import and export', () => {
  it('round-trips a map: import then export gives the input back (with defaults filled in)', async () => {
    const db = join(dir, 'plans.throughline');
    const imported = await cli('import', fixture('good-map.json'), '--into', db);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Imported "Growth 2026"');

    const exported = await cli('export', db, '--format', 'json');
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(normalised('good-map.json'));

    const out = join(dir, 'out.json');
    const toFile = await cli('export', db, '--format', 'json', '--map', 'Growth 2026', '--out', out);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(normalised('good-map.json'));
  });

  it('imports links that break the rules and lists them as findings', async () => {
    const db = join(dir, 'plans.throughline');
    const result = await cli('import', fixture('bad-links.json'), '--into', db, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { maps: { findings: { code: string }[] }[] };
    const codes = new Set(report.maps[0]?.findings.map((f) => f.code));
    for (const code of ['link-dangling', 'link-forbidden', 'link-duplicate', 'link-cycle'])
      expect(codes).toContain(code);

    const exported = await cli('export', db);
    expect(JSON.parse(exported.stdout)).toEqual(normalised('bad-links.json'));
  });

  it('renames on import with --name', async () => {
    const db = join(dir, 'plans.throughline');
    expect((await cli('import', fixture('good-map.json'), '--into', db, '--name', '增长 2026')).code).toBe(0);
    const exported = JSON.parse((await cli('export', db, '--map', '增长 2026')).stdout) as { name: string };
    expect(exported.name).toBe('增长 2026');
  });

  it('refuses a malformed JSON map and leaves the database byte-identical (or uncreated)', async () => {
    const db = await documentWith('good-map.json');
    const before = sha256(db);
    const result = await cli('import', fixture('malformed.json'), '--into', db);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot be read as a map');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(sha256(db)).toBe(before);
    expect(existsSync(`${db}-wal`)).toBe(false);

    const fresh = join(dir, 'fresh.throughline');
    expect((await cli('import', fixture('malformed.json'), '--into', fresh)).code).toBe(2);
    expect(existsSync(fresh)).toBe(false);
  });

  it('refuses to import into a file that is not a Throughline document, leaving it untouched', async () => {
    const other = join(dir, 'notes.throughline');
    writeFileSync(other, 'just some text, not a database at all'.repeat(10));
    const before = sha256(other);
    const result = await cli('import', fixture('good-map.json'), '--into', other);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a Throughline document');
    expect(sha256(other)).toBe(before);
  });

  it('export: needs --map for several maps; binary formats need --out', async () => {
    const db = await documentWith('good-map.json', 'goal-without-path.json');
    const ambiguous = await cli('export', db);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('--map');
    expect(ambiguous.stderr).toContain('Growth 2026');

    // A PDF is binary: without --out it is refused before anything is read or printed.
    const pdf = await cli('export', db, '--format', 'pdf', '--map', 'Growth 2026');
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('format pdf needs --out PATH');
    const png = await cli('export', db, '--format', 'png', '--map', 'Growth 2026');
    expect(png.code).toBe(2);
    expect(png.stderr).toContain('format png needs --out PATH');

    const missing = await cli('export', db, '--map', 'Nope');
    expect(missing.code).toBe(2);

    const fromJson = await cli('export', fixture('goal-without-path.json'));
    expect(fromJson.code).toBe(0);
    expect(JSON.parse(fromJson.stdout)).toEqual(normalised('goal-without-path.json'));
  });

  it('export reads a database without changing it', async () => {
    const db = await documentWith('good-map.json');
    const copy = join(dir, 'copy.throughline');
    copyFileSync(db, copy);
    const before = sha256(copy);
    expect((await cli('export', copy)).code).toBe(0);
    expect(sha256(copy)).toBe(before);
  });
});
