/** How long a window keeps a map without saying it is still there (it says so every 2 s). */
export const LEASE_MS = 6000;

/** How many ended windows are remembered; far more than are ever opened while a request is late. */
const ENDED_REMEMBERED = 1000;

interface Lease {
  sessionId: string;
  seenAt: number;
}

/**
 * Which window edits which map. The first window to open a map holds it; another window opening
 * the same map gets it read-only until it takes over. A save from a window that no longer holds
 * the map is refused, so two windows never overwrite each other's edits without being told.
 *
 * A window that closes or reloads ends its session. Requests it sent just before may still be on
 * their way (an open of a map it asked for a moment earlier, its last save): an ended session is
 * never given a map again, so such a late open cannot leave a hold nobody renews, and its last
 * save is kept as long as no other window holds the map, without taking the map back.
 */
export class MapLeases {
  private readonly leases = new Map<string, Lease>();
  /** Ended sessions, oldest first (a Map keeps insertion order). */
  private readonly ended = new Map<string, true>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Claims the map for this session; returns whether it now holds it. */
  claim(mapId: string, sessionId: string, takeOver: boolean): boolean {
    if (this.ended.has(sessionId)) return false;
    const lease = this.leases.get(mapId);
    const free = !lease || lease.sessionId === sessionId || this.lapsed(lease);
    if (free || takeOver) {
      this.leases.set(mapId, { sessionId, seenAt: this.now() });
      return true;
    }
    return false;
  }

  /** Renews this session's hold; false when another window took the map over. */
  keep(mapId: string, sessionId: string): boolean {
    const lease = this.leases.get(mapId);
    if (!lease || lease.sessionId !== sessionId) return this.claim(mapId, sessionId, false);
    lease.seenAt = this.now();
    return true;
  }

  /**
   * Whether this session may save the map now (and, for a live session, a renewal of its hold).
   * An ended session's last save may land while no other window holds the map.
   */
  mayWrite(mapId: string, sessionId: string): boolean {
    if (!this.ended.has(sessionId)) return this.keep(mapId, sessionId);
    const lease = this.leases.get(mapId);
    return !lease || this.lapsed(lease);
  }

  /** Gives the map back if this session holds it (a window leaving the map); never another's hold. */
  releaseBy(mapId: string, sessionId: string): boolean {
    if (this.leases.get(mapId)?.sessionId !== sessionId) return false;
    this.leases.delete(mapId);
    return true;
  }

  /** A window closing or reloading: every map it holds is free at once. Returns how many. */
  endSession(sessionId: string): number {
    let released = 0;
    for (const [mapId, lease] of this.leases) {
      if (lease.sessionId !== sessionId) continue;
      this.leases.delete(mapId);
      released++;
    }
    this.ended.set(sessionId, true);
    if (this.ended.size > ENDED_REMEMBERED) {
      const oldest = this.ended.keys().next().value;
      if (oldest !== undefined) this.ended.delete(oldest);
    }
    return released;
  }

  release(mapId: string): void {
    this.leases.delete(mapId);
  }

  /** A new document: no map of it is held yet. Ended sessions stay ended. */
  clear(): void {
    this.leases.clear();
  }

  private lapsed(lease: Lease): boolean {
    return this.now() - lease.seenAt > LEASE_MS;
  }
}
