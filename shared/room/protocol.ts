/**
 * The room's wire protocol: y-websocket's, so a `WebsocketProvider` joins it. One WebSocket per map
 * at `/sync/<mapId>?key=<room key>`; every message starts with its type as a varuint.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** The path a map's room is reached at. */
export const SYNC_PATH_PREFIX = '/sync/';

/** The field of the room server's own presence state: `{ generation }` of the map's document. */
export const ROOM_PRESENCE_FIELD = 'room';

/** Query parameters: the room key, and the document generation a returning participant holds. */
export const ROOM_KEY_PARAM = 'key';
export const ROOM_GENERATION_PARAM = 'gen';

/** Largest message a participant may send (a paste of a few hundred nodes is well under 1 MB). */
export const MAX_ROOM_MESSAGE_BYTES = 4 * 1024 * 1024;

/**
 * Why the server closes a participant's connection. 4400–4499 tell y-websocket's provider not to
 * reconnect (the server decided; trying again cannot help); 4500–4599 are "try again later".
 */
export const ROOM_CLOSE = {
  /** A message that is not the protocol, or a change that breaks the map's rules. */
  refused: 4400,
  /** A view-only participant sent a change. */
  viewOnly: 4403,
  /** The map is gone (deleted, or the document was closed). */
  gone: 4404,
  /** The map was replaced under the participant (restored, rewritten outside the room): load it again. */
  replaced: 4409,
  /** Sharing stopped: the key no longer opens the room. */
  ended: 4410,
  /** The server could not store the change (a full disk): the participant keeps it and tries again. */
  notStored: 4500,
  /**
   * A change arrived before changes it builds on (sent as the connection opened, ahead of the
   * offline edits the sync answer carries): nothing taken; the participant reconnects and sends all.
   */
  outOfOrder: 4501,
  /**
   * The map changed in the file around this room (another process wrote it): the room opens again
   * from the file and the participant, reconnecting, merges into it with nothing lost.
   */
  reopen: 4502,
  /**
   * The facilitator has paused editing: the change was not taken. The participant keeps it and
   * sends it again when it reconnects (after the pause, it goes through).
   */
  frozen: 4503,
} as const;

export type RoomAccess = 'edit' | 'view';
