import { createHash, randomBytes } from 'node:crypto';
import type { RoomAccess } from '../../../shared/room/protocol';

/**
 * Whose a session cookie is: the machine's own window (the host, signed in by a one-time token on
 * the loopback address), or a participant who joined a share with its editor or view-only key.
 */
export type SessionGrant = { role: 'host' } | { role: RoomAccess; key: string; shareId: string };

/** Sessions kept at most (each window or PDF context signs in once); the oldest go first. */
const MAX_SESSIONS = 256;

/**
 * The session cookies one listener handed out. Secrets are looked up by their SHA-256, so the
 * lookup's timing says nothing about a secret; the secrets themselves are not kept.
 */
export class SessionStore {
  private readonly sessions: Map<string, SessionGrant>;

  /** `initial` sessions by hash (a share resumed); `onChange` hears of each session added or ended. */
  constructor(
    initial: Iterable<[string, SessionGrant]> = [],
    private readonly onChange: () => void = () => {},
  ) {
    this.sessions = new Map(initial);
  }

  /** The sessions by the SHA-256 of their secret (what a resumed share keeps). */
  entries(): [string, SessionGrant][] {
    return [...this.sessions];
  }

  /** A new session with a fresh random secret: the cookie's value. */
  add(grant: SessionGrant): string {
    const secret = randomBytes(32).toString('hex');
    this.sessions.set(digest(secret), grant);
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    this.onChange();
    return secret;
  }

  find(presented: string | undefined): SessionGrant | null {
    if (typeof presented !== 'string' || presented === '') return null;
    return this.sessions.get(digest(presented)) ?? null;
  }

  /** Ends every session made from one share's keys; returns how many ended. */
  endShare(shareId: string): number {
    let ended = 0;
    for (const [hash, grant] of this.sessions) {
      if (grant.role !== 'host' && grant.shareId === shareId) {
        this.sessions.delete(hash);
        ended += 1;
      }
    }
    if (ended > 0) this.onChange();
    return ended;
  }
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
