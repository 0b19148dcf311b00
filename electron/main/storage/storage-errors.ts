import { ApiError } from '../../../shared/contract/errors';

/**
 * What the user reads when the disk refuses a write. Every message says the edits are kept,
 * because the renderer keeps unsaved changes and retries (renderer/src/store/autosave.ts): the
 * user's only job is to make room or make the file writable again.
 */
export const STORAGE_MESSAGES = {
  full: 'The disk is full: your last changes are kept and will be saved when there is space.',
  readOnly:
    'The plan’s file or its folder is read-only: your last changes are kept and will be saved once it can be written again.',
  busy: 'The plan’s file is in use by another program: your last changes are kept and will be saved when it lets go.',
  io: 'The plan’s file could not be written (the disk reported an error): your last changes are kept and will be saved on the next try.',
} as const;

type StorageProblem = keyof typeof STORAGE_MESSAGES;

// better-sqlite3 reports SQLite's extended result codes (SQLITE_READONLY_DBMOVED,
// SQLITE_IOERR_WRITE…); Node's fs reports errno names. Both can mean the same thing to a user.
const PROBLEM_OF_CODE: readonly [RegExp, StorageProblem][] = [
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)$/, 'full'],
  [/^(SQLITE_READONLY(_\w+)?|SQLITE_PERM|SQLITE_AUTH|EACCES|EPERM|EROFS)$/, 'readOnly'],
  [/^(SQLITE_BUSY(_\w+)?|SQLITE_LOCKED(_\w+)?|EBUSY)$/, 'busy'],
  [/^(SQLITE_IOERR(_\w+)?|SQLITE_CANTOPEN(_\w+)?|EIO)$/, 'io'],
];

/** Which kind of storage failure an error is, or null when it is not one. */
export function storageProblemOf(error: unknown): StorageProblem | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // SQLITE_IOERR_NOSPC is a full disk seen through the I/O layer.
  if (code === 'SQLITE_IOERR_NOSPC') return 'full';
  for (const [pattern, problem] of PROBLEM_OF_CODE) if (pattern.test(code)) return problem;
  return null;
}

/**
 * A failed write as the typed error the UI shows ('storage-failed', in plain words), or null when
 * the error is not about storage (then the caller treats it as it would otherwise).
 */
export function storageFailure(error: unknown): ApiError | null {
  const problem = storageProblemOf(error);
  return problem ? new ApiError('storage-failed', STORAGE_MESSAGES[problem]) : null;
}
