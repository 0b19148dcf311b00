import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBrowser } from '../../electron/backend/services/find-browser';
import { needsBuild } from '../../electron/cli/build';
import {
  chooseRuntime,
  electronSqliteCachePath,
  explainDownloadFailure,
} from '../../electron/cli/electron-runtime';
import { appWindowArgs, hasDisplay } from '../../electron/cli/open-app';
import { userDataDir } from '../../electron/cli/user-data';

describe('userDataDir', () => {
  it('is the OS app-data folder for Throughline', () => {
    expect(userDataDir({ platform: 'linux', env: {}, home: '/home/mei' })).toBe(
      '/home/mei/.config/Throughline',
    );
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, home: '/home/mei' })).toBe(
      '/xdg/Throughline',
    );
    expect(userDataDir({ platform: 'darwin', env: {}, home: '/Users/mei' })).toBe(
      '/Users/mei/Library/Application Support/Throughline',
    );
    expect(
      userDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\mei\\AppData\\Roaming' },
        home: 'C:\\Users\\mei',
      }),
    ).toBe('C:\\Users\\mei\\AppData\\Roaming\\Throughline');
    expect(userDataDir({ platform: 'linux', env: { THROUGHLINE_USER_DATA: '/tmp/x' }, home: '/h' })).toBe(
      '/tmp/x',
    );
  });
});

