import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MapRoom, type RoomPeer } from '../../electron/backend/room/map-room';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { openDocument } from '../../electron/backend/storage/open-document';
import { createMapStore } from '../../renderer/src/store/map-store';
import { dateOfDay } from '../../shared/model/checkin-cadence';
import { CheckinIndex } from '../../shared/model/checkins';
import { dayNumber } from '../../shared/model/metric-progress';
import type { Checkin, MapContent, MapLink, MapNode } from '../../shared/model/types';
import { newMapDoc } from '../../shared/room/map-doc';
import { MESSAGE_SYNC } from '../../shared/room/protocol';
import { validateMap } from '../../shared/validation/validate';
import { removeDir } from '../e2e/harness';
import { seededRandom } from './generate-map';
import { median, medianMs, type Print } from './measure';

/** The day the generated check-ins end and every judgement is made on. */
export const BENCH_TODAY = '2026-12-07';
const METRICS = 1000;
const WEEKS = 104;

/**
 * A plan of 1,000 weekly metrics (100 goals, 300 mechanisms, each goal executed by three
 * mechanisms, each mechanism measured by three or four metrics), with `weeks` weekly check-ins per
 * metric ending the week before BENCH_TODAY (a tenth of the metrics stopped six weeks earlier, so
 * they are stale), each metric's current value its latest: the map of issue 17's benchmark.
 * With `weeks` 0, the same map without check-ins.
 */
export function generateCheckinMap(weeks: number, seed = 17): MapContent & { checkins: Checkin[] } {
  const random = seededRandom(seed);
  const nodes: MapNode[] = [];
  const links: MapLink[] = [];
  const checkins: Checkin[] = [];
  const goals = 100;
  const mechanisms = 300;
  for (let i = 0; i < goals; i++) {
    nodes.push({
      id: `g${i}`,
      kind: 'goal',
      title: `Goal ${i + 1}`,
      description: '',
      owner: `Owner ${i % 40}`,
      position: { x: 0, y: i * 420 },
      horizon: 'FY2027',
      priority: null,
      status: 'active',
    });
    for (let j = 0; j < 3; j++) links.push({ id: `lg${i}-${j}`, source: `g${i}`, target: `m${i * 3 + j}` });
  }
  for (let i = 0; i < mechanisms; i++) {
    nodes.push({
      id: `m${i}`,
      kind: 'mechanism',
      title: `Mechanism ${i + 1}`,
      description: '',
      owner: `Owner ${i % 40}`,
      position: { x: 400, y: i * 140 },
      function: 'operations',
      startDate: null,
      dueDate: null,
      status: 'running',
    });
  }
  const lastDay = (dayNumber(BENCH_TODAY) as number) - 7;
  for (let k = 0; k < METRICS; k++) {
    const stopsEarly = k % 10 === 0 ? 6 : 0;
    let value = 10 + random() * 10;
    let current: number | null = null;
    for (let w = 0; w < weeks; w++) {
      value = Math.round((value + (random() - 0.45) * 2) * 10) / 10;
      const day = lastDay - (weeks - 1 - w) * 7 - stopsEarly * 7;
      checkins.push({
        id: `c${k}-${w}`,
        metric: `k${k}`,
        date: dateOfDay(day),
        value,
        confidence: w % 5 === 0 ? 'at-risk' : null,
        note: w % 4 === 0 ? 'Weekly review' : '',
        by: `Owner ${k % 40}`,
      });
      current = value;
    }
    nodes.push({
      id: `k${k}`,
      kind: 'metric',
      title: `Metric ${k + 1}`,
      description: '',
      owner: `Owner ${k % 40}`,
      position: { x: 800, y: k * 140 },
      unit: '%',
      direction: 'higher',
      baseline: 10,
      target: 30,
      current,
      dueDate: '2027-06-30',
      cadence: 'weekly',
      source: '',
    });
    links.push({ id: `lk${k}`, source: `m${Math.floor((k * mechanisms) / METRICS)}`, target: `k${k}` });
  }
  return { nodes, links, checkins };
}

/** A joining client as the room sees it: edit access, its messages kept. */
function client(): { peer: RoomPeer; received: Uint8Array[] } {
  const received: Uint8Array[] = [];
  return {
    received,
    peer: { access: 'edit', host: false, send: (message) => received.push(message), close: () => {} },
  };
}

