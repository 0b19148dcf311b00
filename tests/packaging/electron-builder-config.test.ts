import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Electron (and so electron-builder) cannot be downloaded on every machine: this checks the
// packaging configuration as data. `npm run dist` runs it where Electron's hosts are reachable.
const root = new URL('../..', import.meta.url).pathname;
const raw = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = parse(raw) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function section(key: string): Record<string, unknown> {
  const value = config[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`no "${key}" section`);
  return value as Record<string, unknown>;
}

function targets(platform: string): string[] {
  const target = section(platform).target;
  const list = Array.isArray(target) ? target : [target];
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('parses, with no duplicate keys or YAML warnings', () => {
    expect(() => parse(raw, { uniqueKeys: true, strict: true, prettyErrors: true })).not.toThrow();
    expect(typeof config).toBe('object');
  });

  it('names the app and writes to dist/', () => {
    expect(config.appId).toBe('app.throughline.desktop');
    expect(config.productName).toBe('Throughline');
    expect(section('directories').output).toBe('dist');
    expect(section('directories').buildResources).toBe('resources');
  });

  it('packages the built app (out/) and package.json, whose main is inside out/', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.asar).not.toBe(false);
  });

  it('unpacks better-sqlite3 from the asar archive and rebuilds it for Electron', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**']));
    expect(config.npmRebuild).toBe(true);
    // A production dependency, so it is packaged at all (and electron-vite leaves it external).
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
  });

  it('flips the fuses', () => {
    expect(section('electronFuses')).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
    // The renderer's module scripts are loaded from file://; they need the file protocol's privileges.
    expect(section('electronFuses').grantFileProtocolExtraPrivileges).not.toBe(false);
  });

  it('builds NSIS for Windows, a dmg for macOS, and AppImage and deb for Linux', () => {
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('linux').sort()).toEqual(['AppImage', 'deb']);
    expect(section('linux').category).toBe('Office');
    // deb refuses to build without a maintainer.
    expect(section('linux').maintainer).toMatch(/<.+@.+>/);
  });

  it('associates .throughline files with the app', () => {
    const associations = config.fileAssociations as Record<string, unknown>[];
    expect(associations).toEqual([
      expect.objectContaining({
        ext: 'throughline',
        name: 'Throughline plan',
        role: 'Editor',
        mimeType: 'application/x-throughline',
      }),
    ]);
    // electron-builder's NSIS installer registers associations only when installing per machine.
    expect(section('nsis').perMachine).toBe(true);
  });

  it('uses the icon in resources/, large enough for .icns and .ico', () => {
    for (const platform of ['win', 'mac', 'linux']) {
      const icon = section(platform).icon;
      expect(icon).toBe('resources/icon.png');
    }
    const { width, height } = pngSize(join(root, 'resources/icon.png'));
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
    expect(existsSync(join(root, 'resources/icon.svg'))).toBe(true);
  });

  it('publishes nothing', () => {
    expect(config.publish).toBeNull();
  });
});

describe('npm run dist', () => {
  it('builds, then packages with electron-builder', () => {
    // electron-builder rebuilds better-sqlite3 for Electron in place; the last step gives the
    // tests and the command line their Node build back.
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder && npm rebuild better-sqlite3');
  });

  it('does not make electron-builder a dependency (it downloads Electron; install it where you package)', () => {
    expect(pkg.dependencies['electron-builder']).toBeUndefined();
    expect(pkg.devDependencies['electron-builder']).toBeUndefined();
  });
});
