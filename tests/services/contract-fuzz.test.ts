// Property-based fuzzing of every contract method through MethodRegistry.dispatch, over a real
// SQLite library in a temporary folder. Whatever arrives, the answer is an ApiResponse (never a
// throw), a refused payload is a typed error, and a refusal writes nothing to the document.
//
// "Nothing written" is checked three ways after every case:
// - the bytes of the database file and of its -wal, hashed. Before the cases the WAL is folded
//   back with wal_checkpoint(TRUNCATE), so the main file holds everything and the WAL is empty; a
//   read never writes either file (only the -shm index, which is shared memory, not content, and is
//   left out), while any committed write appends frames to the WAL. So byte equality is reliable.
// - total_changes() of the app's own connection: it also counts rows changed by a statement whose
//   transaction was rolled back afterwards, which leaves no bytes behind.
// - a stable dump of the schema and every table, so a failure shows what changed, not just a hash.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PdfPrinter } from '../../electron/backend/services/pdf-printer';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import { contract, type MethodArgs } from '../../shared/contract/api';
import { ApiErrorShapeSchema, type ApiResponse } from '../../shared/contract/errors';
import { METHOD_NAMES, type MethodName } from '../../shared/contract/methods';
import { serializeInterchange } from '../../shared/interchange';
import { createNode } from '../../shared/model';
import { writeChange } from '../storage/write-change';
import { oneThingWrong, shapedPayload } from './fuzz-payloads';

/** Cases per method and generator (three generators; two where a method has no valid example). */
const RUNS = 200;
/** Generous: the machine is shared, and a method's 600 cases take 0.3 to 2 s when it is not busy. */
const METHOD_TIMEOUT_MS = 120_000;

/**
 * Methods that may change the document when the payload is valid. Any other method that answers
 * ok must leave it untouched; a new method that writes fails here until it is reviewed and listed.
 */
const WRITES_WHEN_VALID: ReadonlySet<MethodName> = new Set([
  'createMap',
  'renameMap',
  'duplicateMap',
  'deleteMap',
  // Brings back a map deleted in this session (refused as missing otherwise).
  'restoreMap',
  'importMapJson',
  'createMapFromTemplate',
  // Replaces the open document with one of its backups (after backing up the current state).
  'restoreBackup',
  // Names the map's present state as a version; a new map from a version.
  'saveVersion',
  'startFromVersion',
]);

/** Methods that may open another document when valid; the library must be left as it was. */
const OPENS_DOCUMENT_WHEN_VALID: ReadonlySet<MethodName> = new Set([
  'uploadDocument',
  'openRecentDocument',
  'openLibrary',
  'openDocumentDialog',
  'saveDocumentAsDialog',
]);

const ResponseSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorShapeSchema }),
]);

let dir: string;
let backend: PlanBackend;
let libraryPath: string;
let mapId = '';
let documentBase64 = '';
const tally = new Map<MethodName, Map<string, number>>();

/** A valid payload per method, so "one thing wrong" reaches past the schema into the handlers. */
const VALID: { [K in MethodName]?: () => MethodArgs<K> } = {
  listMaps: () => ({}),
  listMapPage: () => ({ offset: 0, limit: 5 }),
  createMap: () => ({ name: 'Plan' }),
  renameMap: () => ({ mapId, name: 'Renamed' }),
  duplicateMap: () => ({ mapId, name: 'Copy' }),
  deleteMap: () => ({ mapId }),
  restoreMap: () => ({ mapId }),
  loadMap: () => ({ mapId }),
  importMapJson: () => ({
    text: serializeInterchange('Imported', {
      nodes: [createNode('goal', 'g1', 'Imported goal', { x: 0, y: 0 })],
      links: [],
    }),
  }),
  createMapFromTemplate: () => ({ templateId: 'okrs', language: 'en' }),
  readCheckinTable: () => ({
    fileName: 'numbers.csv',
    base64: Buffer.from('metric,date,value,note\nk1,2026-11-30,1,=1+2\n').toString('base64'),
  }),
  exportMapJson: () => ({ mapId }),
  exportMap: () => ({ mapId, format: 'csv', language: 'zh-CN' }),
  exportSlides: () => ({ mapId, language: 'zh-CN' }),
  saveVersion: () => ({ mapId, label: 'Offsite Q1 <b>', author: '李娜' }),
  exportPdf: () => ({ mapId, options: { title: '<img src=x onerror=alert(1)> ../../CON', footer: 'x' } }),
  preparePdfExport: () => ({ mapId, language: 'zh-CN' }),
  documentInfo: () => ({}),
  listRecentDocuments: () => ({}),
  openRecentDocument: () => ({ path: libraryPath }),
  openLibrary: () => ({}),
  uploadDocument: () => ({ fileName: 'Board pack.throughline', base64: documentBase64 }),
  downloadDocument: () => ({}),
  openDocumentDialog: () => ({}),
  saveDocumentAsDialog: () => ({}),
  setUiLanguage: () => ({ language: 'zh-CN' }),
  listBackups: () => ({}),
  // A path out of the backups folder: must be refused as not found, never followed.
  restoreBackup: () => ({ id: '../library.throughline' }),
};

