import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { bundleChild } from './bundle-child';
import { tempDir } from './helpers';

/**
 * The tests that run a child as user "nobody" (read-only-open, cli-file-safety) must pass in a
 * clone nobody else can enter (a home folder of mode 0700), where node_modules is out of that
 * user's reach. So a bundled child must run from its folder alone: moved to a folder with no
 * node_modules anywhere above it, it still opens a document.
 */
describe('a bundled child', () => {
  it('runs from its own folder, with nothing of the repository in reach', () => {
    const built = tempDir();
    bundleChild('open-as-child', built);

    const alone = join(tempDir(), 'alone');
    mkdirSync(alone);
    for (const entry of readdirSync(built)) {
      const from = join(built, entry);
      // A link back into the repository is exactly what another user may not be able to follow.
      if (lstatSync(from).isFile()) copyFileSync(from, join(alone, entry));
    }
    const file = join(alone, 'plan.throughline');
    const repo = new MapRepository(openDocument(file, { create: true }));
    repo.createMap('Plan');
    repo.close();

    const out = execFileSync(process.execPath, [join(alone, 'open-as-child.mjs'), file], {
      encoding: 'utf8',
      cwd: alone,
      env: { PATH: process.env.PATH ?? '', HOME: alone },
    });
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toEqual({ ok: true });
  });
});
