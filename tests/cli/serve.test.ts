import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../server/http-helpers';
import { runCli, STACK_LINE, startCli } from './run-cli';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-serve-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Throughline</title>');
  env = {
    THROUGHLINE_USER_DATA: join(dir, 'user-data'),
    THROUGHLINE_RENDERER_DIR: renderer,
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const exitOf = (child: import('node:child_process').ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('throughline serve', () => {
  it('prints one address line, serves the library, and stops cleanly on SIGTERM with the WAL folded back', async () => {
    const library = join(dir, 'library.throughline');
    const { child, match, output } = await startCli(
      ['serve', '--no-open', '--port', '0', '--library', library],
      env,
      /^Throughline is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=[0-9a-f]{64})\n/,
    );
    const exited = exitOf(child);
    try {
      const port = Number(match[2]);
      const opened = await rawRequest({
        port,
        path: new URL(match[1] as string).pathname + new URL(match[1] as string).search,
      });
      expect(opened.status).toBe(200);
      const cookie = (opened.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
      const created = await rawRequest({
        port,
        method: 'POST',
        path: '/api/createMap',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Served' }),
      });
      expect(created.json()).toMatchObject({ ok: true, value: { name: 'Served' } });
      expect(existsSync(`${library}-wal`)).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output().stdout.trim().split('\n')).toHaveLength(1);
    expect(output().stderr).not.toMatch(STACK_LINE);
    expect(existsSync(`${library}-wal`)).toBe(false);

    const check = await runCli(['export', library], env);
    expect(JSON.parse(check.stdout)).toMatchObject({ name: 'Served', nodes: [], links: [] });
  });

  it('uses the library in the user-data folder by default, and stops on SIGINT', async () => {
    const { child } = await startCli(['serve', '--no-open'], env, /Throughline is running at /);
    const exited = exitOf(child);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, 'user-data', 'library.throughline'))).toBe(true);
  });

  it('says "run npm run build" when the renderer is not built', async () => {
    const result = await runCli(['serve', '--no-open'], {
      ...env,
      THROUGHLINE_RENDERER_DIR: join(dir, 'nothing'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npm run build');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe('');
  });

  it('refuses a library that is not a Throughline document, leaving it untouched', async () => {
    const library = join(dir, 'notes.throughline');
    writeFileSync(library, 'not a database'.repeat(20));
    const result = await runCli(['serve', '--no-open', '--library', library], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a Throughline document');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('says so when the port is taken, and refuses a port that is not a number', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as import('node:net').AddressInfo).port;
    try {
      const result = await runCli(
        ['serve', '--no-open', '--port', String(port), '--library', join(dir, 'l.throughline')],
        env,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Port ${port} is in use`);
    } finally {
      blocker.close();
    }
    const bad = await runCli(['serve', '--no-open', '--port', 'eighty'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port');
  });

  it('on Linux with no display, opens nothing and says to open the address', async () => {
    if (process.platform !== 'linux') return;
    const { child, output } = await startCli(
      ['serve', '--library', join(dir, 'l.throughline')],
      env,
      /running at /,
    );
    const exited = exitOf(child);
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output().stderr).toContain('No display was found');
  });
});
