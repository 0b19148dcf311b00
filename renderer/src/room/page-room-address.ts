import { SYNC_PATH_PREFIX } from '../../../shared/room/protocol';
import type { RoomAddress } from './room-connection';

/**
 * The rooms of the server that served this page (the browser mode and a participant's browser):
 * the same host, over wss when the page came over https. The local app signs in with its session
 * cookie, which the browser sends with the WebSocket's request.
 */
export function pageRoomAddress(location: Pick<Location, 'protocol' | 'host'>): RoomAddress {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return { url: `${scheme}://${location.host}${SYNC_PATH_PREFIX.replace(/\/$/, '')}` };
}
