import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentInfo, MapSummary, RecentDocument } from '../../shared/contract/api';
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
