import { z } from 'zod';

/** Every way a contract call can fail, as a stable code the UI can translate. */
export const API_ERROR_CODES = [
  'invalid-payload',
  'unknown-method',
  'forbidden-sender',
  'not-found',
  'link-refused',
  'conflict',
  'read-only',
  'unsupported',
  'invalid-file',
  'storage-failed',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ApiErrorShapeSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  /** Field paths and reasons, for payload errors. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorShape = z.output<typeof ApiErrorShapeSchema>;

/** What every transport carries back: a value, or a typed error. Never a thrown exception. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** A typed failure of a contract call; thrown by services, turned into a response by dispatch. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiErrorShape['issues'];
  constructor(code: ApiErrorCode, message: string, issues?: ApiErrorShape['issues']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  toShape(): ApiErrorShape {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}
