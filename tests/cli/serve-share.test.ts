import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../server/http-helpers';
import { runCli, STACK_LINE, startCli } from './run-cli';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-serve-share-'));
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

/** A QR code drawn with half blocks: at least 10 lines of block characters in a row. */
const QR = /(?:^[█▀▄ ]{21,}\n){10,}/m;

describe('throughline serve --share', () => {
  it('prints the editors’ and the view-only address, each with a QR code, and says the room is plain http', async () => {
    const library = join(dir, 'library.throughline');
    const { child, output } = await startCli(
      ['serve', '--no-open', '--share', '--host', '127.0.0.1', '--port', '0', '--library', library],
      env,
      /Ctrl\+C ends the room\.\n/,
    );
    const exited = exitOf(child);
    try {
      const { stdout } = output();
      expect(stdout).toMatch(/^Throughline is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}\n/);
      const editors = /^Editors join at: (http:\/\/127\.0\.0\.1:(\d+)\/\?join=[A-Za-z0-9_-]{24})\n/m.exec(
        stdout,
      );
      const viewers =
        /^View only \(observers\) at: (http:\/\/127\.0\.0\.1:(\d+)\/\?join=[A-Za-z0-9_-]{24})\n/m.exec(
          stdout,
        );
      expect(editors).not.toBeNull();
      expect(viewers).not.toBeNull();
      expect(editors?.[1]).not.toBe(viewers?.[1]);
      // A QR code after each address.
      const [afterEditors, afterViewers] = stdout.split(/^View only.*$/m) as [string, string];
      expect(afterEditors.split(/^Editors join at.*$/m)[1]).toMatch(QR);
      expect(afterViewers).toMatch(QR);
      expect(stdout).toMatch(
        /plain http on the local network: anyone on the network who sees one of these addresses/,
      );
      expect(stdout).toMatch(/--tls CERT KEY/);

      // The printed address works: the key is traded for a session that reaches the API.
      const port = Number(editors?.[2]);
      const join = new URL(editors?.[1] as string);
      const opened = await rawRequest({ port, path: join.pathname + join.search });
      expect(opened.status).toBe(200);
      const cookie = (opened.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
      const access = await rawRequest({
        port,
        method: 'POST',
        path: '/api/roomAccess',
        headers: { cookie, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(access.json()).toMatchObject({ ok: true, value: { access: 'edit', host: false } });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output().stderr).not.toMatch(STACK_LINE);
  });

  it('says it in Chinese with --lang zh-CN, and that --tls serves https', async () => {
    let pem = true;
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
    } catch {
      pem = false;
    }
    const tls = pem ? ['--tls', join(dir, 'cert.pem'), join(dir, 'key.pem')] : [];
    const { child, output } = await startCli(
      [
        'serve',
        '--no-open',
        '--share',
        '--host',
        '127.0.0.1',
        '--lang',
        'zh-CN',
        ...tls,
        '--library',
        join(dir, 'l.throughline'),
      ],
      env,
      /按 Ctrl\+C 结束会场。\n/,
    );
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const { stdout } = output();
    expect(stdout).toMatch(/^编辑者加入地址：https?:\/\/127\.0\.0\.1:\d+\/\?join=/m);
    expect(stdout).toMatch(/^仅查看（观察者）地址：/m);
    if (pem) {
      expect(stdout).toMatch(/^编辑者加入地址：https:/m);
      expect(stdout).toMatch(/通过 https 提供/);
    } else {
      console.warn('serve-share: openssl is not installed; --tls output not checked');
    }
  });

  it('refuses --tls without its key file, --host without --share, and an unreadable certificate, before starting', async () => {
    const noKey = await runCli(['serve', '--no-open', '--share', '--tls', join(dir, 'cert.pem')], env);
    expect(noKey.code).not.toBe(0);
    expect(noKey.stderr).toMatch(/--tls needs two files: the certificate, then its private key/);
    const noShare = await runCli(['serve', '--no-open', '--host', '127.0.0.1'], env);
    expect(noShare.stderr).toMatch(/--host and --tls go with --share/);
    const missing = await runCli(
      [
        'serve',
        '--no-open',
        '--share',
        '--host',
        '127.0.0.1',
        '--tls',
        join(dir, 'nope.pem'),
        join(dir, 'nope.key'),
      ],
      env,
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/The certificate for --tls could not be read/);
    expect(missing.stdout).toBe('');
  });
});