/**
 * The map opened the way the app opens it, end to end in one process:
 * the server's side, MapRoom.open (MapRepository.openRoom reading the map's rows and its stored
 * room from the document file, then the room's Y.Doc built by applying the stored updates, and
 * checked against the tables), a participant joining (the room's sync step 1, the participant's
 * empty state vector answered with sync step 2: the whole document encoded), and the client's
 * side, the renderer's map store (createMapStore, load with the room's document) applying that
 * update, reading the nodes, links and check-ins back (readContent, readCheckins, CheckinIndex)
 * and validating; then the room closed (without folding) and the client's document dropped. Not
 * included: the WebSocket and HTTP hops and React drawing the canvas (the canvas does not draw
 * check-ins beyond the metric cards' latest value).
 */
function openAsTheApp(repository: MapRepository, mapId: string): number {
  const room = MapRoom.open(repository, mapId, () => {});
  const { peer, received } = client();
  room.join(peer);
  const ask = encoding.createEncoder();
  encoding.writeVarUint(ask, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(ask, newMapDoc());
  room.receive(peer, encoding.toUint8Array(ask));
  const store = createMapStore();
  const doc = newMapDoc();
  store
    .getState()
    .load({ id: mapId, name: '', revision: 0, createdAt: '', updatedAt: '', nodes: [], links: [] }, { doc });
  for (const message of received) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue;
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'room');
  }
  const count = store.getState().nodes.length + store.getState().checkins.size;
  room.close(undefined, undefined, { fold: false });
  doc.destroy();
  return count;
}

/**
 * Issue 17's figures: a map of 1,000 weekly metrics with two years of check-ins (104,000) against
 * the same map without, measured in the same run, each as `name: value ratio` and both absolute:
 * - checkins.open: openAsTheApp (above), median of 7 after 2 unmeasured; `.first` the very first
 *   open of each map (no stored room yet: the Y.Doc written from the tables and stored).
 * - checkins.validate: validateMap with the map's CheckinIndex and today (metric-stale judged) vs
 *   the same map without check-ins, the index built once as the app's store holds it.
 * - checkins.pdf: the PDF of both maps through Chromium, as pdf.bench prints (A3 landscape, every
 *   section, printer warm), median of 3.
 */
export async function benchCheckins(print: Print): Promise<void> {
  const withCheckins = generateCheckinMap(WEEKS);
  const without = generateCheckinMap(0);
  if (withCheckins.checkins.length !== METRICS * WEEKS) throw new Error('the map has the wrong history');
  const ratio = (name: string, a: number, b: number) => {
    print(`${name}.with`, a, 'ms');
    print(`${name}.without`, b, 'ms');
    print(`${name}.ratio`, a / b, 'ratio');
  };

  // Open: both maps in one document file, as a library holds them.
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-checkins-'));
  try {
    const repository = new MapRepository(openDocument(join(dir, 'library.throughline'), { create: true }));
    try {
      const a = repository.createMap('With check-ins', withCheckins).id;
      const b = repository.createMap('Without check-ins', without).id;
      let start = performance.now();
      const openedA = openAsTheApp(repository, a);
      const firstA = performance.now() - start;
      start = performance.now();
      openAsTheApp(repository, b);
      const firstB = performance.now() - start;
      if (openedA !== withCheckins.nodes.length + withCheckins.checkins.length) {
        throw new Error(`the client read ${openedA} nodes and check-ins`);
      }
      ratio('checkins.open.first', firstA, firstB);
      // Interleaved, so both meet the same machine load.
      const times: { a: number[]; b: number[] } = { a: [], b: [] };
      for (let i = 0; i < 9; i++) {
        for (const [id, list] of [
          [a, times.a],
          [b, times.b],
        ] as const) {
          const begin = performance.now();
          openAsTheApp(repository, id);
          if (i >= 2) list.push(performance.now() - begin);
        }
      }
      ratio('checkins.open', median(times.a), median(times.b));
    } finally {
      repository.close();
    }
  } finally {
    removeDir(dir);
  }

  // Validate.
  const history = new CheckinIndex(withCheckins.checkins);
  const stale = validateMap({ ...withCheckins, history, today: BENCH_TODAY }).filter(
    (f) => f.code === 'metric-stale',
  );
  if (stale.length !== METRICS / 10)
    throw new Error(`expected ${METRICS / 10} stale metrics, got ${stale.length}`);
  const runs = { runs: 31, warmup: 20, warmupMs: 1000 };
  const validateWith = medianMs(() => validateMap({ ...withCheckins, history, today: BENCH_TODAY }), runs);
  const validateWithout = medianMs(() => validateMap({ nodes: without.nodes, links: without.links }), runs);
  ratio('checkins.validate', validateWith, validateWithout);

  // PDF.
  const { pdfOfMaps } = await import('./pdf.bench');
  const [pdfWith, pdfWithout] = await pdfOfMaps([withCheckins, without], 3, BENCH_TODAY);
  ratio('checkins.pdf', pdfWith as number, pdfWithout as number);
}
