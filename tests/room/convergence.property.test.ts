import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CheckinIndex } from '../../shared/model/checkins';
import {
  GOAL_PRIORITIES,
  GOAL_STATUSES,
  MECHANISM_FUNCTIONS,
  METRIC_CADENCES,
  METRIC_DIRECTIONS,
  type NodeKind,
} from '../../shared/model/kinds';
import { checkKinds } from '../../shared/model/link-rules';
import type { MapContent, MapNode } from '../../shared/model/types';
import { checkinsOf, readCheckins } from '../../shared/room/checkin-doc';
import {
  applyDocChanges,
  type DocChanges,
  linksOf,
  nodesOf,
  readContent,
  readNode,
} from '../../shared/room/map-doc';
import {
  EDIT_KEY,
  joinRoom,
  type Participant,
  type RoomHarness,
  smallMap,
  startRoomHarness,
  until,
} from './room-harness';

/**
 * Issue 16's property: random concurrent edit sequences from three peers, some of them made while
 * a peer is offline, over the real server and a real document file, converge. Once every peer is
 * back and synced, the three documents hold the same map, the stored tables hold that map too, and
 * neither the documents (their raw Y.Maps, not only what readContent shows) nor the tables keep a
 * link whose node is gone or two links between the same two nodes.
 *
 * Each run is a fresh map in one server; ROOM_SEED repeats a run's sequences (the network's
 * timing still varies).
 */

const RUNS = 25;
const LOCAL = Symbol('local');

type Op =
  | { t: 'add'; peer: number; kind: NodeKind; x: number; y: number }
  | { t: 'rename'; peer: number; pick: number; title: string }
  | { t: 'move'; peer: number; pick: number; x: number; y: number }
  | { t: 'field'; peer: number; pick: number; value: number }
  | { t: 'deleteNode'; peer: number; pick: number }
  | { t: 'link'; peer: number; from: number; to: number }
  | { t: 'deleteLink'; peer: number; pick: number }
  /** A check-in of a metric (new), a correction of one (`correct`), or its deletion. */
  | { t: 'checkin'; peer: number; pick: number; day: number; value: number; correct: boolean }
  | { t: 'deleteCheckin'; peer: number; pick: number }
  | { t: 'offline'; peer: number }
  /** Back online; with `editOnOpen` a node moves as the connection opens (before the sync answer). */
  | { t: 'online'; peer: number; editOnOpen: boolean; pick: number }
  | { t: 'wait'; ms: number }
  /** The server stops as a crash would and starts again on the same port and file. */
  | { t: 'restart' };

const peer = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 1000 });
const coord = fc.integer({ min: -2000, max: 2000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      t: fc.constant('add' as const),
      peer,
      kind: fc.constantFrom<NodeKind>('goal', 'mechanism', 'metric'),
      x: coord,
      y: coord,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('rename' as const),
      peer,
      pick,
      title: fc.string({ maxLength: 12 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('move' as const), peer, pick, x: coord, y: coord }), weight: 2 },
  {
    arbitrary: fc.record({ t: fc.constant('field' as const), peer, pick, value: fc.nat({ max: 100 }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('deleteNode' as const), peer, pick }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('link' as const), peer, from: pick, to: pick }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constant('deleteLink' as const), peer, pick }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constant('checkin' as const),
      peer,
      pick,
      day: fc.integer({ min: 1, max: 28 }),
      value: fc.integer({ min: -50, max: 500 }),
      correct: fc.boolean(),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ t: fc.constant('deleteCheckin' as const), peer, pick }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('offline' as const), peer }), weight: 2 },
  {
    arbitrary: fc.record({ t: fc.constant('online' as const), peer, editOnOpen: fc.boolean(), pick }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ t: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 25 }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('restart' as const) }), weight: 1 },
);

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
function sorted(content: MapContent): MapContent {
  return {
    nodes: [...content.nodes].sort(byId),
    links: [...content.links].sort(byId),
    checkins: [...(content.checkins ?? [])].sort(byId),
  };
}

/** A peer's nodes as its document has them, in id order (so a pick means the same on every run). */
function localNodes(doc: Y.Doc): MapNode[] {
  const nodes: MapNode[] = [];
  for (const [id, fields] of nodesOf(doc)) {
    const node = readNode(id, fields);
    if (node) nodes.push(node);
  }
  return nodes.sort(byId);
}

const edit = (doc: Y.Doc, changes: Partial<DocChanges>) =>
  applyDocChanges(
    doc,
    { upsertNodes: [], upsertLinks: [], deleteNodeIds: [], deleteLinkIds: [], ...changes },
    LOCAL,
  );

function newNode(id: string, kind: NodeKind, x: number, y: number): MapNode {
  const base = { id, title: `New ${kind}`, description: '', owner: '', position: { x, y } };
  if (kind === 'goal') return { ...base, kind, horizon: '', priority: null, status: 'proposed' };
  if (kind === 'mechanism')
    return { ...base, kind, function: null, startDate: null, dueDate: null, status: 'planned' };
  return {
    ...base,
    kind,
    unit: '',
    direction: 'higher',
    baseline: null,
    target: null,
    current: null,
    dueDate: null,
    cadence: null,
    source: '',
  };
}

