import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { SessionGrant } from './session-store';
import type { ShareKeys } from './share-keys';

/**
 * A share as kept on disk while it lasts, so a server that stopped without ending it (a crash, a
 * laptop that restarted) shares the same room again: the same keys and address, the participants'
 * sessions (by their SHA-256 only, never a secret), and everyone reconnects by themselves. Ended
 * by "stop sharing" and forgotten after a day, so an old address does not open a later room.
 */
export interface SavedShare {
  keys: ShareKeys;
  host: string;
  port: number;
  sessions: [hash: string, grant: SessionGrant][];
  savedAt: number;
}

export interface ShareMemory {
  load(): SavedShare | null;
  save(share: SavedShare | null): void;
}

/** The file in the state folder that keeps the share. */
export const SHARE_MEMORY_FILE = 'room-share.json';

/** How long a share outlives the server that made it. */
export const SHARE_MEMORY_MS = 24 * 60 * 60 * 1000;

const token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const SavedShareSchema = z.object({
  keys: z.object({ id: token, edit: token, view: token }),
  host: z.string().min(1).max(100),
  port: z.number().int().min(1).max(65535),
  sessions: z
    .array(
      z.tuple([
        z.string().regex(/^[0-9a-f]{64}$/),
        z.object({ role: z.enum(['edit', 'view']), key: token, shareId: token }),
      ]),
    )
    .max(256),
  savedAt: z.number(),
});

/** The share kept in one file (0600); a file that is missing, malformed or too old counts as none. */
export function shareMemoryFile(path: string, now: () => number = Date.now): ShareMemory {
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return null;
      }
      try {
        const parsed = SavedShareSchema.safeParse(JSON.parse(text));
        if (parsed.success && now() - parsed.data.savedAt < SHARE_MEMORY_MS) return parsed.data;
      } catch {
        // Not JSON: forgotten below.
      }
      rmSync(path, { force: true });
      return null;
    },
    save(share) {
      if (share === null) {
        rmSync(path, { force: true });
        return;
      }
      // Only the participants' sessions: the host's own window signs in afresh on each start.
      const kept = { ...share, sessions: share.sessions.filter(([, grant]) => grant.role !== 'host') };
      const temp = `${path}.tmp`;
      writeFileSync(temp, JSON.stringify(kept), { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}
