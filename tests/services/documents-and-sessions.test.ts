import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEASE_MS, MapLeases } from '../../electron/backend/services/map-leases';
import type { DocumentInfo, MapSession, MapSummary, RecentDocument } from '../../shared/contract/api';
import { createNode } from '../../shared/model';
import { temporaryBackend } from './temporary-backend';

const library = temporaryBackend('throughline-docs-');
const { call, failure } = library;

describe('documents', () => {
  it('refuses an empty file, uploaded or opened, and leaves the library open and unchanged', async () => {
    for (const base64 of ['', '!!!!']) {
      const error = await failure('uploadDocument', { fileName: 'blank.throughline', base64 });
      expect(error.code).toBe('invalid-file');
      expect(error.message).toMatch(/"blank.throughline" is empty/);
    }
    const empty = join(library.dir, 'empty.throughline');
    writeFileSync(empty, '');
    expect(() => library.backend.documents.open(empty)).toThrow(/is empty: it is not a Throughline document/);
    expect(readFileSync(empty).length).toBe(0);
    expect((await call<DocumentInfo>('documentInfo')).isLibrary).toBe(true);
  });

  it('starts on the library and reports it', async () => {
    const info = await call<DocumentInfo>('documentInfo');
    expect(info).toMatchObject({ fileName: 'library.throughline', isLibrary: true, nativeDialogs: false });
  });

  it('downloads a copy, opens it through the file picker path, lists it as recent and reopens it', async () => {
    await call('createMap', { name: 'Offsite plan' });
    const copy = await call<{ fileName: string; base64: string }>('downloadDocument');
    expect(copy.fileName).toBe('library.throughline');
    expect(Buffer.from(copy.base64, 'base64').subarray(0, 15).toString()).toBe('SQLite format 3');

    const opened = await call<DocumentInfo>('uploadDocument', {
      fileName: '../../Board pack.throughline',
      base64: copy.base64,
    });
    expect(opened).toMatchObject({ fileName: 'Board pack.throughline', isLibrary: false });
    expect(opened.path).toBe(join(library.dir, 'documents', 'Board pack.throughline'));
    expect((await call<MapSummary[]>('listMaps')).map((m) => m.name)).toEqual(['Offsite plan']);

    // Edits go to the opened document, not the library.
    await call('createMap', { name: 'Only in the board pack' });
    await call('openLibrary');
    expect((await call<MapSummary[]>('listMaps')).map((m) => m.name)).toEqual(['Offsite plan']);

    const recent = await call<RecentDocument[]>('listRecentDocuments');
    expect(recent).toEqual([expect.objectContaining({ path: opened.path, available: true })]);
    await call('openRecentDocument', { path: opened.path });
    expect((await call<MapSummary[]>('listMaps')).map((m) => m.name).sort()).toEqual([
      'Offsite plan',
      'Only in the board pack',
    ]);
  });

  it('refuses an upload that is not a Throughline document and keeps the current one open, leaving no file behind', async () => {
    await call('createMap', { name: 'Keep me' });
    const error = await failure('uploadDocument', {
      fileName: 'notes.throughline',
      base64: Buffer.from('just some text, not SQLite').toString('base64'),
    });
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('notes.throughline');
    expect((await call<MapSummary[]>('listMaps')).map((m) => m.name)).toEqual(['Keep me']);
    expect(readdirSync(join(library.dir, 'documents'))).toEqual([]);
  });

  it('never names a second upload over the first', async () => {
    const { base64 } = await call<{ base64: string }>('downloadDocument');
    const first = await call<DocumentInfo>('uploadDocument', { fileName: 'Plan.throughline', base64 });
    const second = await call<DocumentInfo>('uploadDocument', { fileName: 'Plan.throughline', base64 });
    expect(second.path).not.toBe(first.path);
    expect(existsSync(first.path) && existsSync(second.path)).toBe(true);
  });

  it('treats a damaged recent-documents list as empty', async () => {
    writeFileSync(join(library.dir, 'recent-documents.json'), '{not json');
    expect(await call('listRecentDocuments')).toEqual([]);
    const { base64 } = await call<{ base64: string }>('downloadDocument');
    await call('uploadDocument', { fileName: 'Plan.throughline', base64 });
    expect(JSON.parse(readFileSync(join(library.dir, 'recent-documents.json'), 'utf8'))).toHaveLength(1);
  });
});

