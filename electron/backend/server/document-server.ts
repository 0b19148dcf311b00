import { ROOM_CLOSE } from '../../../shared/room/protocol';
import type { PlanBackend } from '../services/plan-backend';
import { type PlanServer, type PlanServerOptions, startPlanServer } from './http-server';

/**
 * The plan server over a backend's open documents, its live rooms on the document open now: what
 * `throughline serve` and the desktop app both run. The rooms end before the document is closed or
 * replaced (another file opened, a backup restored), and every participant loads its map again;
 * a map's room ends when the map is deleted. Closing the server unhooks it from the documents.
 */
export async function startDocumentServer(
  backend: PlanBackend,
  options: Omit<PlanServerOptions, 'registry' | 'repository'>,
): Promise<PlanServer> {
  const server = await startPlanServer({
    ...options,
    registry: backend.registry,
    repository: () => backend.documents.repository,
  });
  const unhook = [
    backend.documents.onLeave(() => server.rooms?.closeAll(ROOM_CLOSE.replaced, 'the document changed')),
    backend.documents.onMapDeleted((mapId) =>
      server.rooms?.closeRoom(mapId, ROOM_CLOSE.gone, 'the map was deleted'),
    ),
  ];
  return {
    ...server,
    close: async () => {
      for (const remove of unhook) remove();
      await server.close();
    },
  };
}