/** One kind-specific field changed, chosen by `value`. */
function withField(node: MapNode, value: number): MapNode {
  const of = <T>(list: readonly T[]) => list[value % list.length] as T;
  if (node.kind === 'goal')
    return value % 2 === 0
      ? { ...node, priority: of(GOAL_PRIORITIES) }
      : { ...node, status: of(GOAL_STATUSES) };
  if (node.kind === 'mechanism')
    return value % 2 === 0
      ? { ...node, function: of(MECHANISM_FUNCTIONS) }
      : { ...node, startDate: `2027-0${1 + (value % 9)}-1${value % 10}` };
  if (value % 3 === 0) return { ...node, target: value * 10 };
  if (value % 3 === 1) return { ...node, direction: of(METRIC_DIRECTIONS) };
  return { ...node, cadence: of(METRIC_CADENCES) };
}

/** Applies one op to a peer's document as the app would (a link only where the peer's own rules allow it). */
function perform(op: Op, peers: Participant[], counters: number[], log: NodeLog): void {
  if (op.t === 'wait' || op.t === 'offline' || op.t === 'online' || op.t === 'restart') return;
  const doc = (peers[op.peer] as Participant).doc;
  const nodes = localNodes(doc);
  const fresh = (prefix: string) => {
    counters[op.peer] = (counters[op.peer] as number) + 1;
    return `p${op.peer}${prefix}${counters[op.peer]}`;
  };
  if (op.t === 'add') {
    const id = fresh('n');
    log.added.add(id);
    edit(doc, { upsertNodes: [newNode(id, op.kind, op.x, op.y)] });
    return;
  }
  if (op.t === 'link') {
    const sources = nodes.filter((n) => n.kind !== 'metric');
    const source = sources[op.from % Math.max(1, sources.length)];
    if (!source) return;
    const targets = nodes.filter((n) => n.id !== source.id && checkKinds(source.kind, n.kind).ok);
    const target = targets[op.to % Math.max(1, targets.length)];
    if (!target) return;
    for (const [, fields] of linksOf(doc)) {
      if (fields.get('source') === source.id && fields.get('target') === target.id) return;
    }
    edit(doc, { upsertLinks: [{ id: fresh('l'), source: source.id, target: target.id }] });
    return;
  }
  if (op.t === 'checkin') {
    const existing = readCheckins(doc).sort(byId);
    const metrics = nodes.filter((n) => n.kind === 'metric');
    const corrected = op.correct ? existing[op.pick % Math.max(1, existing.length)] : undefined;
    const metric = corrected?.metric ?? metrics[op.pick % Math.max(1, metrics.length)]?.id;
    if (!metric) return;
    const date = `2027-02-${String(op.day).padStart(2, '0')}`;
    const id = corrected?.id ?? fresh('c');
    edit(doc, {
      upsertCheckins: [{ id, metric, date, value: op.value, confidence: null, note: '', by: `p${op.peer}` }],
    });
    return;
  }
  if (op.t === 'deleteCheckin') {
    const ids = readCheckins(doc)
      .map((c) => c.id)
      .sort();
    const id = ids[op.pick % Math.max(1, ids.length)];
    if (id) edit(doc, { deleteCheckinIds: [id] });
    return;
  }
  if (op.t === 'deleteLink') {
    const ids = [...linksOf(doc).keys()].sort();
    const id = ids[op.pick % Math.max(1, ids.length)];
    if (id) edit(doc, { deleteLinkIds: [id] });
    return;
  }
  const node = nodes[op.pick % Math.max(1, nodes.length)];
  if (!node) return;
  if (op.t === 'rename') edit(doc, { upsertNodes: [{ ...node, title: op.title }] });
  else if (op.t === 'move') edit(doc, { upsertNodes: [{ ...node, position: { x: op.x, y: op.y } }] });
  else if (op.t === 'field') edit(doc, { upsertNodes: [withField(node, op.value)] });
  else {
    log.deleted.add(node.id);
    edit(doc, { deleteNodeIds: [node.id] });
  }
}

/** The nodes the peers added and deleted: the map must end with exactly the others. */
interface NodeLog {
  added: Set<string>;
  deleted: Set<string>;
}

/** Links (raw, as the document or the tables hold them) whose node is missing or that repeat a pair. */
function badLinks(
  nodeIds: Set<string>,
  links: Iterable<{ id: string; source: unknown; target: unknown }>,
): string[] {
  const bad: string[] = [];
  const pairs = new Set<string>();
  for (const link of links) {
    const pair = `${String(link.source)}→${String(link.target)}`;
    if (!nodeIds.has(link.source as string) || !nodeIds.has(link.target as string))
      bad.push(`dangling ${link.id} ${pair}`);
    else if (pairs.has(pair)) bad.push(`duplicate ${link.id} ${pair}`);
    pairs.add(pair);
  }
  return bad;
}