describe('two windows on one map', () => {
  async function seededMap(): Promise<string> {
    const map = await call<MapSummary>('createMap', { name: 'Shared' });
    return map.id;
  }

  it('opens the map read-only in a second window, refuses its saves, and lets it take over', async () => {
    const mapId = await seededMap();
    const first = await call<MapSession>('openMapSession', { mapId, sessionId: 'window-a' });
    expect(first.readOnly).toBe(false);
    const second = await call<MapSession>('openMapSession', { mapId, sessionId: 'window-b' });
    expect(second.readOnly).toBe(true);

    const node = createNode('goal', 'g', 'Grow', { x: 0, y: 0 });
    const refused = await failure('saveChanges', {
      mapId,
      sessionId: 'window-b',
      baseRevision: 0,
      upsertNodes: [node],
    });
    expect(refused.code).toBe('read-only');
    await call('saveChanges', { mapId, sessionId: 'window-a', baseRevision: 0, upsertNodes: [node] });

    const taken = await call<MapSession>('openMapSession', { mapId, sessionId: 'window-b', takeOver: true });
    expect(taken.readOnly).toBe(false);
    expect(taken.map.nodes.map((n) => n.title)).toEqual(['Grow']);
    expect(await call('keepMapSession', { mapId, sessionId: 'window-a' })).toEqual({ held: false });
    const late = await failure('saveChanges', {
      mapId,
      sessionId: 'window-a',
      baseRevision: 1,
      upsertNodes: [node],
    });
    expect(late.code).toBe('read-only');
  });

  it('ends a closed window: its late open leaves no hold, its last save lands, the next window edits', async () => {
    const mapId = await seededMap();
    expect((await call<MapSession>('openMapSession', { mapId, sessionId: 'closing' })).readOnly).toBe(false);
    const node = createNode('goal', 'g', 'Said before closing', { x: 0, y: 0 });
    expect(await call('endMapSessions', { sessionId: 'closing' })).toEqual({ released: 1 });

    // The window's last save and an open it sent while loading arrive after it ended.
    await call('saveChanges', { mapId, sessionId: 'closing', baseRevision: 0, upsertNodes: [node] });
    const late = await call<MapSession>('openMapSession', { mapId, sessionId: 'closing' });
    expect(late.readOnly).toBe(true);

    const next = await call<MapSession>('openMapSession', { mapId, sessionId: 'reloaded' });
    expect(next.readOnly).toBe(false);
    expect(next.map.nodes.map((n) => n.title)).toEqual(['Said before closing']);
    const overwrite = await failure('saveChanges', {
      mapId,
      sessionId: 'closing',
      baseRevision: 1,
      upsertNodes: [{ ...node, title: 'Too late' }],
    });
    expect(overwrite.code).toBe('read-only');
  });
});

describe('map leases', () => {
  it('frees a map whose window stopped saying it is there', () => {
    let now = 0;
    const leases = new MapLeases(() => now);
    expect(leases.claim('m', 'a', false)).toBe(true);
    expect(leases.claim('m', 'b', false)).toBe(false);
    now += LEASE_MS - 1;
    expect(leases.keep('m', 'a')).toBe(true);
    now += LEASE_MS + 1;
    expect(leases.claim('m', 'b', false)).toBe(true);
    expect(leases.keep('m', 'a')).toBe(false);
  });

  it("gives a map back when its window closes, but never another window's hold", () => {
    const leases = new MapLeases(() => 0);
    leases.claim('m', 'a', false);
    expect(leases.releaseBy('m', 'b')).toBe(false);
    expect(leases.claim('m', 'b', false)).toBe(false);
    expect(leases.releaseBy('m', 'a')).toBe(true);
    expect(leases.claim('m', 'b', false)).toBe(true);
  });

  it('frees every map of an ended session and never gives that session a map again', () => {
    const now = 0;
    const leases = new MapLeases(() => now);
    leases.claim('m1', 'a', false);
    leases.claim('m2', 'a', false);
    leases.claim('m3', 'b', false);
    expect(leases.endSession('a')).toBe(2);
    expect(leases.claim('m4', 'a', false)).toBe(false);
    expect(leases.claim('m1', 'a', true)).toBe(false);
    expect(leases.keep('m1', 'a')).toBe(false);
    expect(leases.claim('m1', 'c', false)).toBe(true);
    expect(leases.claim('m2', 'c', false)).toBe(true);
    expect(leases.keep('m3', 'b')).toBe(true);
  });

  it("lets an ended session's last save land on a map it held, only while no other session holds it", () => {
    let now = 0;
    const leases = new MapLeases(() => now);
    leases.claim('m', 'a', false);
    leases.claim('taken', 'a', false);
    leases.claim('taken', 'b', true);
    leases.endSession('a');
    expect(leases.mayWrite('m', 'a')).toBe(true);
    // Writing did not take the map back.
    expect(leases.claim('m', 'b', false)).toBe(true);
    expect(leases.mayWrite('m', 'a')).toBe(false);
    // A map it had lost to a take-over, or never held, stays refused: those edits are stale.
    now += LEASE_MS + 1;
    expect(leases.mayWrite('taken', 'a')).toBe(false);
    expect(leases.mayWrite('other', 'a')).toBe(false);
    expect(leases.mayWrite('m', 'b')).toBe(true);
    expect(leases.mayWrite('m', 'a')).toBe(false);
  });

  it('does not let a renewal sent just before a window left a map take it back; opening it again does', () => {
    const leases = new MapLeases(() => 0);
    leases.claim('m', 'a', false);
    expect(leases.releaseBy('m', 'a')).toBe(true);
    expect(leases.keep('m', 'a')).toBe(false);
    expect(leases.claim('m', 'b', false)).toBe(true);
    expect(leases.releaseBy('m', 'b')).toBe(true);
    expect(leases.claim('m', 'a', false)).toBe(true);
    expect(leases.keep('m', 'a')).toBe(true);
  });

  it('remembers the last thousand ended sessions', () => {
    const leases = new MapLeases(() => 0);
    for (let i = 0; i <= 1000; i++) leases.endSession(`s${i}`);
    expect(leases.claim('m', 's1', false)).toBe(false);
    expect(leases.claim('m', 's0', false)).toBe(true);
  });
});
