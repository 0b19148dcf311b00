/**
 * How many of this participant's changes the room has not yet confirmed stored. The room handles
 * a participant's messages in order and stores each change before it reads the next message, so
 * its answer (sync step 2) to a sync request (step 1) sent after some changes confirms them all.
 * Every step 1 gets exactly one step 2, in order: the tracker keeps the requests in flight and
 * what each one confirms when answered.
 */
export type SyncStatus = 'connecting' | 'synced' | 'waiting' | 'offline';

export interface SyncState {
  status: SyncStatus;
  /** This participant's changes (one per action) not yet confirmed stored. */
  waiting: number;
  /**
   * Why the room could not store the last change it was sent (a reason of error-wording.ts: a
   * full disk…), until a later sync succeeds; null otherwise.
   */
  problem: string | null;
}

export class SyncTracker {
  /** Changes made here since the map was opened. */
  private made = 0;
  /** Changes the room has confirmed stored. */
  private confirmed = 0;
  /** Requests in flight, oldest first: the count of changes each confirms (null: confirms none). */
  private inFlight: (number | null)[] = [];
  private connected = false;
  private synced = false;
  /** Whether the room's document ever arrived: a drop after that is "offline", not "connecting". */
  private everSynced = false;
  private problem: string | null = null;

  constructor(private readonly onChange: (state: SyncState) => void) {}

  get state(): SyncState {
    const waiting = this.made - this.confirmed;
    const status: SyncStatus = !this.connected
      ? this.everSynced || this.made > 0
        ? 'offline'
        : 'connecting'
      : !this.synced
        ? 'connecting'
        : waiting > 0
          ? 'waiting'
          : 'synced';
    return { status, waiting, problem: this.problem };
  }

  /** A change made here (sent at once when connected, kept in the document otherwise). */
  changed(): void {
    this.made += 1;
    this.onChange(this.state);
  }

  /** The connection opened; the provider's own first request confirms nothing of ours. */
  opened(): void {
    this.connected = true;
    this.synced = false;
    this.inFlight = [null];
    this.onChange(this.state);
  }

  /** The provider has the room's document: everything it missed is in. */
  syncedNow(): void {
    this.synced = true;
    this.everSynced = true;
    this.problem = null;
    this.onChange(this.state);
  }

  /** A request of ours is going out now: its answer confirms every change made so far. */
  requested(): void {
    this.inFlight.push(this.made);
  }

  /** Whether a request would confirm anything not yet confirmed or asked about. */
  get needsRequest(): boolean {
    const asked = this.inFlight.reduce<number>((max, n) => Math.max(max, n ?? 0), this.confirmed);
    return this.connected && this.synced && this.made > asked;
  }

  /** An answer (sync step 2) arrived: the oldest request in flight is answered. */
  answered(): void {
    const confirms = this.inFlight.shift();
    if (typeof confirms === 'number') this.confirmed = Math.max(this.confirmed, confirms);
    this.onChange(this.state);
  }

  /** The room closed the connection because it could not store a change; it is sent again on reconnect. */
  notStored(reason: string): void {
    this.problem = reason;
    this.onChange(this.state);
  }

  /** The connection dropped: requests in flight will never be answered. */
  closed(): void {
    this.connected = false;
    this.synced = false;
    this.inFlight = [];
    this.onChange(this.state);
  }
}
