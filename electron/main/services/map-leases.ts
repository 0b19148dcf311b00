/** How long a window keeps a map without saying it is still there (it says so every 2 s). */
export const LEASE_MS = 6000;

interface Lease {
  sessionId: string;
  seenAt: number;
}

/**
 * Which window edits which map. The first window to open a map holds it; another window opening
 * the same map gets it read-only until it takes over. A save from a window that no longer holds
 * the map is refused, so two windows never overwrite each other's edits without being told.
 */
export class MapLeases {
  private readonly leases = new Map<string, Lease>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Claims the map for this session; returns whether it now holds it. */
  claim(mapId: string, sessionId: string, takeOver: boolean): boolean {
    const lease = this.leases.get(mapId);
    const free = !lease || lease.sessionId === sessionId || this.now() - lease.seenAt > LEASE_MS;
    if (free || takeOver) {
      this.leases.set(mapId, { sessionId, seenAt: this.now() });
      return true;
    }
    return false;
  }

  /** Renews this session's hold; false when another window took the map over. */
  keep(mapId: string, sessionId: string): boolean {
    const lease = this.leases.get(mapId);
    if (!lease) return this.claim(mapId, sessionId, false);
    if (lease.sessionId !== sessionId) return this.claim(mapId, sessionId, false);
    lease.seenAt = this.now();
    return true;
  }

  holds(mapId: string, sessionId: string): boolean {
    return this.keep(mapId, sessionId);
  }

  /** Gives the map back if this session holds it (a window closing); never another's hold. */
  releaseBy(mapId: string, sessionId: string): boolean {
    if (this.leases.get(mapId)?.sessionId !== sessionId) return false;
    this.leases.delete(mapId);
    return true;
  }

  release(mapId: string): void {
    this.leases.delete(mapId);
  }

  clear(): void {
    this.leases.clear();
  }
}
