import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Two copies of Yjs (two versions, or its CJS and ESM builds side by side) break `instanceof`
// checks and lose edits silently (yjs #438): every package that uses it must reach the same one.
describe('one copy of Yjs', () => {
  it('is what the app, y-protocols and y-websocket all import', () => {
    const require = createRequire(import.meta.url);
    const own = require.resolve('yjs');
    for (const user of ['y-protocols/sync', 'y-websocket']) {
      const from = createRequire(join(dirname(require.resolve(user)), 'index.js'));
      expect(from.resolve('yjs')).toBe(own);
    }
  });
});
