import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const backend = join(root, 'electron/main');
const cli = join(root, 'electron/cli');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the backend stands without the command line', () => {
  it('no module under electron/main imports from electron/cli', () => {
    const offenders: string[] = [];
    for (const file of sources(backend)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const spec = match[1] as string;
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (target === cli || target.startsWith(`${cli}/`))
          offenders.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
