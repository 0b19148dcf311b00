/** How long a window keeps a map without saying it is still there (it says so every 2 s). */
export const LEASE_MS = 6000;

/** How many ended windows are remembered; far more than are ever opened while a request is late. */
const ENDED_REMEMBERED = 1000;

/**
 * Holds that other processes on the same document see (its `map_leases` table, see
 * MapRepository.claimLease): a map this process hands to a window is held there too, so the
 * desktop app and `throughline serve` on one library never both write the same map.
 */
export interface SharedLeases {
  /** Takes the map for this process when no other process holds it (or `takeOver`). */
  claim(mapId: string, takeOver: boolean): boolean;
  /** Extends this process's hold; false when another process took the map over. */
  renew(mapId: string): boolean;
  /** Gives the map back if this process holds it. */
  release(mapId: string): void;
}

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
 * save to a map it held when it ended is kept as long as no other window holds that map, without
 * taking the map back. (A map it had lost to a take-over stays refused: those edits are stale.)
 */
export class MapLeases {
  private readonly leases = new Map<string, Lease>();
  /** Ended sessions, oldest first (a Map keeps insertion order), with the maps each held then. */
  private readonly ended = new Map<string, ReadonlySet<string>>();
  /**
   * Maps each live session gave back on leaving them for another, until it opens them again: a
   * renewal it sent just before leaving must not take such a map back.
   */
  private readonly left = new Map<string, Set<string>>();

  /**
   * @param shared the holds across processes of the document open now, read at each call (the
   *   document changes); none for a document no other process can reach.
   */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly shared: () => SharedLeases | null = () => null,
  ) {}

  /** Claims the map for this session; returns whether it now holds it. */
  claim(mapId: string, sessionId: string, takeOver: boolean, withShared = true): boolean {
    if (this.ended.has(sessionId)) return false;
    const lease = this.leases.get(mapId);
    const free = !lease || lease.sessionId === sessionId || this.lapsed(lease);
    if (!free && !takeOver) return false;
    // Another process holding the map wins as another window would: this one gets it read-only.
    if (withShared && !(this.shared()?.claim(mapId, takeOver) ?? true)) return false;
    this.leases.set(mapId, { sessionId, seenAt: this.now() });
    this.left.get(sessionId)?.delete(mapId);
    return true;
  }

  /**
   * Renews this session's hold; false when another window took the map over, or this one left it.
   * A hold that lapsed (a window asleep) is taken again while nobody else has the map.
   */
  keep(mapId: string, sessionId: string, withShared = true): boolean {
    const lease = this.leases.get(mapId);
    // A map in `left` is never held by that session: claim takes it out of `left`.
    if (this.left.get(sessionId)?.has(mapId)) return false;
    if (!lease || lease.sessionId !== sessionId) return this.claim(mapId, sessionId, false, withShared);
    if (withShared && !(this.shared()?.renew(mapId) ?? true)) {
      // Another process took the map over: no window of this one holds it any more.
      this.leases.delete(mapId);
      return false;
    }
    lease.seenAt = this.now();
    return true;
  }

  /**
   * Whether this session may save the map now as far as this process's windows go (and, for a live
   * session, a renewal of its hold here). An ended session's last save may land on a map it held
   * when it ended, while no other window holds that map. Other processes are asked by the save
   * itself, in its transaction (MapRepository.applyChanges), so a refused save writes nothing.
   */
  mayWrite(mapId: string, sessionId: string): boolean {
    const heldAtEnd = this.ended.get(sessionId);
    if (!heldAtEnd) return this.keep(mapId, sessionId, false);
    const lease = this.leases.get(mapId);
    return heldAtEnd.has(mapId) && (!lease || this.lapsed(lease));
  }

  /** Gives the map back if this session holds it (a window leaving the map); never another's hold. */
  releaseBy(mapId: string, sessionId: string): boolean {
    if (this.leases.get(mapId)?.sessionId !== sessionId) return false;
    this.leases.delete(mapId);
    this.shared()?.release(mapId);
    const left = this.left.get(sessionId) ?? new Set<string>();
    left.add(mapId);
    this.left.set(sessionId, left);
    return true;
  }

  /** A window closing or reloading: every map it holds is free at once. Returns how many. */
  endSession(sessionId: string): number {
    const held = new Set<string>();
    for (const [mapId, lease] of this.leases) {
      if (lease.sessionId !== sessionId) continue;
      this.leases.delete(mapId);
      held.add(mapId);
    }
    const shared = this.shared();
    for (const mapId of held) shared?.release(mapId);
    if (!this.ended.has(sessionId)) this.ended.set(sessionId, held);
    this.left.delete(sessionId);
    if (this.ended.size > ENDED_REMEMBERED) {
      const oldest = this.ended.keys().next().value;
      if (oldest !== undefined) this.ended.delete(oldest);
    }
    return held.size;
  }

  release(mapId: string): void {
    this.leases.delete(mapId);
  }

  /**
   * A new document: no map of it is held yet. Ended sessions stay ended. (The holds this process
   * had in the other processes' view are given back with that document: DocumentSession.)
   */
  clear(): void {
    this.leases.clear();
    this.left.clear();
  }

  private lapsed(lease: Lease): boolean {
    return this.now() - lease.seenAt > LEASE_MS;
  }
}
