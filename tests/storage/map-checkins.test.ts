import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { ApiError } from '../../shared/contract/errors';
import type { Checkin, MapNode } from '../../shared/model';
import { docChangesFor } from '../../shared/room/doc-changes';
import { type DocTouch, emptyTouch, mergeTouch, touchedBy } from '../../shared/room/doc-check';
import {
  applyDocChanges,
  type DocChanges,
  newMapDoc,
  readContent,
  writeContent,
} from '../../shared/room/map-doc';
import { sampleLinks, sampleNodes, tempDir } from './helpers';

const checkin = (id: string, metric: string, date: string, value: number): Checkin => ({
  id,
  metric,
  date,
  value,
  confidence: null,
  note: '',
  by: 'CFO',
});

/** A map written the way the room writes one: a change to its document, stored from what it touched. */
function room(repo: MapRepository, mapId: string) {
  const map = repo.loadMap(mapId);
  const doc = newMapDoc();
  writeContent(doc, map);
  let revision = map.revision;
  revision = repo.startRoom(mapId, revision, Y.encodeStateAsUpdate(doc)) ? revision : revision;
  return {
    doc,
    write(changes: Partial<DocChanges>) {
      const touch = emptyTouch();
      const seen = (t: Y.Transaction) => {
        const got = touchedBy(t, doc);
        if (!('reason' in got)) mergeTouch(touch, got as DocTouch);
      };
      doc.on('afterTransaction', seen);
      const before = Y.encodeStateVector(doc);
      applyDocChanges(
        doc,
        { upsertNodes: [], upsertLinks: [], deleteNodeIds: [], deleteLinkIds: [], ...changes },
        'test',
      );
      doc.off('afterTransaction', seen);
      revision = repo.applyRoomChange(
        mapId,
        docChangesFor(doc, touch),
        Y.encodeStateAsUpdate(doc, before),
        revision,
      ).revision;
    },
  };
}

function metricOf(repo: MapRepository, mapId: string, id: string) {
  return repo.loadMap(mapId).nodes.find((n) => n.id === id) as Extract<MapNode, { kind: 'metric' }>;
}

describe('check-ins in the document file', () => {
  it('are stored with the change that makes them, and the metric’s current value is the latest', () => {
    const file = join(tempDir(), 'plan.throughline');
    const repo = new MapRepository(openDocument(file, { create: true }));
    const map = repo.createMap('Plan', { nodes: sampleNodes(), links: sampleLinks() });
    const live = room(repo, map.id);
    live.write({
      upsertCheckins: [checkin('c1', 'k1', '2026-01-31', 103), checkin('c2', 'k1', '2026-02-28', 104.5)],
    });
    expect(metricOf(repo, map.id, 'k1').current).toBe(104.5);
    // Entered out of order: the later date stands, not the later entry.
    live.write({ upsertCheckins: [checkin('c3', 'k1', '2026-01-15', 99)] });
    expect(metricOf(repo, map.id, 'k1').current).toBe(104.5);
    // A correction keeps its place and takes effect.
    live.write({ upsertCheckins: [{ ...checkin('c2', 'k1', '2026-02-28', 105), note: 'restated' }] });
    repo.close();

    const reopened = new MapRepository(openDocument(file, { create: false }));
    const loaded = reopened.loadMap(map.id);
    expect(loaded.checkins?.map((c) => [c.id, c.value, c.note])).toEqual([
      ['c1', 103, ''],
      ['c2', 105, 'restated'],
      ['c3', 99, ''],
    ]);
    expect(metricOf(reopened, map.id, 'k1').current).toBe(105);
    // The room rebuilt from the tables holds the same history.
    const doc = newMapDoc();
    writeContent(doc, loaded);
    expect(readContent(doc).checkins).toEqual(loaded.checkins);
    reopened.close();
  });

  it('a deleted check-in goes, and a deleted metric takes its check-ins along', () => {
    const repo = new MapRepository(openDocument(join(tempDir(), 'p.throughline'), { create: true }));
    const map = repo.createMap('Plan', { nodes: sampleNodes(), links: sampleLinks() });
    const live = room(repo, map.id);
    live.write({
      upsertCheckins: [
        checkin('c1', 'k1', '2026-01-31', 103),
        checkin('c2', 'k1', '2026-02-28', 104),
        checkin('d1', 'k2', '2026-02-28', 2),
      ],
    });
    live.write({ deleteCheckinIds: ['c2'] });
    expect(metricOf(repo, map.id, 'k1').current).toBe(103);
    live.write({ deleteCheckinIds: ['c1'] });
    expect(metricOf(repo, map.id, 'k1').current).toBeNull();
    live.write({ deleteNodeIds: ['k2'] });
    expect(repo.loadMap(map.id).checkins).toEqual([]);
    const count = repo.document.db.prepare('SELECT count(*) FROM checkins').pluck().get();
    expect(count).toBe(0);
  });

  it('a copy of a map keeps its check-ins; a deleted map brings them back when restored', () => {
    const repo = new MapRepository(openDocument(join(tempDir(), 'p.throughline'), { create: true }));
    const map = repo.createMap('Plan', {
      nodes: sampleNodes(),
      links: sampleLinks(),
      checkins: [checkin('c1', 'k1', '2026-01-31', 103), checkin('c2', 'k2', '2026-01-31', 1)],
    });
    const copy = repo.duplicateMap(map.id, 'Copy');
    expect(repo.loadMap(copy.id).checkins?.map((c) => c.id)).toEqual(['c1', 'c2']);
    repo.deleteMap(map.id);
    expect(repo.loadMap(copy.id).checkins).toHaveLength(2);
    repo.restoreMap(map.id);
    expect(repo.loadMap(map.id).checkins?.map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('written around the room (the command line): current value settled, revision moved on; a non-metric refused with nothing written', () => {
    const repo = new MapRepository(openDocument(join(tempDir(), 'p.throughline'), { create: true }));
    const map = repo.createMap('Plan', { nodes: sampleNodes(), links: sampleLinks() });
    const before = repo.revisionOf(map.id) as number;
    expect(
      repo.writeCheckins(map.id, [
        checkin('c1', 'k2', '2026-03-01', 4),
        checkin('c0', 'k2', '2026-02-01', 7),
      ]),
    ).toEqual({
      revision: before + 1,
    });
    expect(metricOf(repo, map.id, 'k2').current).toBe(4);
    let refusal: unknown;
    try {
      repo.writeCheckins(map.id, [
        checkin('c9', 'k2', '2026-04-01', 1),
        checkin('c8', 'g1', '2026-04-01', 1),
      ]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).message).toMatch(/"g1" is not a metric/);
    expect(repo.loadMap(map.id).checkins?.map((c) => c.id)).toEqual(['c1', 'c0']);
    expect(repo.revisionOf(map.id)).toBe(before + 1);
  });

  it('a stored row that is not a check-in is refused in words when the map is read', () => {
    const repo = new MapRepository(openDocument(join(tempDir(), 'p.throughline'), { create: true }));
    const map = repo.createMap('Plan', { nodes: sampleNodes(), links: sampleLinks() });
    repo.document.db
      .prepare(
        "INSERT INTO checkins (map_id, id, metric, date, value, note, entered_by, ord) VALUES (?, 'x', 'k1', '2026-02-30', 1, '', '', 0)",
      )
      .run(map.id);
    expect(() => repo.loadMap(map.id)).toThrow(/check-in "x" is not valid/);
  });
});
