import type { Backup } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import {
  type BackupEntry,
  type BackupPolicy,
  backUpIfDue,
  backUpIfDueSync,
  createBackup,
  DEFAULT_BACKUP_POLICY,
  listBackups,
  mapCountOf,
  rotateBackups,
} from '../storage/backups';
import type { PlanDatabase } from '../storage/open-document';

/**
 * When the open document is backed up: once a day when it is opened (in the background, so
 * opening never waits for it), while it stays open (checked every hour), and on a clean close if
 * that day's backup is still missing; and always before a restore replaces it. An automatic backup that fails is reported on stderr and
 * never stops the user's work; the one before a restore must succeed or the restore does not run.
 */
export class DocumentBackups {
  readonly policy: BackupPolicy;
  private running: Promise<unknown> = Promise.resolve();
  private busy = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(policy: Partial<BackupPolicy> = {}) {
    this.policy = { ...DEFAULT_BACKUP_POLICY, ...policy };
  }

  afterOpen(database: PlanDatabase): void {
    this.stopChecking();
    this.backUpInBackground(database);
    this.timer = setInterval(() => this.backUpInBackground(database), this.policy.checkEveryMs);
    // The check must never keep a closing process (the CLI's serve, a test) alive.
    this.timer.unref?.();
  }

  beforeClose(database: PlanDatabase): void {
    this.stopChecking();
    if (!database.db.open) return;
    try {
      backUpIfDueSync(database.db, database.path, this.policy);
    } catch (error) {
      warn(database, error);
    }
  }

  private backUpInBackground(database: PlanDatabase): void {
    if (this.busy || !database.db.open) return;
    this.busy = true;
    this.running = backUpIfDue(database.db, database.path, this.policy)
      .catch((error: unknown) => {
        // Closed mid-copy (the user switched documents or quit): the next open tries again.
        if (database.db.open) warn(database, error);
      })
      .finally(() => {
        this.busy = false;
      });
  }

  private stopChecking(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Resolves once the automatic backup started last has finished (or failed). */
  settled(): Promise<unknown> {
    return this.running;
  }

  /** The document's backups, newest first; files that cannot be read as documents are left out. */
  list(database: PlanDatabase): Backup[] {
    return listBackups(database.path).flatMap((entry) => {
      const mapCount = mapCountOf(entry.path);
      if (mapCount === null) return [];
      const { id, createdAt, sizeBytes } = entry;
      return [{ id, createdAt, fileName: entry.id, sizeBytes, mapCount }];
    });
  }

  /** The backup a client named, only from this document's list: an id is never used as a path. */
  find(database: PlanDatabase, id: string): BackupEntry {
    const entry = listBackups(database.path).find((b) => b.id === id);
    if (!entry) throw ApiError.worded('not-found', 'backup-unknown', {});
    return entry;
  }

  /** The copy of the current state a restore makes first; a failure here stops the restore. */
  async beforeRestore(database: PlanDatabase): Promise<BackupEntry> {
    await this.settled();
    return createBackup(database.db, database.path, this.policy.now());
  }

  rotate(database: PlanDatabase): void {
    try {
      rotateBackups(database.path, this.policy.keep);
    } catch (error) {
      warn(database, error);
    }
  }
}

function warn(database: PlanDatabase, error: unknown): void {
  // A background task has no caller to tell; the message (no stack) goes to the log.
  console.warn(
    `Throughline: "${database.path}" could not be backed up: ${(error as Error)?.message ?? error}`,
  );
}
