import { describe, expect, it } from 'vitest';
import type { MapDocument, MapSummary } from '../../shared/contract/api';
import { wordError } from '../../shared/contract/error-wording';
import { ApiError } from '../../shared/contract/errors';
import { diffMaps, isEmptyDiff } from '../../shared/diff';
import { createNode, type MapContent } from '../../shared/model';
import type { VersionSummary } from '../../shared/versions';
import { writeChange } from '../storage/write-change';
import { temporaryBackend } from './temporary-backend';

const library = temporaryBackend('throughline-versions-');
const { call, failure, writes } = library;

interface LoadedVersion {
  version: VersionSummary;
  name: string;
  content: MapContent;
}

async function seeded(): Promise<MapSummary> {
  const map = await call<MapSummary>('createMap', { name: 'Offsite plan' });
  writeChange(library.backend.documents.repository, {
    mapId: map.id,
    baseRevision: 0,
    upsertNodes: [
      createNode('goal', 'g', 'Grow', { x: 0, y: 0 }),
      createNode('mechanism', 'm', 'Coupons', { x: 360, y: 0 }),
      createNode('metric', 'k', 'Conversion', { x: 720, y: 0 }),
    ],
    upsertLinks: [
      { id: 'l1', source: 'g', target: 'm' },
      { id: 'l2', source: 'm', target: 'k' },
    ],
    deleteNodeIds: [],
    deleteLinkIds: [],
  });
  return map;
}

const versionRows = () =>
  library.backend.documents.repository.document.db.prepare('SELECT count(*) FROM map_versions').pluck().get();

