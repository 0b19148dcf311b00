import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { bundleChild } from './bundle-child';
import { sha256 } from './helpers';

/**
 * A read-only document or folder is refused at open with a plain reason, before SQLite can call
 * it damaged or let the user type edits it could never save. Permissions stop nothing for root,
 * so when the tests run as root (CI containers) each attempt runs as user "nobody" through
 * setpriv; without setpriv there, the test says so and is skipped.
 */

const asRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
const canTest = !asRoot || setpriv !== undefined;

let dir: string;
let child: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-read-only-'));
  chmodSync(dir, 0o755); // "nobody" must reach the documents and the bundled script
  if (asRoot && setpriv) {
    // Bundled (bundle-child.ts), since tsx as "nobody" cannot write its cache.
    child = bundleChild('open-as-child', dir);
    chmodSync(child, 0o644);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Outcome = { ok: true } | { ok: false; code?: string; message?: string };

/** openDocument as a user the permissions apply to. */
function openAsUser(file: string): Outcome {
  if (!asRoot) {
    try {
      openDocument(file, { create: false }).close();
      return { ok: true };
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      return { ok: false, code, message };
    }
  }
  const out = execFileSync(
    setpriv as string,
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, child, file],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir } },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Outcome;
}

function makeDocument(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'plan.throughline');
  const repo = new MapRepository(openDocument(file, { create: true }));
  repo.createMap('Plan');
  repo.close();
  return file;
}

describe.skipIf(!canTest)('opening a read-only document', () => {
  it('refuses a read-only file with a plain reason and leaves it as it was; opens it once writable', () => {
    const folder = join(dir, 'file-read-only');
    const file = makeDocument(folder);
    chmodSync(folder, 0o777);
    chmodSync(file, 0o444);
    const before = sha256(file);
    const outcome = openAsUser(file);
    expect(outcome).toMatchObject({ ok: false, code: 'storage-failed' });
    expect(outcome.ok === false && outcome.message).toContain('the file is read-only');
    expect(sha256(file)).toBe(before);

    chmodSync(file, 0o666);
    expect(openAsUser(file)).toEqual({ ok: true });
  });

  it('refuses a writable file in a read-only folder, where SQLite would have called it damaged', () => {
    const folder = join(dir, 'folder-read-only');
    const file = makeDocument(folder);
    chmodSync(file, 0o666);
    chmodSync(folder, 0o555);
    try {
      const before = sha256(file);
      const outcome = openAsUser(file);
      expect(outcome).toMatchObject({ ok: false, code: 'storage-failed' });
      expect(outcome.ok === false && outcome.message).toContain('its folder is read-only');
      expect(outcome.ok === false && outcome.message).not.toContain('damaged');
      expect(sha256(file)).toBe(before);
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});
