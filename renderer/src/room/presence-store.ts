import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RoomLogEntry } from '../../../shared/contract/api';
import { cleanName, type Participant, type PresenceViewport } from '../../../shared/room/presence';

/**
 * Who else is in the room of the map in view, as this window shows it (presence-binding.ts keeps
 * it current from the room's awareness): the participant list, per node who has it selected (one
 * string per node, so a node re-renders only when its own selectors change), whether the
 * facilitator froze the map, the facilitator's viewport and whether this window follows it.
 */
export interface PresenceStore {
  /** This window's name in the room ('' until given). */
  name: string;
  /** Whether this window is the host's (the facilitator). */
  host: boolean;
  /** Whether this window joined view-only. */
  viewOnly: boolean;
  /** Whether this window is in a room at all (a map is open). */
  inRoom: boolean;
  participants: Participant[];
  selectors: ReadonlyMap<string, string>;
  /** The room says the facilitator paused editing (the server enforces it). */
  frozen: boolean;
  /** What the facilitator asks for (this window's own toggle, host only). */
  freezeWanted: boolean;
  facilitatorViewport: PresenceViewport | null;
  following: boolean;
  /** Set when following stopped because the user moved the view: the list says so. */
  followStopped: boolean;
  /** The name prompt is open. */
  asking: boolean;
  /** Reads the map's session log (the host's window only). */
  readLog: (() => Promise<RoomLogEntry[]>) | null;

  setName(name: string): void;
  setAsking(asking: boolean): void;
  setFollowing(following: boolean, stoppedByUser?: boolean): void;
  setFreezeWanted(frozen: boolean): void;
}

/** Where the participant's name is remembered, and that it was asked (localStorage). */
export const NAME_KEY = 'throughline.presence.name';
export const ASKED_KEY = 'throughline.presence.asked';

export function storedName(): string {
  try {
    return cleanName(globalThis.localStorage?.getItem(NAME_KEY) ?? '');
  } catch {
    return '';
  }
}

/** Whether the name prompt was shown once already (answered or dismissed): it is not shown again. */
export function nameAsked(): boolean {
  try {
    return globalThis.localStorage?.getItem(ASKED_KEY) === 'true' || storedName() !== '';
  } catch {
    return true;
  }
}

function remember(name: string): void {
  try {
    globalThis.localStorage?.setItem(NAME_KEY, name);
    globalThis.localStorage?.setItem(ASKED_KEY, 'true');
  } catch {
    // Private mode without storage: the name holds for this page only.
  }
}

export const presenceStore = createStore<PresenceStore>()((set) => ({
  name: storedName(),
  host: false,
  viewOnly: false,
  inRoom: false,
  participants: [],
  selectors: new Map(),
  frozen: false,
  freezeWanted: false,
  facilitatorViewport: null,
  following: false,
  followStopped: false,
  asking: false,
  readLog: null,
  setName: (value) => {
    const name = cleanName(value);
    remember(name);
    set({ name, asking: false });
  },
  setAsking: (asking) => {
    if (!asking) {
      try {
        globalThis.localStorage?.setItem(ASKED_KEY, 'true');
      } catch {
        // As above.
      }
    }
    set({ asking });
  },
  setFollowing: (following, stoppedByUser = false) =>
    set({ following, followStopped: !following && stoppedByUser }),
  setFreezeWanted: (freezeWanted) => set({ freezeWanted }),
}));

/** The presence store as a hook (`usePresence(selector)`), with the store's own methods on it. */
export const usePresence = Object.assign(
  <T>(selector: (state: PresenceStore) => T): T => useStore(presenceStore, selector),
  presenceStore,
);
