import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { wordError } from '../../shared/contract/error-wording';
import { ApiError } from '../../shared/contract/errors';
import { sha256, tempDir } from './helpers';
import {
  badLinks,
  blobMapName,
  controlCharacterMapId,
  endlessMapsView,
  rowidlessMaps,
  soundDocument,
  tamper,
  triggers,
} from './hostile-documents';

/** Opening is refused as 'invalid-file' naming `reason`, and the folder is byte for byte as it was. */
function expectRefusedUntouched(file: string, reason: RegExp): ApiError {
  const dir = join(file, '..');
  const before = readdirSync(dir).map((name) => [name, sha256(join(dir, name))]);
  let error: unknown;
  try {
    openDocument(file, { create: false }).close();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ApiError);
  const refused = error as ApiError;
  expect(refused.code).toBe('invalid-file');
  expect(refused.message).toMatch(reason);
  expect(refused.message).toContain('The file was not changed.');
  // Nothing added beside it (no -wal, -shm or copy), nothing changed.
  expect(readdirSync(dir).map((name) => [name, sha256(join(dir, name))])).toEqual(before);
  return refused;
}

describe('a received document is trusted only as far as its schema is Throughline’s', () => {
  it('refuses a `maps` table rebuilt WITHOUT ROWID before any query, leaving it in its journal mode', () => {
    const file = join(tempDir(), 'rowidless.throughline');
    rowidlessMaps(file);
    const header = readFileSync(file).subarray(18, 20);
    expect([...header]).toEqual([1, 1]); // rollback journal, as the sender left it
    expectRefusedUntouched(file, /its table "maps" is not defined as Throughline defines it/);
  });

  it('refuses a `maps` view over an endless query at once, without running it', () => {
    const file = join(tempDir(), 'endless.throughline');
    endlessMapsView(file);
    const started = Date.now();
    const error = expectRefusedUntouched(file, /holds a view "maps" that Throughline does not make/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(wordError(error.wording as NonNullable<typeof error.wording>, 'zh-CN')).toMatch(
      /不是由 Throughline 创建的.*没有被执行/,
    );
  });

  it('refuses triggers, so none can run on a save or an import', () => {
    const file = join(tempDir(), 'triggers.throughline');
    triggers(file);
    expectRefusedUntouched(file, /holds a trigger "rewrite" that Throughline does not make/);
  });

  it('refuses an index, a table or a column it does not know, and a known object that is missing', () => {
    const cases: [string, RegExp][] = [
      ['CREATE INDEX by_title ON nodes (lower(title))', /an index "by_title"/],
      ['CREATE TABLE extra (x)', /a table "extra" that Throughline does not make/],
      ['ALTER TABLE nodes ADD COLUMN secret TEXT', /its table "nodes" is not defined/],
      ['DROP INDEX links_by_source', /it lacks the index "links_by_source" Throughline makes/],
    ];
    for (const [sql, reason] of cases) {
      const file = join(tempDir(), 'odd.throughline');
      soundDocument(file);
      tamper(file, sql, 'wal');
      expectRefusedUntouched(file, reason);
    }
  });

  it('opens its own documents with trusted_schema off and cell size checks on', () => {
    const file = join(tempDir(), 'sound.throughline');
    soundDocument(file);
    const doc = openDocument(file, { create: false });
    expect(doc.db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(doc.db.pragma('cell_size_check', { simple: true })).toBe(1);
    doc.close();
  });

  it('refuses map rows no request could show or name, in words', () => {
    const blob = join(tempDir(), 'blob.throughline');
    blobMapName(blob);
    expectRefusedUntouched(blob, /the map "[^"]+" has a name that is not valid \(binary data\)/);

    const control = join(tempDir(), 'control.throughline');
    controlCharacterMapId(control);
    const error = expectRefusedUntouched(control, /a map has an id that is not valid \("evil\\nid"\)/);
    // The line break is shown escaped, never raw.
    expect(error.message).not.toContain('evil\nid');
  });

  it('refuses a map whose links are not valid when it is loaded, naming the map; the others still open', () => {
    const file = join(tempDir(), 'links.throughline');
    const id = badLinks(file);
    const repo = new MapRepository(openDocument(file, { create: false }));
    try {
      expect(repo.listMaps()).toHaveLength(1);
      expect(() => repo.loadMap(id)).toThrow(
        /Map "Plan" in ".*" holds a link .* that is not valid \(id: binary data is not an id\)/,
      );
      const other = repo.createMap('Fine');
      expect(repo.loadMap(other.id).nodes).toEqual([]);
    } finally {
      repo.close();
    }
  });
});
