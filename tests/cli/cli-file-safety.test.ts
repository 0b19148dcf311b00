// The command line never destroys or garbles data through its files: `export --out` does not
// overwrite the document it reads (or anything else without --force), a replaced file keeps its
// permissions and links, a refused import leaves no file behind, JSON that is not UTF-8 is refused
// instead of imported with garbled titles, and a file's bytes quoted in a message cannot drive the
// terminal.

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild } from '../storage/bundle-child';
import { fixture, runCli, STACK_LINE, sha256 } from './run-cli';

let dir: string;
const path = (name: string) => join(dir, name);
let doc: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-cli-files-'));
  doc = path('plan.throughline');
  const made = await runCli(['import', fixture('good-map.json'), '--into', doc]);
  expect(made.code, made.stderr).toBe(0);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function expectRefusal(result: { code: number | null; stderr: string }, reason: RegExp) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).not.toMatch(STACK_LINE);
}

describe('export --out', () => {
  it('never writes over the document being exported, by its name, a link or its WAL', async () => {
    const before = sha256(doc);
    symlinkSync(doc, path('link-to-plan.throughline'));
    symlinkSync(dir, path('link-to-folder'));
    const walThroughFolderLink = join(path('link-to-folder'), 'plan.throughline-wal');
    for (const out of [doc, path('link-to-plan.throughline'), `${doc}-wal`, walThroughFolderLink]) {
      for (const format of ['json', 'csv']) {
        const result = await runCli(['export', doc, '--format', format, '--out', out, '--force']);
        expectRefusal(result, /is the document being exported; choose another file \(nothing was written\)/);
      }
    }
    expect(sha256(doc)).toBe(before);
    expect(lstatSync(path('link-to-plan.throughline')).isSymbolicLink()).toBe(true);
    expect(existsSync(`${doc}-wal`)).toBe(false);
  });

  it('replaces an existing file only with --force, keeping its permissions and its link', async () => {
    const kept = path('kept.json');
    writeFileSync(kept, 'my notes');
    chmodSync(kept, 0o600);
    expectRefusal(
      await runCli(['export', doc, '--format', 'json', '--out', kept]),
      /already exists; pass --force to replace it/,
    );
    expect(readFileSync(kept, 'utf8')).toBe('my notes');

    const replaced = await runCli(['export', doc, '--format', 'json', '--out', kept, '--force']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(kept, 'utf8')).format).toBe('throughline-map');
    expect(statSync(kept).mode & 0o777).toBe(0o600);

    const real = path('real.json');
    writeFileSync(real, 'old');
    symlinkSync(real, path('link.json'));
    const through = await runCli(['export', doc, '--format', 'json', '--out', path('link.json'), '--force']);
    expect(through.code, through.stderr).toBe(0);
    expect(lstatSync(path('link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).format).toBe('throughline-map');
  });

  it('says plainly when --out is a folder or its folder does not exist', async () => {
    mkdirSync(path('a-folder'));
    expectRefusal(
      await runCli(['export', doc, '--format', 'json', '--out', path('a-folder'), '--force']),
      /is a folder; give the path of a file/,
    );
    const missing = await runCli(['export', doc, '--format', 'json', '--out', path('no/such/folder.json')]);
    expectRefusal(missing, /could not be written: its folder does not exist \(nothing was written\)/);
    expect(missing.stderr).not.toMatch(/\.tmp/);
  });
});

describe('export from a document with a damaged map', () => {
  it("exports another map, and names the damaged one and the user's file, never a temporary copy", async () => {
    const two = path('two.throughline');
    for (const name of ['Healthy', 'Damaged']) {
      const made = await runCli(['import', fixture('good-map.json'), '--into', two, '--name', name]);
      expect(made.code, made.stderr).toBe(0);
    }
    const db = new Database(two);
    db.prepare("UPDATE nodes SET title = ? WHERE map_id = (SELECT id FROM maps WHERE name = 'Damaged')").run(
      'x'.repeat(400),
    );
    db.close();
    const healthy = await runCli(['export', two, '--format', 'json', '--map', 'Healthy']);
    expect(healthy.code, healthy.stderr).toBe(0);
    expect(JSON.parse(healthy.stdout).name).toBe('Healthy');
    const damaged = await runCli(['export', two, '--format', 'json', '--map', 'Damaged']);
    expectRefusal(damaged, /Map "Damaged"/);
    expect(damaged.stderr).toContain(two);
    expect(damaged.stderr).not.toMatch(/throughline-read-/);
  });
});

describe('import', () => {
  it('checks the name before opening the document: a refusal creates no file or folder', async () => {
    const into = path('typo/sub/plan.throughline');
    expectRefusal(
      await runCli(['import', fixture('good-map.json'), '--into', into, '--name', 'x'.repeat(201)]),
      /Invalid map name/,
    );
    expect(existsSync(path('typo'))).toBe(false);
  });

  it('says "1 node" and "1 link", not "1 nodes"', async () => {
    const one = path('one.json');
    writeFileSync(
      one,
      JSON.stringify({
        format: 'throughline-map',
        version: 1,
        name: 'One',
        nodes: [
          { id: 'g', kind: 'goal', title: 'Grow' },
          { id: 'm', kind: 'mechanism', title: 'Run' },
        ],
        links: [{ id: 'l', source: 'g', target: 'm' }],
      }),
    );
    const result = await runCli(['import', one, '--into', path('one.throughline')]);
    expect(result.stderr).toContain('2 nodes, 1 link.');
  });
});

describe('JSON that is not UTF-8', () => {
  const map = (title: string) =>
    `{"format":"throughline-map","version":1,"name":"Plan","nodes":[{"id":"g","kind":"goal","title":"${title}"}],"links":[]}`;

  it('is refused, not read with garbled titles: Latin-1, GBK and UTF-16', async () => {
    writeFileSync(path('latin1.json'), Buffer.from(map('Café résumé'), 'latin1'));
    // "增长" in GBK: two bytes a character, not UTF-8.
    writeFileSync(
      path('gbk.json'),
      Buffer.concat([
        Buffer.from(map('').slice(0, -30)),
        Buffer.from([0xd4, 0xf6, 0xb3, 0xa4]),
        Buffer.from(map('').slice(-30)),
      ]),
    );
    writeFileSync(
      path('utf16.json'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(map('Grow'), 'utf16le')]),
    );
    for (const name of ['latin1.json', 'gbk.json']) {
      expectRefusal(await runCli(['validate', path(name)]), /is not UTF-8 text .*save it as UTF-8/);
      expectRefusal(
        await runCli(['import', path(name), '--into', path('never.throughline')]),
        /is not UTF-8 text/,
      );
    }
    expectRefusal(await runCli(['validate', path('utf16.json')]), /is UTF-16 text; save it as UTF-8/);
    expect(existsSync(path('never.throughline'))).toBe(false);
  });

  it('with a byte order mark is read as usual', async () => {
    writeFileSync(path('bom.json'), `\uFEFF${map('Grow')}`);
    const result = await runCli(['validate', path('bom.json')]);
    expect(result.code, result.stderr).toBe(1);
  });
});

describe('messages quoting a file', () => {
  it('show its control characters as escapes, never as terminal commands', async () => {
    writeFileSync(path('escape.json'), '{"format": \u001b]0;PWNED\u0007\u001b[2J }');
    const result = await runCli(['validate', path('escape.json')]);
    expect(result.code).toBe(2);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not appear
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(result.stderr).toContain('\\u001b');
  });
});

const asRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

describe.skipIf(asRoot && !setpriv)('a read-only document', () => {
  it('is validated like any other (the private copy is made writable)', async () => {
    const folder = path('shared-drive');
    mkdirSync(folder);
    chmodSync(dir, 0o755);
    chmodSync(folder, 0o755);
    const file = join(folder, 'plan.throughline');
    writeFileSync(file, readFileSync(doc));
    chmodSync(file, 0o444);
    const before = sha256(file);
    const runAsUser = (args: string[]) => {
      if (!asRoot) return runCli(args);
      const child = bundleChild('cli-as-child', mkdtempSync(join(dir, 'child-')), 'cli');
      chmodSync(dirname(child), 0o755);
      const result = spawnSync(
        setpriv as string,
        ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, child, ...args],
        { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: folder }, cwd: folder },
      );
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const validated = await runAsUser(['validate', file]);
    expect(validated.stderr).not.toMatch(/read-only/);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout).toContain('Map "');
    expect(sha256(file)).toBe(before);
  });
});

describe('help', () => {
  it('refuses a topic that is not a command, as the command itself would be refused', async () => {
    expectRefusal(await runCli(['help', 'frob']), /"frob" is not a command/);
  });
});
