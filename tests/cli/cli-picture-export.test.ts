import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../../electron/cli/cli-error';
import { exportPngCommand } from '../../electron/cli/export-png';
import { InterchangeSchema, serializeInterchange } from '../../shared/interchange';
import { mapPicture } from '../../shared/render/map-picture';
import { templateContent } from '../../shared/templates';
import { fixture, runCli, STACK_LINE } from './run-cli';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-cli-picture-'));
  env = { THROUGHLINE_USER_DATA: join(dir, 'user-data') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, env);
const parsed = (file: string) => InterchangeSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('throughline export --format svg|png', () => {
  it('writes the SVG the app exports to stdout, and the same bytes to --out, in --lang', async () => {
    const file = join(dir, '双十一.json');
    writeFileSync(file, serializeInterchange('双十一大促', templateContent('shopping-festival', 'zh-CN')));
    const expected = mapPicture(parsed(file), 'zh-CN').svg;

    const stdout = await cli('export', file, '--format', 'svg', '--lang', 'zh-CN');
    expect(stdout.code, stdout.stderr).toBe(0);
    expect(stdout.stdout).toBe(expected);
    expect(stdout.stdout).toContain('负责人：');

    const out = join(dir, 'map.svg');
    const toFile = await cli('export', file, '--format', 'svg', '--lang', 'zh-CN', '--out', out);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected);
    expect(toFile.stderr).toContain(`已将“双十一大促”导出到 ${out}`);
  });

  it('refuses a map with no nodes in one line, exit 2, writing nothing', async () => {
    const file = join(dir, 'empty.json');
    writeFileSync(file, serializeInterchange('Empty', { nodes: [], links: [] }));
    const out = join(dir, 'empty.svg');
    const result = await cli('export', file, '--format', 'svg', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no nodes yet, so there is nothing to draw');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(() => readFileSync(out)).toThrow();
  });

  it('png: needs --out, and says in one line when no Chromium can be found', async () => {
    const base = { file: fixture('good-map.json'), lang: 'en' as const };
    const noOut = await exportPngCommand(
      base,
      () => {},
      () => null,
    ).catch((e: unknown) => e);
    expect(noOut).toBeInstanceOf(CliError);
    expect((noOut as CliError).message).toContain('format png needs --out PATH');

    const out = join(dir, 'map.png');
    const none = await exportPngCommand(
      { ...base, out },
      () => {},
      () => null,
    ).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(CliError);
    expect((none as CliError).message).toMatch(
      /^No Chromium, Google Chrome or Microsoft Edge .* the PNG cannot be made/,
    );
    expect((none as CliError).exitCode).toBe(EXIT.failure);
    expect(() => readFileSync(out)).toThrow();
  });
});
