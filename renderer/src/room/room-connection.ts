import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
  MESSAGE_SYNC,
  ROOM_CLOSE,
  ROOM_GENERATION_PARAM,
  ROOM_KEY_PARAM,
  ROOM_PRESENCE_FIELD,
} from '../../../shared/room/protocol';
import { type SyncState, SyncTracker } from './sync-tracker';

/** Why the room ended this participant's connection for good (the provider does not reconnect). */
export type RoomEnd = 'refused' | 'view-only' | 'gone' | 'replaced' | 'ended';

const END_OF_CODE: Readonly<Record<number, RoomEnd>> = {
  [ROOM_CLOSE.refused]: 'refused',
  [ROOM_CLOSE.viewOnly]: 'view-only',
  [ROOM_CLOSE.gone]: 'gone',
  [ROOM_CLOSE.replaced]: 'replaced',
  [ROOM_CLOSE.ended]: 'ended',
};

export interface RoomAddress {
  /** `ws(s)://host:port/sync`: the map's id is added as the room's name. */
  url: string;
  /** The room key, when this participant joined with one (the local app signs in by cookie). */
  key?: string;
}

export interface RoomConnectionOptions {
  address: RoomAddress;
  mapId: string;
  doc: Y.Doc;
  onSync: (state: SyncState) => void;
  onEnd: (end: RoomEnd) => void;
  /** The WebSocket class (Node's `ws` in tests; the browser's by default). */
  WebSocketImpl?: typeof WebSocket;
}

/**
 * One map's room as this participant sees it: y-websocket's provider on the map's document, with
 * the sync state kept honest (SyncTracker: a change counts as stored only once the room confirmed
 * it) and the room's reasons for ending the connection told apart.
 */
export class RoomConnection {
  readonly provider: WebsocketProvider;
  private readonly tracker: SyncTracker;
  private probe: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: RoomConnectionOptions) {
    const { address, mapId, doc } = options;
    this.tracker = new SyncTracker(options.onSync);
    this.provider = new WebsocketProvider(address.url, mapId, doc, {
      params: {
        ...(address.key ? { [ROOM_KEY_PARAM]: address.key } : {}),
      },
      // Tabs of one browser meet in the room too, never around it: every change passes the server's checks.
      disableBc: true,
      maxBackoffTime: 2500,
      ...(options.WebSocketImpl ? { WebSocketPolyfill: options.WebSocketImpl } : {}),
    });
    this.watchAnswers();
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.tracker.opened();
      else if (status === 'disconnected') this.tracker.closed();
    });
    this.provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      this.tracker.syncedNow();
      this.requestConfirmation();
    });
    this.provider.on('connection-close', (event) => {
      if (event?.code === ROOM_CLOSE.notStored) this.tracker.notStored(event.reason);
    });
    this.provider.on('closed', ({ code }) => {
      const end = END_OF_CODE[code];
      if (end) options.onEnd(end);
    });
    doc.on('update', this.onUpdate);
    this.provider.awareness.on('change', this.onPresence);
  }

  /** The room's own presence names its document's generation: kept for the next reconnect. */
  private readonly onPresence = () => {
    for (const state of this.provider.awareness.getStates().values()) {
      const room = (state as Record<string, unknown>)[ROOM_PRESENCE_FIELD];
      const generation = (room as { generation?: unknown } | undefined)?.generation;
      if (typeof generation === 'string' && generation.length <= 64) {
        this.setGeneration(generation);
        return;
      }
    }
  };

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  get state(): SyncState {
    return this.tracker.state;
  }

  /** Remembers the document's generation, so a reconnect after the map was replaced is told so. */
  setGeneration(generation: string): void {
    this.provider.params = { ...this.provider.params, [ROOM_GENERATION_PARAM]: generation };
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Every change that did not come from the room was made here (an edit, an undo).
    if (origin === this.provider) return;
    this.tracker.changed();
    // Confirm soon: a burst of changes (typing, a drag's end) shares one request.
    if (this.probe === undefined) {
      this.probe = setTimeout(() => {
        this.probe = undefined;
        this.requestConfirmation();
      }, 20);
    }
  };

  /** Sends a sync request whose answer confirms every change sent before it. */
  private requestConfirmation(): void {
    const ws = this.provider.ws;
    if (!this.tracker.needsRequest || !ws || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.options.doc);
    this.tracker.requested();
    ws.send(encoding.toUint8Array(encoder));
  }

  /** Sees every sync step 2 (an answer) before the provider handles it as usual. */
  private watchAnswers(): void {
    const handlers = this.provider.messageHandlers;
    const original = handlers[MESSAGE_SYNC];
    if (!original) return;
    handlers[MESSAGE_SYNC] = (encoder, decoder, provider, emitSynced, messageType) => {
      const step = decoding.peekVarUint(decoder);
      original(encoder, decoder, provider, emitSynced, messageType);
      if (step === syncProtocol.messageYjsSyncStep2) {
        this.tracker.answered();
        // Changes made while the answer was on its way are asked about now.
        this.requestConfirmation();
      }
    };
  }

  destroy(): void {
    if (this.probe !== undefined) clearTimeout(this.probe);
    this.provider.awareness.off('change', this.onPresence);
    this.options.doc.off('update', this.onUpdate);
    this.provider.destroy();
  }
}