/** A PDF printer that prints nothing, so exportPdf runs through to its file name without a browser. */
const FAKE_PRINTER: PdfPrinter = { print: async () => new TextEncoder().encode('%PDF-1.7\n') };

/** Values a real caller might send, so a shaped payload can be right in some fields. */
const plausibleValue = (): fc.Arbitrary<unknown> =>
  fc.constantFrom(
    mapId,
    'g1',
    'Plan',
    'en',
    'zh-CN',
    'okrs',
    'x.throughline',
    'aGVsbG8=',
    0,
    1,
    true,
    [],
    [createNode('goal', 'g2', 'New goal', { x: 0, y: 0 })],
    [{ id: 'l9', source: 'k1', target: 'g1' }],
  );

// ---- the document and its snapshots ----

interface Snapshot {
  file: string;
  wal: string;
  changes: number;
  dump: string;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** An absent WAL and an empty one hold the same: nothing (closing a document removes its WAL). */
function walHash(path: string): string {
  const wal = `${path}-wal`;
  const bytes = existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0);
  return bytes.length === 0 ? 'empty' : sha256(bytes);
}

function snapshot(): Snapshot {
  const { path, db } = backend.documents.database;
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const dump = JSON.stringify({
    schema: db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all(),
    userVersion: db.pragma('user_version', { simple: true }),
    rows: tables.map((table) => [
      table,
      (db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all() as unknown[])
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  });
  return {
    file: sha256(readFileSync(path)),
    wal: walHash(path),
    changes: db.prepare('SELECT total_changes()').pluck().get() as number,
    dump,
  };
}

/** Folds the WAL back, so the next case starts from one file and an empty WAL. */
function baseline(): Snapshot {
  backend.documents.database.db.pragma('wal_checkpoint(TRUNCATE)');
  return snapshot();
}

/**
 * After a legitimate write: drops the maps the case added, so hundreds of accepted createMap or
 * template payloads do not make every later snapshot slower, then takes a new baseline.
 */
function rebaseline(): Snapshot {
  backend.documents.database.db.prepare('DELETE FROM maps WHERE id <> ?').run(mapId);
  return baseline();
}

async function ok<T>(method: MethodName, payload: unknown): Promise<T> {
  const response = await backend.registry.dispatch(method, payload);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.value as T;
}

/** A map with a goal, a mechanism and a metric (a fuzz case may delete it). */
async function seedMap(): Promise<void> {
  mapId = (await ok<{ id: string }>('createMap', { name: 'Growth plan' })).id;
  writeChange(backend.documents.repository, {
    mapId,
    baseRevision: 0,
    upsertNodes: [
      createNode('goal', 'g1', 'Grow', { x: 0, y: 0 }),
      createNode('mechanism', 'm1', 'Coupons', { x: 360, y: 0 }),
      createNode('metric', 'k1', 'Conversion', { x: 720, y: 0 }),
    ],
    upsertLinks: [
      { id: 'l1', source: 'g1', target: 'm1' },
      { id: 'l2', source: 'm1', target: 'k1' },
    ],
    deleteNodeIds: [],
    deleteLinkIds: [],
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-fuzz-'));
  libraryPath = join(dir, 'library.throughline');
  backend = openPlanBackend({ libraryPath, stateDir: dir, pdfPrinter: () => FAKE_PRINTER });
  await seedMap();
  documentBase64 = (await ok<{ base64: string }>('downloadDocument', {})).base64;
});

beforeEach(async () => {
  if (backend.documents.database.path !== libraryPath) backend.documents.openLibrary();
  if (backend.documents.repository.revisionOf(mapId) === undefined) await seedMap();
});

afterAll(() => {
  backend?.close();
  rmSync(dir, { recursive: true, force: true });
  const lines = [...tally].map(([method, outcomes]) => {
    const counts = [...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ');
    return `  ${method}: ${counts}`;
  });
  const total = [...tally.values()].reduce((sum, m) => sum + [...m.values()].reduce((a, b) => a + b, 0), 0);
  console.log(`contract fuzz: ${total} cases over ${tally.size} methods\n${lines.join('\n')}`);
});

// ---- the property ----

function count(method: MethodName, outcome: string): void {
  const outcomes = tally.get(method) ?? new Map<string, number>();
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  tally.set(method, outcomes);
}

/** One case: dispatch, then the invariants. Returns the snapshot to compare the next case against. */
async function check(method: MethodName, payload: unknown, before: Snapshot): Promise<Snapshot> {
  let response: ApiResponse<unknown>;
  try {
    response = await backend.registry.dispatch(method, payload);
  } catch (error) {
    throw new Error(`${method} threw instead of answering: ${String(error)}`);
  }
  const shape = ResponseSchema.safeParse(response);
  if (!shape.success) throw new Error(`${method} answered a malformed response: ${shape.error.message}`);
  const valid = contract[method].args.safeParse(payload ?? {}).success;
  const switched = backend.documents.database.path !== libraryPath;
  count(method, response.ok ? (switched ? 'ok, opened another document' : 'ok') : response.error.code);

  if (!response.ok) {
    expect(response.error.message.length, `${method}: a message the user can read`).toBeGreaterThan(5);
    expect(response.error.message, `${method}: no stack trace`).not.toMatch(/\n\s+at /);
    if (!valid) expect(response.error.code, `${method}: a refused payload`).toBe('invalid-payload');
    // 'internal' means a handler threw something it did not expect on a payload the contract accepted.
    else expect(response.error.code, `${method}: ${response.error.message}`).not.toBe('internal');
  } else {
    expect(valid, `${method} answered ok to a payload the contract refuses`).toBe(true);
  }

  if (switched) {
    if (!(response.ok && OPENS_DOCUMENT_WHEN_VALID.has(method))) {
      throw new Error(`${method} switched the open document to ${backend.documents.database.path}`);
    }
    backend.documents.openLibrary();
  }
  const after = snapshot();
  if (response.ok && WRITES_WHEN_VALID.has(method)) return rebaseline();
  // Leaving the library folds its WAL back into the file: the next case starts from that file.
  if (response.ok && switched) return rebaseline();
  // A reopened library has a new connection, whose total_changes() starts again from 0.
  if (!switched) expect(after.changes, `${method}: rows written`).toBe(before.changes);
  expect(after.dump, `${method}: content changed`).toBe(before.dump);
  expect(after.file, `${method}: database file bytes changed`).toBe(before.file);
  expect(after.wal, `${method}: WAL bytes changed`).toBe(before.wal);
  return switched ? baseline() : after;
}

describe('every contract method, fuzzed through MethodRegistry.dispatch', () => {
  it('covers the whole contract', () => {
    expect(backend.registry.methods.sort()).toEqual([...METHOD_NAMES].sort());
  });

  for (const method of METHOD_NAMES) {
    it(
      `${method}: any payload gets a typed answer and a refusal writes nothing`,
      async () => {
        let current = baseline();
        const property = (payloads: fc.Arbitrary<unknown>) =>
          fc.asyncProperty(payloads, async (payload) => {
            current = await check(method, payload, current);
          });
        await fc.assert(property(fc.anything()), { numRuns: RUNS });
        await fc.assert(property(shapedPayload(contract[method].args, plausibleValue())), { numRuns: RUNS });
        const valid = VALID[method];
        if (valid) await fc.assert(property(oneThingWrong(valid())), { numRuns: RUNS });
      },
      METHOD_TIMEOUT_MS,
    );
  }

  it('has valid examples that the contract accepts (a method without one gets the other two generators)', () => {
    const missing = METHOD_NAMES.filter((method) => !VALID[method]);
    if (missing.length > 0) console.log(`contract fuzz: no valid example yet for ${missing.join(', ')}`);
    for (const method of METHOD_NAMES) {
      const example = VALID[method];
      if (example) expect(contract[method].args.safeParse(example()).success, method).toBe(true);
    }
  });

  it('refuses payloads over the size limits at once, before any work', async () => {
    const before = baseline();
    const started = performance.now();
    for (const [method, payload] of [
      ['importMapJson', { text: 'x'.repeat(50_000_001) }],
      ['uploadDocument', { fileName: 'a.throughline', base64: 'A'.repeat(56_000_001) }],
      ['createMap', { name: 'x'.repeat(1_000_000) }],
      ['openRecentDocument', { path: '/'.repeat(5000) }],
    ] as const) {
      const response = await backend.registry.dispatch(method, payload);
      expect(response, method).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(performance.now() - started).toBeLessThan(5000);
    await check('listMaps', {}, before);
  });

  it('leaves Object.prototype unpolluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});
