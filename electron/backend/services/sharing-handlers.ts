import { ApiError, type Handlers } from '../../../shared/contract';

type SharingMethods = 'roomAccess' | 'startSharing' | 'stopSharing' | 'sharingStatus' | 'roomLog';

/**
 * The sharing methods where no shared server runs (the desktop app's IPC): the window is the
 * host, an editor, and nothing is shared. The browser mode's server answers these itself, per
 * session (electron/backend/server/session-dispatch.ts), and never reaches these.
 */
export function unsharedHandlers(): Pick<Handlers, SharingMethods> {
  return {
    roomAccess: () => ({ access: 'edit', key: null, host: true }),
    startSharing: () => {
      throw ApiError.worded('unsupported', 'sharing-needs-serve', {});
    },
    stopSharing: () => ({ stopped: false }),
    sharingStatus: () => null,
    // No room server runs behind IPC: nothing was shared, so nobody else changed anything.
    roomLog: () => ({ entries: [] }),
  };
}
