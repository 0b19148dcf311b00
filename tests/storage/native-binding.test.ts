import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOptions, ELECTRON_SQLITE_ENV } from '../../electron/backend/storage/native-binding';
import { tempDir } from './helpers';

const node = { ...process.versions, electron: undefined } as unknown as NodeJS.ProcessVersions;
const electron = { ...process.versions, electron: '45.4.1' } as NodeJS.ProcessVersions;

function fakeBinary(file: string): string {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, 'not really a binary');
  return file;
}

describe('databaseOptions', () => {
  it('uses the node_modules build under Node, even when an Electron build is present', () => {
    const root = tempDir();
    fakeBinary(join(root, 'native', 'electron', 'better_sqlite3.node'));
    expect(databaseOptions({ versions: node, appRoot: root, env: {} })).toEqual({});
  });

  it('passes the Electron build under Electron, from the env var first, then the app folder', () => {
    const root = tempDir();
    const inApp = fakeBinary(join(root, 'native', 'electron', 'better_sqlite3.node'));
    const named = fakeBinary(join(root, 'elsewhere', 'sqlite.node'));
    expect(databaseOptions({ versions: electron, appRoot: root, env: {} })).toEqual({ nativeBinding: inApp });
    expect(
      databaseOptions({ versions: electron, appRoot: root, env: { [ELECTRON_SQLITE_ENV]: named } }),
    ).toEqual({
      nativeBinding: named,
    });
  });

  it('looks beside the asar archive, where packaging unpacks native modules', () => {
    const root = tempDir();
    const unpacked = fakeBinary(join(root, 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'));
    expect(databaseOptions({ versions: electron, appRoot: join(root, 'app.asar'), env: {} })).toEqual({
      nativeBinding: unpacked,
    });
  });

  it('falls back to the default binding under Electron when no Electron build exists', () => {
    expect(databaseOptions({ versions: electron, appRoot: tempDir(), env: {} })).toEqual({});
  });
});