function rawLinks(doc: Y.Doc) {
  return [...linksOf(doc).entries()].map(([id, f]) => ({
    id,
    source: f.get('source'),
    target: f.get('target'),
  }));
}

let dir: string;
let harness: RoomHarness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-room-property-'));
  harness = await startRoomHarness(dir);
});

/**
 * A crash and a restart on the same port and file. The dead server's repository is closed, so
 * its rooms, still in this process, cannot write to the file any more (a killed process would
 * not either).
 */
async function restart(): Promise<void> {
  const dead = harness;
  await dead.kill();
  dead.repository.close();
  harness = await startRoomHarness(dir, dead.port);
}

afterAll(async () => {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a live room converges', () => {
  it(`three peers editing at once, going offline and back, the server restarting, end with one map, as stored (${RUNS} runs)`, async () => {
    const seed = Number(process.env.ROOM_SEED) || Date.now() % 1_000_000;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 60 }), async (ops) => {
        const { id: mapId } = harness.repository.createMap('Property', smallMap());
        const peers = [0, 1, 2].map(() => joinRoom(harness.url, mapId, EDIT_KEY));
        try {
          await Promise.all(peers.map((p) => until(() => p.provider.synced, 5000)));
          const counters = [0, 0, 0];
          const log: NodeLog = { added: new Set(smallMap().nodes.map((n) => n.id)), deleted: new Set() };
          for (const op of ops) {
            if (op.t === 'offline') (peers[op.peer] as Participant).provider.disconnect();
            else if (op.t === 'online') {
              const { provider } = peers[op.peer] as Participant;
              if (op.editOnOpen && !provider.wsconnected && !provider.wsconnecting) {
                const onStatus = ({ status }: { status: string }) => {
                  if (status !== 'connected') return;
                  provider.off('status', onStatus);
                  perform({ t: 'move', peer: op.peer, pick: op.pick, x: 7, y: 7 }, peers, counters, log);
                };
                provider.on('status', onStatus);
              }
              provider.connect();
            } else if (op.t === 'wait') await new Promise((r) => setTimeout(r, op.ms));
            else if (op.t === 'restart') await restart();
            else perform(op, peers, counters, log);
          }
          for (const p of peers)
            if (!p.provider.wsconnected && !p.provider.wsconnecting) p.provider.connect();
          const contents = () => peers.map((p) => JSON.stringify(sorted(readContent(p.doc))));
          const stored = () => {
            const map = harness.repository.loadMap(mapId);
            return JSON.stringify(sorted(map));
          };
          const raw = () =>
            peers.map(
              (p) =>
                rawLinks(p.doc).length === readContent(p.doc).links.length &&
                checkinsOf(p.doc).length === readCheckins(p.doc).length,
            );
          // Converged: every peer connected and synced, the same map everywhere, and every peer's raw
          // links as many as the map shows (a repair still on its way would differ).
          await until(() => {
            if (!peers.every((p) => p.provider.wsconnected && p.provider.synced)) return false;
            const [a, ...rest] = contents();
            return rest.every((c) => c === a) && a === stored() && raw().every(Boolean);
          }, 6000).catch(() => {});
          const docs = peers.map((p) => sorted(readContent(p.doc)));
          expect(docs[1]).toEqual(docs[0]);
          expect(docs[2]).toEqual(docs[0]);
          // No edit lost, no deleted node back: the nodes are those added (or there at the start) and
          // never deleted.
          const kept = [...log.added].filter((id) => !log.deleted.has(id)).sort();
          expect(docs[0]?.nodes.map((n) => n.id)).toEqual(kept);
          const map = harness.repository.loadMap(mapId);
          expect(sorted(map)).toEqual(docs[0]);
          // Every check-in is of a metric that is there, held once, and each metric's current value
          // is its latest check-in.
          const final = docs[0] as MapContent;
          const metricIds = new Set(final.nodes.filter((n) => n.kind === 'metric').map((n) => n.id));
          expect((final.checkins ?? []).filter((c) => !metricIds.has(c.metric))).toEqual([]);
          for (const p of peers) expect(checkinsOf(p.doc).length).toBe(readCheckins(p.doc).length);
          const history = new CheckinIndex(readCheckins((peers[0] as Participant).doc));
          for (const node of final.nodes) {
            const latest = node.kind === 'metric' ? history.latest(node.id) : null;
            if (latest && node.kind === 'metric') expect(node.current).toBe(latest.value);
          }
          for (const p of peers) {
            expect(badLinks(new Set(nodesOf(p.doc).keys()), rawLinks(p.doc))).toEqual([]);
          }
          expect(badLinks(new Set(map.nodes.map((n) => n.id)), map.links)).toEqual([]);
        } finally {
          for (const p of peers) p.leave();
        }
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
  }, 90_000);
});
