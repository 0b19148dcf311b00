import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-cli-slides-'));
  env = { THROUGHLINE_USER_DATA: join(dir, 'user-data') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, env);

describe('throughline export --format pptx', () => {
  it('refuses pptx without --out in one line, before reading anything', async () => {
    const result = await cli('export', fixture('good-map.json'), '--format', 'pptx');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^throughline: format pptx needs --out PATH/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes a deck (a zip holding its slides) and never replaces a file without --force', async () => {
    const out = join(dir, 'board.pptx');
    const result = await cli('export', fixture('good-map.json'), '--format', 'pptx', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readFileSync(out).includes(Buffer.from('ppt/slides/slide1.xml'))).toBe(true);

    writeFileSync(out, 'keep me');
    const again = await cli('export', fixture('good-map.json'), '--format', 'pptx', '--out', out);
    expect(again.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(readdirSync(dir).filter((n) => n !== 'user-data')).toEqual(['board.pptx']);
  });

  it('lists pptx among the formats of its help', async () => {
    const help = await cli('export', '--help');
    expect(help.stdout).toContain('json|csv|xlsx|md|ics|svg|png|pdf|pptx');
  });
});
