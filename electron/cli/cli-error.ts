import { ApiError } from '../../shared/contract/errors';

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

/** The one line to show for any error: our own messages as they are, anything else by its message. */
export function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof ApiError) return error.message;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const first = error.message.split('\n')[0] ?? '';
    return code && !first.includes(code) ? `${first} (${code})` : first;
  }
  return String(error);
}
