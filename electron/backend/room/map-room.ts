import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { ApiError } from '../../../shared/contract/errors';
import type { MapContent } from '../../../shared/model/types';
import { docChangesFor } from '../../../shared/room/doc-changes';
import { newMapDoc, readPlan, writeContent } from '../../../shared/room/map-doc';
import { parsePresence, sanitizePeerState } from '../../../shared/room/presence';
import {
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  ROOM_CLOSE,
  ROOM_PRESENCE_FIELD,
  type RoomAccess,
} from '../../../shared/room/protocol';
import { appendLog, type LogEntry, logEntry, summariseChange } from '../../../shared/room/session-log';
import type { MapRepository } from '../storage/map-repository';
import { storageFailure } from '../storage/storage-errors';
import { awarenessEntries, awarenessMessage } from './awareness-wire';
import { tryOnTrial } from './trial-change';

/** One participant's connection, as the room sees it (room-server.ts adapts a WebSocket). */
export interface RoomPeer {
  readonly access: RoomAccess;
  /** The host's own window: the facilitator, whose presence may freeze the map for the others. */
  readonly host: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Something the room tells its owner: a change refused, or one it could not store. */
export interface RoomEvent {
  /** `moved-on`: the file's map changed around the room, which closed to open again from it. */
  kind: 'refused' | 'not-stored' | 'moved-on';
  mapId: string;
  detail: string;
}

/** Stored updates folded into one past this many, so a room opens quickly after a long session. */
const FOLD_AFTER = 400;

/** The origin of the server's own repairs (links whose node is gone), applied to every peer. */
const REPAIR = Symbol('repair');

/**
 * One map's live room: the map's document, the participants on it and their presence. Every
 * change a participant sends is applied first to a trial copy, checked there against the map's
 * rules (doc-check.ts), stored with the tables in one transaction, and only then applied to the
 * document and sent to the others; a change that breaks a rule changes nothing and disconnects its
 * sender. Messages are handled one at a time, in order, so the answer to a participant's sync
 * request means every change it sent before was stored (the client's "synced").
 */
export class MapRoom {
  readonly doc: Y.Doc;
  /**
   * The document as it would be after the change being checked; equal to `doc` between changes.
   * Made when the first change arrives (and again after a refused one): copying a map with two
   * years of check-ins took a third of the time of opening its room, which a room that only shows
   * the map never needs.
   */
  private trialDoc: Y.Doc | null = null;
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = new Map<RoomPeer, Set<number>>();
  private closed = false;
  /** Per client id, how far its awareness clock is moved past the room's (receiveAwareness). */
  private readonly clockShift = new Map<number, number>();
  /** The facilitator paused everyone else's editing (a host peer's presence says `frozen`). */
  private frozenNow = false;
  /** Updates stored since the log was last folded (counted here: no query per change). */
  private sinceFold: number;

  private constructor(
    readonly mapId: string,
    readonly generation: string,
    doc: Y.Doc,
    private readonly repository: MapRepository,
    private readonly onEvent: (event: RoomEvent) => void,
    /** The map's revision in the file as this room last wrote or read it. */
    private revision: number,
    /** Where accepted changes are recorded (the room server keeps it across the room's reopenings). */
    private readonly log: LogEntry[],
    storedUpdates: number,
  ) {
    this.sinceFold = storedUpdates;
    this.doc = doc;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The room's own presence carries no person, only the document's generation: a participant
    // remembers it and presents it when it reconnects, so a map replaced meanwhile (a backup
    // restored) tells it to load the map again instead of merging an older document back.
    this.awareness.setLocalState({ [ROOM_PRESENCE_FIELD]: { generation } });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.broadcastUpdate(update, origin));
    this.awareness.on('update', this.broadcastAwareness);
  }

