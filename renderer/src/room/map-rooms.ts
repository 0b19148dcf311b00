import type { StoreApi } from 'zustand/vanilla';
import type { MapDocument } from '../../../shared/contract/api';
import { newMapDoc } from '../../../shared/room/map-doc';
import type { MapState } from '../store/map-state';
import { type RoomAddress, RoomConnection, type RoomEnd } from './room-connection';
import type { SyncState } from './sync-tracker';

export interface MapRoomsOptions {
  store: StoreApi<MapState>;
  /** Where this window's rooms are when the server says nothing else (the page's own server). */
  address: () => RoomAddress;
  /** Whether this window joined as a view-only participant (until setAccess says). */
  viewOnly?: boolean;
  WebSocketImpl?: typeof WebSocket;
}

/** How this window joins rooms, as the contract's roomAccess answers. */
export interface RoomAccessInfo {
  access: 'edit' | 'view';
  /** The room key to present, or null when the window signs in by its session cookie. */
  key: string | null;
  /** The rooms' address, or null for the page's own server. */
  url?: string | null;
  /** The host's own window: the room's facilitator. */
  host?: boolean;
}

/** A map's head as the library lists it: the room brings the content. */
export type MapHead = Pick<MapDocument, 'id' | 'name'>;

/**
 * The rooms this window is in: the map in view, whose document the store edits, and maps left
 * with changes the room has not confirmed yet, whose connections stay until it has (leaving a map
 * never drops an edit). What the app's save indicator, its close guard and its exports wait on.
 */
export class MapRooms {
  private current: { mapId: string; connection: RoomConnection } | null = null;
  private readonly leaving = new Set<RoomConnection>();
  private readonly listeners = new Set<() => void>();
  private onEnd: (end: RoomEnd, mapId: string) => void = () => {};
  private access: RoomAccessInfo | null = null;
  private sharingStopped = false;
  private readonly connectionListeners = new Set<(connection: RoomConnection | null) => void>();

  constructor(private readonly options: MapRoomsOptions) {}

  /**
   * Sharing stopped: this window left the room for good (its address is dead, and sharing again
   * makes new ones), so nothing it changes from now on could ever be stored: it only shows the map.
   */
  get left(): boolean {
    return this.sharingStopped;
  }

  get viewOnly(): boolean {
    return this.access ? this.access.access === 'view' : (this.options.viewOnly ?? false);
  }

  /** Whether this window is the host's own (the facilitator), as the server said. */
  get host(): boolean {
    return this.access?.host === true;
  }

  /** Hears each change of the connection of the map in view (presence follows it); unsubscribes. */
  onConnection(listener: (connection: RoomConnection | null) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  private connectionChanged(): void {
    for (const listener of this.connectionListeners) listener(this.connection);
  }

  /** What the server says about this window: its key, its rooms' address, view-only or not. */
  setAccess(access: RoomAccessInfo): void {
    this.access = access;
  }

  private address(): RoomAddress {
    const base = this.options.address();
    const url = this.access?.url ?? base.url;
    const key = this.access?.key ?? base.key;
    return key ? { url, key } : { url };
  }

  /** Who hears that the room ended a connection for good (the map was replaced, sharing stopped, …). */
  setEndHandler(handler: (end: RoomEnd, mapId: string) => void): void {
    this.onEnd = handler;
  }

  /**
   * Opens a map in its room: the store follows the room's document from now on. `onArrive` runs
   * when the room's copy arrives, in the same turn and before the map is marked ready (and so
   * before it is first framed): an imported map is laid out there, never shown in a pile.
   */
  open(
    map: MapHead,
    { readOnly = false, onArrive }: { readOnly?: boolean; onArrive?: () => void } = {},
  ): void {
    this.leave();
    const doc = newMapDoc();
    const { store } = this.options;
    store
      .getState()
      .load({ ...map, revision: 0, createdAt: '', updatedAt: '', nodes: [], links: [] }, { readOnly, doc });
    const connection: RoomConnection = new RoomConnection({
      address: this.address(),
      mapId: map.id,
      doc,
      onSync: (sync) => this.synced(connection, sync),
      onEnd: (end) => {
        if (end === 'ended') {
          this.sharingStopped = true;
          if (this.current?.connection === connection) {
            store.getState().setReadOnly(true);
            // Its presence goes too: no people, following or pause shown for a room it has left.
            this.connectionChanged();
          }
        }
        this.onEnd(end, map.id);
      },
      ...(this.options.WebSocketImpl ? { WebSocketImpl: this.options.WebSocketImpl } : {}),
    });
    this.current = { mapId: map.id, connection };
    const arrived = (synced: boolean) => {
      if (!synced || this.current?.connection !== connection) return;
      connection.provider.off('sync', arrived);
      onArrive?.();
      store.getState().markReady();
    };
    connection.provider.on('sync', arrived);
    this.connectionChanged();
  }

  /**
   * Resolves true once the room's copy of the map in view has arrived (its first sync), false if
   * another map was opened first or the room did not answer within `timeoutMs`.
   */
  contentArrived(timeoutMs = 10_000): Promise<boolean> {
    const connection = this.current?.connection;
    if (!connection) return Promise.resolve(false);
    if (connection.provider.synced) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (arrived: boolean) => {
        clearTimeout(timer);
        connection.provider.off('sync', onSync);
        resolve(arrived && this.current?.connection === connection);
      };
      const onSync = (synced: boolean) => {
        if (synced) finish(true);
      };
      connection.provider.on('sync', onSync);
    });
  }

  /** Leaves the map in view; its connection stays while it has changes to confirm. */
  leave(): void {
    const current = this.current;
    this.current = null;
    if (!current) return;
    this.connectionChanged();
    if (current.connection.state.waiting === 0) current.connection.destroy();
    else this.leaving.add(current.connection);
  }

  /** Changes made here that no room has confirmed yet, the map in view and maps left. */
  get waiting(): number {
    let count = this.current?.connection.state.waiting ?? 0;
    for (const connection of this.leaving) count += connection.state.waiting;
    return count;
  }

  /** The room connection of the map in view whose presence the window shows (none once it left). */
  get connection(): RoomConnection | null {
    return this.sharingStopped ? null : (this.current?.connection ?? null);
  }

  private synced(connection: RoomConnection, sync: SyncState): void {
    if (this.current?.connection === connection) this.options.store.getState().setSync(sync);
    else if (this.leaving.has(connection) && sync.waiting === 0) {
      this.leaving.delete(connection);
      // Not from inside the provider's own message handler.
      setTimeout(() => connection.destroy(), 0);
    }
    for (const listener of this.listeners) listener();
  }

  /**
   * Resolves once every change made here is confirmed stored, or after `timeoutMs` (offline):
   * what exports and map operations that read the stored map wait on first. True when all is in.
   */
  flush(timeoutMs = 5000): Promise<boolean> {
    if (this.waiting === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const done = (all: boolean) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(all);
      };
      const check = () => {
        if (this.waiting === 0) done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      this.listeners.add(check);
    });
  }

  /** Leaves every room at once (the window closing). */
  destroy(): void {
    this.current?.connection.destroy();
    this.current = null;
    for (const connection of this.leaving) connection.destroy();
    this.leaving.clear();
  }
}
