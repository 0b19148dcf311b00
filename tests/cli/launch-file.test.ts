import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeLaunchFile } from '../../electron/cli/launch-file';
import { openApp } from '../../electron/cli/open-app';

const TOKEN = 'c'.repeat(64);
const OPEN_URL = `http://127.0.0.1:4123/?token=${TOKEN}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-launch-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the launch page', () => {
  it.skipIf(process.platform === 'win32')(
    'is readable by this user only, carries the address, and is gone after dispose',
    () => {
      const launch = writeLaunchFile(OPEN_URL);
      expect(statSync(launch.path).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(launch.path)).mode & 0o777).toBe(0o700);
      expect(launch.url.startsWith('file://')).toBe(true);
      expect(launch.url).not.toContain(TOKEN);
      expect(readFileSync(launch.path, 'utf8')).toContain(
        `<meta http-equiv="refresh" content="0; url=${OPEN_URL}">`,
      );
      launch.dispose();
      expect(existsSync(dirname(launch.path))).toBe(false);
      launch.dispose();
    },
  );
});

describe('openApp', () => {
  it.skipIf(process.platform === 'win32')(
    'starts the browser on the launch page: no argument carries the token',
    async () => {
      // A stand-in browser that records its command line, as /proc/<pid>/cmdline shows it to all.
      const argsFile = join(dir, 'args.txt');
      const fake = join(dir, 'fake-browser');
      writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\n`);
      chmodSync(fake, 0o755);
      const saved = { CHROME_PATH: process.env.CHROME_PATH, DISPLAY: process.env.DISPLAY };
      process.env.CHROME_PATH = fake;
      process.env.DISPLAY = ':99';
      try {
        const opened = openApp(OPEN_URL, () => {});
        expect(opened.how).toBe('app-window');
        await opened.closed;
        const args = readFileSync(argsFile, 'utf8').trim().split('\n');
        for (const arg of args) expect(arg).not.toContain(TOKEN);
        const app = args.find((arg) => arg.startsWith('--app='));
        expect(app).toMatch(/^--app=file:\/\//);
        const page = fileURLToPath((app as string).slice('--app='.length));
        expect(readFileSync(page, 'utf8')).toContain(OPEN_URL);
        await opened.dispose();
        expect(existsSync(page)).toBe(false);
      } finally {
        for (const [name, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
    },
  );
});