describe('findBrowser', () => {
  const only =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it('prefers CHROME_PATH when it exists', () => {
    expect(
      findBrowser({
        platform: 'linux',
        env: { CHROME_PATH: '/opt/my/chrome', PATH: '/usr/bin' },
        isExecutable: only('/opt/my/chrome', '/usr/bin/chromium'),
      }),
    ).toBe('/opt/my/chrome');
    expect(
      findBrowser({
        platform: 'linux',
        env: { CHROME_PATH: '/missing', PATH: '/usr/bin' },
        isExecutable: only('/usr/bin/chromium'),
      }),
    ).toBe('/usr/bin/chromium');
  });

  it('searches PATH for chromium, chrome and edge, then the standard Linux paths', () => {
    expect(
      findBrowser({
        platform: 'linux',
        env: { PATH: '/a:/b' },
        isExecutable: only('/b/google-chrome-stable'),
      }),
    ).toBe('/b/google-chrome-stable');
    expect(
      findBrowser({ platform: 'linux', env: { PATH: '/a' }, isExecutable: only('/a/microsoft-edge') }),
    ).toBe('/a/microsoft-edge');
    expect(
      findBrowser({ platform: 'linux', env: { PATH: '' }, isExecutable: only('/snap/bin/chromium') }),
    ).toBe('/snap/bin/chromium');
    expect(findBrowser({ platform: 'linux', env: { PATH: '/a' }, isExecutable: () => false })).toBeNull();
  });

  it('knows the macOS and Windows install locations', () => {
    expect(
      findBrowser({
        platform: 'darwin',
        env: { PATH: '' },
        isExecutable: only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'),
      }),
    ).toBe('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(
      findBrowser({
        platform: 'win32',
        env: { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
        isExecutable: only('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'),
      }),
    ).toBe('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
  });
});

describe('display and app window', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux only', () => {
    expect(hasDisplay({ platform: 'linux', env: {} })).toBe(false);
    expect(hasDisplay({ platform: 'linux', env: { DISPLAY: ':0' } })).toBe(true);
    expect(hasDisplay({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBe(true);
    expect(hasDisplay({ platform: 'darwin', env: {} })).toBe(true);
    expect(hasDisplay({ platform: 'win32', env: {} })).toBe(true);
  });
  it('opens an app window with a throw-away profile, without the sandbox only as root', () => {
    const args = appWindowArgs('http://127.0.0.1:1/?token=t', '/tmp/p', false);
    expect(args).toContain('--app=http://127.0.0.1:1/?token=t');
    expect(args).toContain('--user-data-dir=/tmp/p');
    expect(args).not.toContain('--no-sandbox');
    expect(appWindowArgs('u', '/tmp/p', true)).toContain('--no-sandbox');
  });
});

describe('explainDownloadFailure', () => {
  it('turns tool errors into a short cause', () => {
    expect(explainDownloadFailure('TypeError: fetch failed\n    at node:internal/deps/undici')).toBe(
      'no route to its download host',
    );
    expect(explainDownloadFailure('prebuild-install warn install getaddrinfo ENOTFOUND github.com')).toBe(
      'no route to its download host',
    );
    expect(explainDownloadFailure('HTTPError: Response code 404 (Not Found)')).toBe(
      'its download host refused the request',
    );
    expect(explainDownloadFailure('Error: Generated checksum for "electron.zip" did not match')).toBe(
      'the download did not match its expected checksum',
    );
    expect(explainDownloadFailure('')).toBe('the download failed');
  });
});

describe('chooseRuntime (on a stand-in package root)', () => {
  let root: string;
  const lines: string[] = [];
  const info = (line: string) => lines.push(line);
  const display = { DISPLAY: ':0', PATH: process.env.PATH };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'throughline-runtime-'));
    lines.length = 0;
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(
      join(root, 'node_modules', 'electron', 'package.json'),
      JSON.stringify({ version: '45.4.1' }),
    );
    mkdirSync(join(root, 'node_modules', 'better-sqlite3'), { recursive: true });
    writeFileSync(
      join(root, 'node_modules', 'better-sqlite3', 'package.json'),
      JSON.stringify({ name: 'better-sqlite3', version: '12.0.0' }),
    );
    mkdirSync(join(root, 'node_modules', 'prebuild-install'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Electron's install.js as it behaves with no route to its host: the stack on stderr, exit 1. */
  const failingInstall = `console.error(new TypeError('fetch failed').stack); process.exit(1);`;
  /** An install.js that "downloads" the binary. */
  const workingInstall = `
    const fs = require('fs'), path = require('path');
    fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
    fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;
  const prebuild = (script: string) =>
    writeFileSync(join(root, 'node_modules', 'prebuild-install', 'bin.js'), script);
  const install = (script: string) =>
    writeFileSync(join(root, 'node_modules', 'electron', 'install.js'), script);

  it('chooses the browser when there is no display, without trying any download', async () => {
    install('throw new Error("must not run")');
    const runtime = await chooseRuntime({ root, platform: 'linux', env: { PATH: process.env.PATH }, info });
    expect(runtime).toMatchObject({ kind: 'browser' });
    expect(runtime.kind === 'browser' && runtime.reason).toContain('No display');
    expect(lines).toEqual([]);
  });

  it("says Electron's binary could not be downloaded (no route), with no stack trace", async () => {
    install(failingInstall);
    const runtime = await chooseRuntime({ root, platform: 'linux', env: display, info });
    expect(runtime).toEqual({
      kind: 'browser',
      reason: "Electron's binary could not be downloaded (no route to its download host)",
    });
    expect(lines).toEqual(['Downloading Electron 45.4.1 (needed once, then kept)…']);
  });

  it('respects ELECTRON_SKIP_BINARY_DOWNLOAD', async () => {
    install('throw new Error("must not run")');
    const runtime = await chooseRuntime({
      root,
      platform: 'linux',
      env: { ...display, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      info,
    });
    expect(runtime.kind === 'browser' && runtime.reason).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });

  it('falls back when the Electron build of better-sqlite3 cannot be fetched', async () => {
    install(workingInstall);
    prebuild(
      `console.error('prebuild-install warn install getaddrinfo ENOTFOUND github.com'); process.exit(1);`,
    );
    const runtime = await chooseRuntime({ root, platform: 'linux', env: display, info });
    expect(runtime).toEqual({
      kind: 'browser',
      reason: "better-sqlite3's build for Electron could not be downloaded (no route to its download host)",
    });
  });

  it('runs the desktop app once both are there, caching the Electron build of better-sqlite3', async () => {
    install(workingInstall);
    // prebuild-install extracts into build/Release of the folder it runs in; record its arguments.
    prebuild(`
      const fs = require('fs');
      fs.mkdirSync('build/Release', { recursive: true });
      fs.writeFileSync('build/Release/better_sqlite3.node', 'binary');
      fs.writeFileSync(${JSON.stringify(join(root, 'args.json'))}, JSON.stringify(process.argv.slice(2)));`);
    const runtime = await chooseRuntime({ root, platform: 'linux', arch: 'x64', env: display, info });
    const cached = electronSqliteCachePath(root, '45.4.1');
    expect(runtime).toEqual({
      kind: 'desktop',
      electronPath: join(root, 'node_modules', 'electron', 'dist', 'electron'),
      sqliteBinding: cached,
    });
    expect(cached).toContain(join('node_modules', '.cache', 'throughline', 'better-sqlite3-electron-45.4.1'));
    expect(readFileSync(cached, 'utf8')).toBe('binary');
    expect(JSON.parse(readFileSync(join(root, 'args.json'), 'utf8'))).toEqual([
      '--runtime',
      'electron',
      '--target',
      '45.4.1',
      '--arch',
      'x64',
      '--platform',
      'linux',
    ]);

    // Next start: nothing is fetched again.
    prebuild('process.exit(1)');
    install('process.exit(1)');
    lines.length = 0;
    expect(await chooseRuntime({ root, platform: 'linux', arch: 'x64', env: display, info })).toMatchObject({
      kind: 'desktop',
    });
    expect(lines).toEqual([]);
  });
});

describe('needsBuild', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'throughline-build-'));
    for (const dir of [
      'electron/main',
      'electron/backend',
      'electron/cli',
      'renderer',
      'shared',
      'out/main',
      'out/preload',
      'out/renderer',
    ]) {
      mkdirSync(join(root, dir), { recursive: true });
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const touch = (path: string, seconds: number) => {
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), seconds, seconds);
  };

  it('builds when out/ is missing or older than a source file, not for command-line changes', () => {
    touch('shared/a.ts', 1000);
    expect(needsBuild(root)).toBe(true);
    touch('out/main/index.js', 2000);
    touch('out/preload/index.cjs', 2000);
    touch('out/renderer/index.html', 2000);
    expect(needsBuild(root)).toBe(false);
    touch('electron/cli/main.ts', 3000);
    expect(needsBuild(root)).toBe(false);
    touch('renderer/app.tsx', 3000);
    expect(needsBuild(root)).toBe(true);
  });

  it('builds when the backend changed: the desktop app bundles it', () => {
    touch('out/main/index.js', 2000);
    touch('out/preload/index.cjs', 2000);
    touch('out/renderer/index.html', 2000);
    touch('electron/backend/a.ts', 3000);
    expect(needsBuild(root)).toBe(true);
  });
});
