import { ApiError } from '../../shared/contract/errors';
import { type StorageProblem, storageProblemOf } from '../backend/storage/storage-errors';

/** Exit codes of the command line. */
export const EXIT = {
  ok: 0,
  /** validate: at least one error-severity finding. */
  findings: 1,
  /** The file could not be read as a map, bad usage, or the command could not do its job. */
  failure: 2,
} as const;

/** A failure the user should read as one plain line on stderr, with its exit code. No stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.failure) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/**
 * A failed write in plain words, as the app says it (storage-errors.ts), never SQLite's own ("attempt
 * to write a readonly database", "database or disk is full"). A write is one transaction, so a failed
 * one changed nothing.
 */
const STORAGE_WORDS: Readonly<Record<StorageProblem, string>> = {
  full: 'the disk is full; nothing was written. Free some space and try again',
  readOnly:
    'the file, its folder or the "-wal" and "-shm" files beside it cannot be written; nothing was written',
  busy: 'another program is writing the file; nothing was written. Try again once it is done',
  io: 'the disk reported an error while writing; nothing was written',
};

/** The one line to show for any error: our own messages as they are, anything else by its message. */
export function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof ApiError) return error.message;
  // SQLite's codes only: an errno such as EACCES may come from reading a file, said elsewhere.
  const sqlite = String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_');
  const problem = sqlite ? storageProblemOf(error) : null;
  if (problem) return STORAGE_WORDS[problem];
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const first = error.message.split('\n')[0] ?? '';
    return code && !first.includes(code) ? `${first} (${code})` : first;
  }
  return String(error);
}
