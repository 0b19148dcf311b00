import { ApiError, type Handlers, type RoomLogEntry } from '../../../shared/contract';
import type { SharingControl } from '../server/session-dispatch';

type SharingMethods = 'roomAccess' | 'startSharing' | 'stopSharing' | 'sharingStatus' | 'roomLog';

/** The plan server the desktop app runs for its window's rooms, as the IPC handlers need it. */
export interface HostedRooms {
  /** Sharing the rooms on the LAN: the same Sharing the browser mode's host session reaches. */
  readonly sharing: SharingControl;
  /** The rooms' WebSocket address on loopback (`ws://127.0.0.1:<port>/sync`). */
  readonly roomsUrl: string;
  /** The launch's host key the window presents there; null when the server made none. */
  readonly hostKey: string | null;
  /** The live rooms, whose session logs the facilitator reads (roomLog). */
  readonly rooms: { log(mapId: string): readonly RoomLogEntry[] } | null;
}

/**
 * The sharing methods as the desktop app's IPC answers them: the window is the host, an editor,
 * joining the rooms of the plan server main runs on 127.0.0.1 with the launch's host key, and
 * File ▸ Share with the room… shares them through that server. Without one (it could not start)
 * the window has no rooms to join and nothing to share. The browser mode's server answers these
 * itself, per session (electron/backend/server/session-dispatch.ts), and never reaches these.
 */
export function sharingHandlers(
  rooms: () => HostedRooms | null = () => null,
): Pick<Handlers, SharingMethods> {
  const sharing = (): SharingControl => {
    const server = rooms();
    if (!server) throw ApiError.worded('unsupported', 'sharing-needs-serve', {});
    return server.sharing;
  };
  return {
    roomAccess: () => {
      const server = rooms();
      return server?.hostKey
        ? { access: 'edit', key: server.hostKey, host: true, url: server.roomsUrl }
        : { access: 'edit', key: null, host: true, url: null };
    },
    startSharing: (args) => sharing().start(args),
    stopSharing: async () => ({ stopped: rooms() ? await sharing().stop() : false }),
    sharingStatus: () => rooms()?.sharing.status() ?? null,
    roomLog: ({ mapId }) => ({ entries: [...(rooms()?.rooms?.log(mapId) ?? [])] }),
  };
}