describe('a map’s versions', () => {
  it('saves the present state with its label, time and author, and reads it back as it was', async () => {
    const map = await seeded();
    const saved = await call<VersionSummary>('saveVersion', {
      mapId: map.id,
      label: '  Offsite 2027 Q1 ',
      author: 'Mei',
    });
    expect(saved).toMatchObject({ mapId: map.id, label: 'Offsite 2027 Q1', author: 'Mei', nodeCount: 3 });
    expect(Date.parse(saved.createdAt)).not.toBeNaN();

    // Edited afterwards: the version keeps the state it named.
    writeChange(library.backend.documents.repository, {
      mapId: map.id,
      baseRevision: 1,
      upsertNodes: [createNode('goal', 'g', 'Grow faster', { x: 0, y: 0 })],
      deleteNodeIds: ['k'],
      upsertLinks: [],
      deleteLinkIds: [],
    });
    const now = await call<MapDocument>('loadMap', { mapId: map.id });
    const loaded = await call<LoadedVersion>('loadVersion', { mapId: map.id, versionId: saved.id });
    expect(loaded.version).toEqual(saved);
    expect(loaded.name).toBe('Offsite plan');
    expect(loaded.content.nodes.map((n) => [n.id, n.title])).toEqual([
      ['g', 'Grow'],
      ['m', 'Coupons'],
      ['k', 'Conversion'],
    ]);
    const diff = diffMaps(loaded.content, now);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(['k']);
    expect(diff.goals.lostPath.map((g) => g.id)).toEqual(['g']);

    const second = await call<VersionSummary>('saveVersion', { mapId: map.id, label: 'After the offsite' });
    expect(second.author).toBe('');
    const listed = await call<VersionSummary[]>('listVersions', { mapId: map.id });
    expect(listed.map((v) => v.label)).toEqual(['Offsite 2027 Q1', 'After the offsite']);
  });

  it('starts a new map from a version, with the same ids', async () => {
    const map = await seeded();
    const saved = await call<VersionSummary>('saveVersion', { mapId: map.id, label: 'Q1' });
    const next = await call<MapSummary>('startFromVersion', {
      mapId: map.id,
      versionId: saved.id,
      name: 'Q2 plan',
    });
    expect(next.id).not.toBe(map.id);
    const loaded = await call<MapDocument>('loadMap', { mapId: next.id });
    const version = await call<LoadedVersion>('loadVersion', { mapId: map.id, versionId: saved.id });
    expect(isEmptyDiff(diffMaps(version.content, loaded))).toBe(true);
    expect(loaded.nodes.map((n) => n.id)).toEqual(['g', 'm', 'k']);
  });

  it('keeps the check-ins in the version, and in the map started from it', async () => {
    const map = await seeded();
    const repository = library.backend.documents.repository;
    const checkin = {
      id: 'c1',
      metric: 'k',
      date: '2026-03-02',
      value: 40,
      confidence: null,
      note: 'Q1',
      by: 'Ann',
    };
    repository.writeCheckins(map.id, [checkin]);
    const saved = await call<VersionSummary>('saveVersion', { mapId: map.id, label: 'Q1' });
    const version = await call<LoadedVersion>('loadVersion', { mapId: map.id, versionId: saved.id });
    expect(version.content.checkins).toEqual([checkin]);
    const next = await call<MapSummary>('startFromVersion', {
      mapId: map.id,
      versionId: saved.id,
      name: 'Q2',
    });
    const loaded = await call<MapDocument>('loadMap', { mapId: next.id });
    expect(loaded.checkins).toEqual([checkin]);
    expect(loaded.nodes.find((n) => n.id === 'k')).toMatchObject({ current: 40 });
  });

  it.each([
    ['an empty label', '   ', 'A version needs a label', '版本需要一个名称'],
    ['a label of 121 characters', 'x'.repeat(121), 'at most 120 characters', '最多 120 个字符'],
    ['a label on two lines', 'Q1\nQ2', 'one line of text', '只能是一行文字'],
  ])('refuses %s in both languages and writes nothing', async (_, label, en, zh) => {
    const map = await seeded();
    const before = writes();
    const error = await failure('saveVersion', { mapId: map.id, label });
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toContain(en);
    expect(error.message).toContain('Nothing was saved');
    const wording = (error as ApiError).wording;
    expect(wording && wordError(wording, 'zh-CN')).toContain(zh);
    expect(writes()).toBe(before);
    expect(versionRows()).toBe(0);
  });

  it('takes a label of exactly 120 characters, Chinese included', async () => {
    const map = await seeded();
    const label = '季'.repeat(120);
    expect((await call<VersionSummary>('saveVersion', { mapId: map.id, label })).label).toBe(label);
  });

  it('answers not-found for a map or a version that is not there', async () => {
    const map = await seeded();
    expect((await failure('listVersions', { mapId: 'nope' })).code).toBe('not-found');
    expect((await failure('saveVersion', { mapId: 'nope', label: 'Q1' })).code).toBe('not-found');
    expect(versionRows()).toBe(0);
    const missing = await failure('loadVersion', { mapId: map.id, versionId: 'nope' });
    expect(missing.code).toBe('not-found');
    expect(missing.message).toContain('no version "nope"');
    expect((await failure('loadVersion', { mapId: map.id, versionId: '../x' })).code).toBe('invalid-payload');
  });

  it('deletes a map’s versions with the map', async () => {
    const map = await seeded();
    const other = await seeded();
    await call('saveVersion', { mapId: map.id, label: 'Q1' });
    await call('saveVersion', { mapId: map.id, label: 'Q2' });
    await call('saveVersion', { mapId: other.id, label: 'Kept' });
    expect(versionRows()).toBe(3);
    await call('deleteMap', { mapId: map.id });
    expect(versionRows()).toBe(1);
    expect((await call<VersionSummary[]>('listVersions', { mapId: other.id })).map((v) => v.label)).toEqual([
      'Kept',
    ]);
    // Undoing the delete brings the map back with its versions.
    await call('restoreMap', { mapId: map.id });
    expect((await call<VersionSummary[]>('listVersions', { mapId: map.id })).map((v) => v.label)).toEqual([
      'Q1',
      'Q2',
    ]);
    expect(versionRows()).toBe(3);
  });

  it('finds a version by its label, ignoring case, and refuses a label two versions share', async () => {
    const { versionsOf } = await import('../../electron/backend/storage/map-versions');
    const map = await seeded();
    const versions = versionsOf(library.backend.documents.repository);
    const q1 = versions.save(map.id, 'Offsite Q1');
    expect(versions.find(map.id, 'offsite q1')).toEqual(q1);
    expect(versions.find(map.id, q1.id)).toEqual(q1);
    versions.save(map.id, 'Twice');
    versions.save(map.id, 'Twice');
    expect(() => versions.find(map.id, 'Twice')).toThrow(ApiError);
    expect(() => versions.find(map.id, 'Twice')).toThrow(/Several versions/);
  });
});
