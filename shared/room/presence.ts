import { ROOM_PRESENCE_FIELD } from './protocol';

/**
 * What each participant says about itself in the room's awareness (y-protocols): its name and
 * colour, the nodes it has selected, its viewport (the facilitator's is followed), and, from the
 * host's window only, that it is the facilitator and whether the map is frozen. Other people's
 * states are untrusted input: `parsePresence` keeps only well-formed, length-capped fields and
 * drops a state without a person (the room server's own state carries none).
 */
export interface PresenceUser {
  name: string;
  color: string;
}

export interface PresenceViewport {
  x: number;
  y: number;
  zoom: number;
}

export interface PresenceState {
  user: PresenceUser;
  selection: string[];
  viewport?: PresenceViewport;
  facilitator?: boolean;
  /** The facilitator asks the room to pause everyone else's editing (the server decides). */
  frozen?: boolean;
  /** Joined view-only: set by the room server on the states it relays, never by the participant. */
  viewOnly?: boolean;
}

/** Longest name shown (characters); longer ones are cut. */
export const MAX_NAME_LENGTH = 40;
/** A participant's selection beyond this many nodes is not shown (a select-all of a big map). */
export const MAX_SELECTION = 200;
/** Ids longer than this are not node ids. */
const MAX_ID_LENGTH = 64;

/**
 * Colours that read as an outline and behind white text on the light and the dark theme alike
 * (mid-tone, contrast ≥ 4.5:1 with white; ≥ 3:1 against both canvas backgrounds).
 */
export const PRESENCE_PALETTE: readonly string[] = [
  '#c2410c', // orange
  '#2563eb', // blue
  '#15803d', // green
  '#9333ea', // purple
  '#e11d48', // crimson
  '#0e7490', // cyan
  '#a16207', // ochre
  '#db2777', // pink
];

/** The colour of a participant, a stable pick from the palette by its awareness client id. */
export function colorOfClient(clientId: number): string {
  const index = Math.abs(Math.trunc(clientId)) % PRESENCE_PALETTE.length;
  return PRESENCE_PALETTE[Number.isFinite(index) ? index : 0] as string;
}

/**
 * A name as typed: control characters and surrounding blanks go, runs of blanks become one,
 * and it is cut at MAX_NAME_LENGTH characters (by code point, so no half of a pair is left).
 */
export function cleanName(value: unknown): string {
  if (typeof value !== 'string') return '';
  // Control and format characters (zero-width, bidirectional overrides) are not part of a name.
  const plain = value.slice(0, 400).replace(/[\p{Cc}\p{Cf}]/gu, '');
  return [...plain.replace(/\s+/g, ' ').trim()].slice(0, MAX_NAME_LENGTH).join('').trim();
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const finite = (value: unknown, limit: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;

/**
 * Another participant's state as this window may show it, or null when it names no person. The
 * colour is never taken from the state (anything could be in it): it follows the client id.
 */
export function parsePresence(clientId: number, state: unknown): PresenceState | null {
  if (!isRecord(state) || !isRecord(state.user)) return null;
  const name = cleanName(state.user.name);
  if (name === '') return null;
  const parsed: PresenceState = { user: { name, color: colorOfClient(clientId) }, selection: [] };
  if (Array.isArray(state.selection)) {
    const seen = new Set<string>();
    for (const id of state.selection.slice(0, MAX_SELECTION)) {
      if (typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH) seen.add(id);
    }
    parsed.selection = [...seen];
  }
  const viewport = state.viewport;
  if (
    isRecord(viewport) &&
    finite(viewport.x, 1e7) &&
    finite(viewport.y, 1e7) &&
    finite(viewport.zoom, 100) &&
    viewport.zoom > 0
  ) {
    parsed.viewport = { x: viewport.x, y: viewport.y, zoom: viewport.zoom };
  }
  if (state.facilitator === true) parsed.facilitator = true;
  if (state.frozen === true) parsed.frozen = true;
  if (state.viewOnly === true) parsed.viewOnly = true;
  return parsed;
}

/** The fields only the host's window may set: the server removes them from anyone else's state. */
export const HOST_ONLY_FIELDS: readonly string[] = ['facilitator', 'frozen'];

/**
 * A participant's awareness state as the server relays it: a state that is not an object is
 * dropped, the room's own field is never taken from a participant, the host-only fields only
 * from the host, and `viewOnly` is the server's to say. Returns null for a state that is removed
 * (y-protocols' `null`), as it came.
 */
export function sanitizePeerState(
  state: unknown,
  host: boolean,
  viewOnly = false,
): Record<string, unknown> | null {
  if (!isRecord(state)) return null;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (key === ROOM_PRESENCE_FIELD || key === '__proto__' || key === 'viewOnly') continue;
    if (!host && HOST_ONLY_FIELDS.includes(key)) continue;
    kept[key] = value;
  }
  if (viewOnly) kept.viewOnly = true;
  return kept;
}

/** The room server's own state: the document's generation and whether editing is paused. */
export interface RoomPresence {
  generation: string;
  frozen: boolean;
}

/** The room's own state among the awareness states, if one is there. */
export function roomPresenceOf(states: ReadonlyMap<number, unknown>): RoomPresence | null {
  for (const state of states.values()) {
    if (!isRecord(state)) continue;
    const room = state[ROOM_PRESENCE_FIELD];
    if (!isRecord(room)) continue;
    const { generation, frozen } = room;
    if (typeof generation === 'string' && generation.length <= 64) {
      return { generation, frozen: frozen === true };
    }
  }
  return null;
}

/** One participant as the participant list shows it. */
export interface Participant extends PresenceState {
  clientId: number;
  self: boolean;
}

/** Everyone in the room with a name, this window first, then by name. */
export function participantsOf(states: ReadonlyMap<number, unknown>, selfId: number): Participant[] {
  const list: Participant[] = [];
  for (const [clientId, state] of states) {
    const parsed = parsePresence(clientId, state);
    if (parsed) list.push({ ...parsed, clientId, self: clientId === selfId });
  }
  return list.sort((a, b) =>
    a.self !== b.self ? (a.self ? -1 : 1) : a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId,
  );
}

/**
 * Per node, who else has it selected, as one string (`color\tname` lines, ordered), so a node's
 * subscription fires only when its own set of selectors changes.
 */
export function selectorsByNode(participants: readonly Participant[]): Map<string, string> {
  const byNode = new Map<string, string[]>();
  for (const p of participants) {
    if (p.self) continue;
    for (const id of p.selection) {
      const line = `${p.user.color}\t${p.user.name}`;
      const list = byNode.get(id);
      if (list) list.push(line);
      else byNode.set(id, [line]);
    }
  }
  const result = new Map<string, string>();
  for (const [id, lines] of byNode) result.set(id, lines.join('\n'));
  return result;
}

/** The `selectorsByNode` string of a node back as names and colours. */
export function parseSelectors(value: string): PresenceUser[] {
  if (value === '') return [];
  return value.split('\n').map((line) => {
    const tab = line.indexOf('\t');
    return { color: line.slice(0, tab), name: line.slice(tab + 1) };
  });
}
