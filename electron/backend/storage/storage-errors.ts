import { type ErrorReason, wordError } from '../../../shared/contract/error-wording';
import { ApiError } from '../../../shared/contract/errors';

/** The ways a write to the plan's file can fail that a user can do something about. */
export type StorageProblem = 'full' | 'readOnly' | 'busy' | 'io';

/** The sentence of each (shared/contract/error-wording.ts): each says the edits are kept. */
const REASON_OF_PROBLEM = {
  full: 'storage-full',
  readOnly: 'storage-read-only',
  busy: 'storage-busy',
  io: 'storage-io',
} as const satisfies Record<StorageProblem, ErrorReason>;

/** The English sentences the contract answers with. */
export const STORAGE_MESSAGES: Readonly<Record<StorageProblem, string>> = {
  full: wordError({ reason: 'storage-full', params: {} }, 'en'),
  readOnly: wordError({ reason: 'storage-read-only', params: {} }, 'en'),
  busy: wordError({ reason: 'storage-busy', params: {} }, 'en'),
  io: wordError({ reason: 'storage-io', params: {} }, 'en'),
};

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
  return problem ? ApiError.worded('storage-failed', REASON_OF_PROBLEM[problem], {}) : null;
}