  /**
   * The room of a map as stored: its live document when one matches the tables, otherwise one
   * built from the tables under a new generation (so a participant holding an older document
   * loads the map again instead of merging it back).
   */
  static open(
    repository: MapRepository,
    mapId: string,
    onEvent: (event: RoomEvent) => void,
    log: LogEntry[] = [],
  ): MapRoom {
    const opened = repository.openRoom(mapId);
    const { stored } = opened;
    let map = opened.map;
    if (stored) {
      const doc = newMapDoc();
      doc.transact(() => {
        for (const update of stored.updates) Y.applyUpdate(doc, update);
      });
      // The check-ins are the document's (openRoom leaves them out when it has one): the nodes and
      // links decide whether it still matches the tables.
      if (sameContent(readPlan(doc), map))
        return new MapRoom(
          mapId,
          stored.generation,
          doc,
          repository,
          onEvent,
          map.revision,
          log,
          stored.updates.length,
        );
      doc.destroy();
      // Rebuilt from the tables: the whole map this time, its check-ins too.
      map = repository.loadMap(mapId);
    }
    const doc = newMapDoc();
    writeContent(doc, map);
    const generation = repository.startRoom(mapId, map.revision, Y.encodeStateAsUpdate(doc));
    return new MapRoom(mapId, generation, doc, repository, onEvent, map.revision, log, 1);
  }

