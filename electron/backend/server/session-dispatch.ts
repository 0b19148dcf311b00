import type { ApiResponse, DocumentInfo, RoomLogEntry, ShareInfo } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import { mayCall } from '../../../shared/contract/method-access';
import { METHOD_NAMES, type MethodName } from '../../../shared/contract/methods';
import { MethodRegistry } from '../services/method-registry';
import type { Dispatcher } from './api-route';
import type { SessionGrant } from './session-store';

/** What the server's sharing offers to the host's session (sharing.ts). */
export interface SharingControl {
  start(args: { host?: string | undefined; port?: number | undefined }): Promise<ShareInfo>;
  /** The share a stopped server left, shared again as it was; null when there is none to resume. */
  resume(args?: { host?: string | undefined; port?: number | undefined }): Promise<ShareInfo | null>;
  stop(): Promise<boolean>;
  status(): ShareInfo | null;
}

/** A map's live-room session log, oldest first (empty when the server runs no rooms). */
export type RoomLogReader = (mapId: string) => readonly RoomLogEntry[];

/**
 * The contract as one session may call it: methods its role may not call are refused with a
 * typed error before any handler runs (method-access.ts says which), and the methods about the
 * session and the share are answered here, where the session is known; the rest go to the registry.
 */
export function sessionDispatcher(
  grant: SessionGrant,
  registry: Dispatcher,
  sharing: SharingControl,
  roomLog: RoomLogReader = () => [],
): Dispatcher {
  const own = new MethodRegistry();
  own.register('roomAccess', () =>
    grant.role === 'host'
      ? { access: 'edit', key: null, host: true, url: null }
      : { access: grant.role, key: grant.key, host: false, url: null },
  );
  own.register('startSharing', (args) => sharing.start(args));
  own.register('stopSharing', async () => ({ stopped: await sharing.stop() }));
  own.register('sharingStatus', () => sharing.status());
  own.register('roomLog', ({ mapId }) => ({ entries: [...roomLog(mapId)] }));
  const ownMethods: readonly string[] = own.methods;
  return {
    async dispatch(method: string, payload: unknown): Promise<ApiResponse<unknown>> {
      if (isMethodName(method) && !mayCall(grant.role, method)) {
        const error =
          grant.role === 'view'
            ? ApiError.worded('read-only', 'session-view-only', {})
            : ApiError.worded('forbidden-sender', 'session-host-only', {});
        return { ok: false, error: error.toShape() };
      }
      if (ownMethods.includes(method)) return own.dispatch(method, payload);
      const response = await registry.dispatch(method, payload);
      // Where the document lives on the host's disk is the host's business: a participant sees its name.
      if (method === 'documentInfo' && grant.role !== 'host' && response.ok) {
        const info = response.value as DocumentInfo;
        return { ok: true, value: { ...info, path: info.fileName } };
      }
      return response;
    },
  };
}

const isMethodName = (name: string): name is MethodName => (METHOD_NAMES as readonly string[]).includes(name);
