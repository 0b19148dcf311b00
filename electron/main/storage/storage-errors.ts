import { ApiError } from '../../../shared/contract/errors';
import {
  STORAGE_MESSAGES as STORAGE_MESSAGES_IN,
  type StorageProblem,
} from '../../../shared/contract/storage-messages';

/** The English sentences the contract answers with (shared/contract/storage-messages.ts). */
export const STORAGE_MESSAGES = STORAGE_MESSAGES_IN.en;

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
