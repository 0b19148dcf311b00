import { z } from 'zod';
import {
  type ErrorParams,
  type ErrorReason,
  type ErrorWording,
  ErrorWordingSchema,
  wordError,
} from './error-wording';

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
  /** Which sentence `message` is and its values, so the renderer can say it in the UI's language. */
  wording: ErrorWordingSchema.optional(),
});
export type ApiErrorShape = z.output<typeof ApiErrorShapeSchema>;

/** What every transport carries back: a value, or a typed error. Never a thrown exception. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** The intersection of a union's members: the values every one of several sentences needs. */
type AllOf<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** A typed failure of a contract call; thrown by services, turned into a response by dispatch. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiErrorShape['issues'];
  readonly wording: ErrorWording | undefined;
  constructor(code: ApiErrorCode, message: string, issues?: ApiErrorShape['issues'], wording?: ErrorWording) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
    this.wording = wording;
  }

  /**
   * An error whose message is one of the sentences of error-wording.ts, said in English. When
   * `reason` may be one of several, `params` must hold the values of each of them.
   */
  static worded<R extends ErrorReason>(
    code: ApiErrorCode,
    reason: R,
    params: AllOf<ErrorParams[R]>,
  ): ApiError {
    const wording = { reason, params } as ErrorWording;
    return new ApiError(code, wordError(wording, 'en'), undefined, wording);
  }

  /** The same error with one value replaced wherever it appears (a temporary path by the file's name). */
  replacing(value: string, by: string): ApiError {
    const wording = this.wording && {
      reason: this.wording.reason,
      params: Object.fromEntries(
        Object.entries(this.wording.params).map(([key, text]) => [key, String(text).split(value).join(by)]),
      ),
    };
    // split/join, not replaceAll: a file name may hold "$&", which replaceAll would expand.
    return new ApiError(this.code, this.message.split(value).join(by), this.issues, wording as ErrorWording);
  }

  toShape(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.wording ? { wording: this.wording as ApiErrorShape['wording'] & object } : {}),
    };
  }
}
