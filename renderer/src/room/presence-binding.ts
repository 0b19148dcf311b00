import type { StoreApi } from 'zustand/vanilla';
import type { ThroughlineApi } from '../../../shared/contract/api';
import {
  colorOfClient,
  MAX_SELECTION,
  type PresenceState,
  type PresenceViewport,
  participantsOf,
  roomPresenceOf,
  selectorsByNode,
} from '../../../shared/room/presence';
import type { MapState } from '../store/map-state';
import type { MapRooms } from './map-rooms';
import { nameAsked, usePresence } from './presence-store';
import type { RoomConnection } from './room-connection';

export interface PresenceOptions {
  api: Pick<ThroughlineApi, 'roomLog'>;
  store: StoreApi<MapState>;
  rooms: MapRooms;
  /** The name shown until the participant gives one ("Guest", or "Facilitator" for the host). */
  fallbackName: (host: boolean) => string;
}

/** How often the facilitator's viewport goes out while it pans (ms). */
export const VIEWPORT_THROTTLE_MS = 120;

const selectedIds = (state: MapState): string[] => {
  const ids: string[] = [];
  for (const node of state.nodes) {
    if (node.selected) ids.push(node.id);
    if (ids.length >= MAX_SELECTION) break;
  }
  return ids;
};

/**
 * This window's presence in the room of the map in view, for the window's life: its name,
 * colour and selection go out in the room's awareness (and, from the host's window, that it is
 * the facilitator, its viewport and whether it froze the map); the others' come into the
 * presence store. While the room is frozen a participant's map is read-only. Returns a disposer.
 */
export function installPresence(options: PresenceOptions): () => void {
  let detach: (() => void) | null = null;
  const attach = (connection: RoomConnection | null) => {
    detach?.();
    detach = connection ? bind(connection, options) : null;
    if (!connection) {
      usePresence.setState({
        inRoom: false,
        participants: [],
        selectors: new Map(),
        frozen: false,
        facilitatorViewport: null,
      });
    }
  };
  const off = options.rooms.onConnection(attach);
  attach(options.rooms.connection);
  return () => {
    off();
    detach?.();
    detach = null;
  };
}

/** The facilitator's viewport, kept here between throttled sends. */
let publishViewport: ((viewport: PresenceViewport) => void) | null = null;

/** The facilitator's canvas reports its view (the centre in map coordinates and the zoom). */
export function reportViewport(viewport: PresenceViewport): void {
  publishViewport?.(viewport);
}

function bind(connection: RoomConnection, { api, store, rooms, fallbackName }: PresenceOptions): () => void {
  const awareness = connection.awareness;
  const selfId = awareness.clientID;
  const host = rooms.host;
  const mapId = store.getState().mapId;
  usePresence.setState({
    inRoom: true,
    host,
    viewOnly: rooms.viewOnly,
    readLog: host && mapId ? () => api.roomLog({ mapId }).then((answer) => answer.entries) : null,
  });
  if (!host && !nameAsked()) usePresence.getState().setAsking(true);

  let selection = selectedIds(store.getState());
  let viewport: PresenceViewport | null = null;
  const publish = () => {
    const presence = usePresence.getState();
    const state: PresenceState = {
      user: { name: presence.name || fallbackName(host), color: colorOfClient(selfId) },
      selection,
    };
    if (host) {
      state.facilitator = true;
      if (presence.freezeWanted) state.frozen = true;
      if (viewport) state.viewport = viewport;
    }
    awareness.setLocalState(state);
  };
  publish();

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.nodes === previous.nodes) return;
    const next = selectedIds(state);
    if (next.length === selection.length && next.every((id, i) => id === selection[i])) return;
    selection = next;
    awareness.setLocalStateField('selection', selection);
  });
  const unsubscribePresence = usePresence.subscribe((state, previous) => {
    if (state.name !== previous.name || state.freezeWanted !== previous.freezeWanted) publish();
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  if (host) {
    publishViewport = (next) => {
      viewport = next;
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (viewport) awareness.setLocalStateField('viewport', viewport);
      }, VIEWPORT_THROTTLE_MS);
    };
  }

  const onChange = () => {
    const states = awareness.getStates();
    const participants = participantsOf(states, selfId);
    const frozen = roomPresenceOf(states)?.frozen === true;
    const facilitator = participants.find((p) => p.facilitator && !p.self);
    usePresence.setState({
      participants,
      selectors: selectorsByNode(participants),
      frozen,
      facilitatorViewport: facilitator?.viewport ?? null,
    });
    const readOnly = rooms.viewOnly || rooms.left || (frozen && !host);
    if (store.getState().readOnly !== readOnly) store.getState().setReadOnly(readOnly);
  };
  awareness.on('change', onChange);
  onChange();

  return () => {
    awareness.off('change', onChange);
    unsubscribeStore();
    unsubscribePresence();
    if (timer !== undefined) clearTimeout(timer);
    publishViewport = null;
    // A pause is for the map it was asked on: opening another map does not pause that one too.
    if (host) usePresence.setState({ freezeWanted: false });
    // A connection kept until its changes are confirmed shows no one on a map left.
    awareness.setLocalState(null);
  };
}
