import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256, tempDir } from '../storage/helpers';
import { endlessMapsView, soundDocument, triggers } from '../storage/hostile-documents';
import { fixture, runCli } from './run-cli';

describe('the command line on a crafted document', () => {
  it('refuses a maps view over an endless query at once, in validate and export', async () => {
    const file = join(tempDir(), 'endless.throughline');
    endlessMapsView(file);
    const before = sha256(file);
    const out = join(tempDir(), 'out.json');
    for (const args of [
      ['validate', file],
      ['export', file, '--format', 'json', '--out', out],
    ]) {
      const started = Date.now();
      const result = await runCli(args);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /holds a view "maps" that Throughline does not make.*Nothing in it was run/,
      );
    }
    expect(sha256(file)).toBe(before);
  }, 60_000);

  it('does not import into a document with triggers, whose maps stay as they were', async () => {
    const file = join(tempDir(), 'triggers.throughline');
    triggers(file);
    const before = sha256(file);
    const result = await runCli(['import', fixture('good-map.json'), '--into', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/holds a trigger "rewrite" that Throughline does not make/);
    expect(sha256(file)).toBe(before);

    // A sound document takes the same import.
    const sound = join(tempDir(), 'sound.throughline');
    soundDocument(sound);
    expect((await runCli(['import', fixture('good-map.json'), '--into', sound])).code).toBe(0);
  }, 60_000);
});
