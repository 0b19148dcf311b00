import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const backend = join(root, 'electron/backend');
const shell = join(root, 'electron/main');
const cli = join(root, 'electron/cli');
const renderer = join(root, 'renderer');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every import specifier of every source under dir, static or dynamic, with its file. */
function imports(dir: string): { file: string; spec: string }[] {
  const found: { file: string; spec: string }[] = [];
  for (const file of sources(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g))
      found.push({ file, spec: match[1] as string });
  }
  return found;
}

const inside = (target: string, dir: string) => target === dir || target.startsWith(`${dir}/`);

/** The imports under dir that are the given package or that resolve into one of the given folders. */
function offenders(dir: string, packages: readonly string[], folders: readonly string[]): string[] {
  return imports(dir)
    .filter(({ file, spec }) => {
      if (!spec.startsWith('.')) return packages.some((name) => spec === name || spec.startsWith(`${name}/`));
      const target = resolve(dirname(file), spec);
      return folders.some((folder) => inside(target, folder));
    })
    .map(({ file, spec }) => `${relative(root, file)} → ${spec}`);
}

describe('the layers of electron/', () => {
  it('the backend is there and plain Node: storage, services and server', () => {
    expect(sources(backend).length).toBeGreaterThan(0);
    for (const layer of ['storage', 'services', 'server'])
      expect(sources(join(backend, layer)).length).toBeGreaterThan(0);
  });

  it('no module under electron/backend imports electron, the shell, the command line or the renderer', () => {
    expect(offenders(backend, ['electron'], [shell, cli, renderer])).toEqual([]);
  });

  it('no module under electron/main imports from electron/cli', () => {
    expect(offenders(shell, [], [cli])).toEqual([]);
  });

  it('the check sees a forbidden import (electron/cli does import the backend)', () => {
    expect(offenders(cli, [], [backend]).length).toBeGreaterThan(0);
  });
});