  /** Whether the facilitator has paused editing for everyone but the host. */
  get frozen(): boolean {
    return this.frozenNow;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** A participant joins: the server's state vector goes out first (an editor's answer fills the gaps). */
  join(peer: RoomPeer): void {
    this.peers.set(peer, new Set());
    if (peer.access === 'edit') {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      peer.send(encoding.toUint8Array(encoder));
    }
    const states = this.awareness.getStates();
    if (states.size > 0) {
      peer.send(
        awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])),
      );
    }
  }

  /** A participant leaves: its presence goes with it. */
  leave(peer: RoomPeer): void {
    const clients = this.peers.get(peer);
    this.peers.delete(peer);
    if (clients && clients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], peer);
    }
    this.updateFrozen();
  }

  /** One message from a participant, handled completely before the next. */
  receive(peer: RoomPeer, message: Uint8Array): void {
    if (this.closed || !this.peers.has(peer)) return;
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) this.receiveSync(peer, decoder);
      else if (type === MESSAGE_AWARENESS) this.receiveAwareness(peer, decoding.readVarUint8Array(decoder));
      else if (type === MESSAGE_QUERY_AWARENESS) {
        const states = [...this.awareness.getStates().keys()];
        peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
      } else this.refuse(peer, ROOM_CLOSE.refused, 'a message the room does not know');
    } catch {
      this.refuse(peer, ROOM_CLOSE.refused, 'a message that is not the room’s protocol');
    }
  }

  private receiveSync(peer: RoomPeer, decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
      peer.send(encoding.toUint8Array(encoder));
      return;
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
      this.refuse(peer, ROOM_CLOSE.refused, 'a sync message the room does not know');
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    if (peer.access !== 'edit') {
      this.refuse(peer, ROOM_CLOSE.viewOnly, 'a view-only participant cannot change the map');
      return;
    }
    this.acceptChange(peer, update);
  }

  /**
   * Checks a change on the trial copy, stores it, then applies it for everyone. Anything that
   * fails on the way leaves the document, the file and the other participants as they were.
   */
  private acceptChange(peer: RoomPeer, update: Uint8Array): void {
    const trial = this.trial;
    const tried = tryOnTrial(trial, this.doc, update, peer, REPAIR);
    const refusal = 'reason' in tried ? tried : null;
    if (refusal) {
      this.resetTrial();
      if (refusal.reason === 'pending') {
        // An honest participant's order, not an attack: an edit sent as its connection opened,
        // before the answer that carries its offline edits. It reconnects and sends them all.
        this.leave(peer);
        peer.close(ROOM_CLOSE.outOfOrder, refusal.detail);
      } else this.refuse(peer, ROOM_CLOSE.refused, refusal.detail);
      return;
    }
    if ('reason' in tried) return;
    const { touch: seen, effective, repaired } = tried;
    if (!seen || effective.length === 0) return; // nothing new (a participant's reply after a resync)
    if (this.frozenNow && !peer.host) {
      // Paused by the facilitator: nothing taken. The participant keeps its change and sends it
      // again when it reconnects, which it does by itself (a 4500-range close).
      this.resetTrial();
      this.leave(peer);
      peer.close(ROOM_CLOSE.frozen, 'the facilitator has paused editing');
      return;
    }
    const stored = effective.length === 1 ? (effective[0] as Uint8Array) : Y.mergeUpdates(effective);
    try {
      this.revision = this.repository.applyRoomChange(
        this.mapId,
        docChangesFor(trial, seen),
        stored,
        this.revision,
      ).revision;
    } catch (error) {
      this.resetTrial();
      if (error instanceof ApiError && error.code === 'conflict') {
        // Another process wrote the map: this room's document is not the file's any more. Every
        // participant reconnects to a room opened from the file and sends what it lacks.
        this.onEvent({ kind: 'moved-on', mapId: this.mapId, detail: error.message });
        this.close(ROOM_CLOSE.reopen, 'the map changed elsewhere: reconnecting', { fold: false });
        return;
      }
      this.onEvent({ kind: 'not-stored', mapId: this.mapId, detail: String(error) });
      // The participant keeps its change and sends it again when it reconnects; the close's reason
      // names the sentence (error-wording.ts) its window shows, in its own language.
      peer.close(ROOM_CLOSE.notStored, storageFailure(error)?.wording?.reason ?? 'storage-io');
      return;
    }
    // Stored: now everyone gets it. The sender's own change goes to the others; a repair, which
    // the sender does not have, to everyone.
    const items = summariseChange(this.doc, trial, seen);
    if (items.length > 0) {
      const who = this.presenceOf(peer);
      appendLog(this.log, logEntry(new Date(), who.name, who.clientId, items));
    }
    const [first, ...rest] = effective;
    Y.applyUpdate(this.doc, first as Uint8Array, peer);
    if (repaired || rest.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates(rest), REPAIR);
    this.sinceFold += 1;
    if (this.sinceFold > FOLD_AFTER) this.fold();
  }

  private receiveAwareness(peer: RoomPeer, update: Uint8Array): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    // The client ids a connection speaks for, so its presence goes when it leaves. A participant
    // that reconnects before the server noticed its old connection drop brings the same id: the
    // newest connection holds it. Nobody speaks for the room itself, and only the host's states
    // keep the host-only fields (facilitator, frozen): the rest are relayed without them.
    const entries = awarenessEntries(update).filter(
      (entry) => entry.client !== this.doc.clientID && (peer.host || !this.heldByHost(entry.client)),
    );
    // Providers pass on the states they hear (y-websocket relays every awareness change), with the
    // clock they came with: a state already held by another connection is taken over only when it
    // is newer than the room's (its own window speaking again), not by an echo.
    for (const { client, clock, state } of entries) {
      // A removal passed on (a participant who left) speaks for nobody.
      if (clients.has(client) || state === null) continue;
      const known = this.awareness.meta.get(client);
      const heldElsewhere = [...this.peers].some(([other, ids]) => other !== peer && ids.has(client));
      if (heldElsewhere && known && clock <= known.clock) continue;
      for (const [other, ids] of this.peers) if (other !== peer) ids.delete(client);
      clients.add(client);
    }
    if (entries.length === 0) return;
    // A participant that comes back (a dropped connection, a change refused during a pause) brings
    // its presence with the clock it had, but the room counted its leaving as one tick more and
    // would ignore it for up to half a minute: its clocks are shifted past the room's from then on.
    for (const entry of entries) {
      if (!clients.has(entry.client)) continue;
      let shift = this.clockShift.get(entry.client) ?? 0;
      const known = this.awareness.meta.get(entry.client);
      if (
        entry.state !== null &&
        known &&
        entry.clock + shift <= known.clock &&
        !this.awareness.getStates().has(entry.client)
      ) {
        shift = known.clock + 1 - entry.clock;
        this.clockShift.set(entry.client, shift);
      }
      entry.clock += shift;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const { client, clock, state } of entries) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(
        encoder,
        JSON.stringify(sanitizePeerState(state, peer.host, peer.access === 'view')),
      );
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), peer);
    this.updateFrozen();
  }

  /**
   * Frozen while a host peer's presence asks for it; the room's own presence tells everyone, and
   * the freeze ends with the host's presence (its window closed or lost the network).
   */
  private updateFrozen(): void {
    if (this.closed) return;
    let frozen = false;
    for (const [peer, ids] of this.peers) {
      if (!peer.host) continue;
      for (const id of ids) {
        const state = this.awareness.getStates().get(id) as { frozen?: unknown } | undefined;
        if (state?.frozen === true) frozen = true;
      }
    }
    if (frozen === this.frozenNow) return;
    this.frozenNow = frozen;
    this.awareness.setLocalState({ [ROOM_PRESENCE_FIELD]: { generation: this.generation, frozen } });
  }

  /** Whether a host peer speaks for this client id (nobody else may take it over). */
  private heldByHost(client: number): boolean {
    for (const [peer, ids] of this.peers) if (peer.host && ids.has(client)) return true;
    return false;
  }

  /** The name a peer goes by now (its presence), and its client id, for the session log. */
  private presenceOf(peer: RoomPeer): { name: string | null; clientId: number | null } {
    const ids = this.peers.get(peer);
    let clientId: number | null = null;
    for (const id of ids ?? []) {
      clientId ??= id;
      const presence = parsePresence(id, this.awareness.getStates().get(id));
      if (presence) return { name: presence.user.name, clientId: id };
    }
    return { name: null, clientId };
  }

  private readonly broadcastAwareness = ({
    added,
    updated,
    removed,
  }: {
    added: number[];
    updated: number[];
    removed: number[];
  }) => {
    const changed = [...added, ...updated, ...removed];
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const peer of this.peers.keys()) peer.send(message);
  };

  private broadcastUpdate(update: Uint8Array, origin: unknown): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
  }

  private refuse(peer: RoomPeer, code: number, detail: string): void {
    this.onEvent({ kind: 'refused', mapId: this.mapId, detail });
    this.leave(peer);
    peer.close(code, detail.slice(0, 120));
  }

  /** The trial copy, equal to the document whenever a change is not being tried. */
  private get trial(): Y.Doc {
    this.trialDoc ??= copyOf(this.doc);
    return this.trialDoc;
  }

  /** The trial copy made again from the document (when next needed), after a change that was not taken. */
  private resetTrial(): void {
    this.trialDoc?.destroy();
    this.trialDoc = null;
  }

  /** Replaces the stored updates with the document's state (one row), unless the file moved on. */
  fold(): void {
    this.repository.foldRoom(this.mapId, Y.encodeStateAsUpdate(this.doc), this.revision);
    this.sinceFold = 1;
  }

  /** Ends the room: every participant is told why, the stored log is folded. */
  close(code: number = ROOM_CLOSE.gone, reason = 'the room closed', { fold = true } = {}): void {
    if (this.closed) return;
    this.closed = true;
    for (const peer of [...this.peers.keys()]) {
      this.leave(peer);
      peer.close(code, reason);
    }
    try {
      if (fold) this.fold();
    } catch {
      // The log stays unfolded; it opens the same, only a little slower.
    }
    this.awareness.destroy();
    this.trialDoc?.destroy();
    this.doc.destroy();
  }
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = newMapDoc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Whether a document's map is the tables' map (same nodes and links, field for field). */
function sameContent(a: Pick<MapContent, 'nodes' | 'links'>, b: MapContent): boolean {
  if (a.nodes.length !== b.nodes.length || a.links.length !== b.links.length) return false;
  return canonical(a.nodes) === canonical(b.nodes) && canonical(a.links) === canonical(b.links);
}

/** Records as one text that does not depend on key or item order. */
function canonical(items: readonly object[]): string {
  const sorted = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([x], [y]) => (x < y ? -1 : 1))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;
  return items
    .map((item) => JSON.stringify(sorted(item)))
    .sort()
    .join('\n');
}
