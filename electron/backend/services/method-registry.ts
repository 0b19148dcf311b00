import { ZodError } from 'zod';
import {
  ApiError,
  type ApiResponse,
  contract,
  type Handlers,
  METHOD_NAMES,
  type MethodName,
} from '../../../shared/contract';
import { storageFailure } from '../storage/storage-errors';

type AnyHandler = (args: unknown) => unknown;

/**
 * The one place contract calls are answered, whatever the transport (Electron IPC or the loopback
 * HTTP server). Each method is registered once; every payload is validated against the contract's
 * zod schema before the handler runs, and every failure comes back as a typed error, never a throw.
 */
export class MethodRegistry {
  private readonly handlers = new Map<MethodName, AnyHandler>();

  register<K extends MethodName>(name: K, handler: Handlers[K]): void {
    if (this.handlers.has(name)) throw new Error(`contract method "${name}" is registered twice`);
    this.handlers.set(name, handler as AnyHandler);
  }

  /** Registers every method of the contract; throws if one is missing or doubled. */
  registerAll(handlers: Handlers): void {
    for (const name of METHOD_NAMES) this.register(name, handlers[name] as Handlers[typeof name]);
  }

  get methods(): MethodName[] {
    return [...this.handlers.keys()];
  }

  async dispatch(method: string, payload: unknown): Promise<ApiResponse<unknown>> {
    if (!isMethodName(method)) {
      return failure(new ApiError('unknown-method', `"${String(method).slice(0, 80)}" is not an API method`));
    }
    const handler = this.handlers.get(method);
    if (!handler) return failure(new ApiError('unknown-method', `"${method}" is not registered`));
    const parsed = contract[method].args.safeParse(payload ?? {});
    if (!parsed.success) return failure(payloadError(parsed.error));
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return failure(asApiError(error));
    }
  }
}

function isMethodName(name: string): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

function failure(error: ApiError): ApiResponse<never> {
  return { ok: false, error: error.toShape() };
}

function payloadError(error: ZodError): ApiError {
  const issues = error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const detail = first ? `${first.path || 'payload'}: ${first.message}` : 'it does not match the contract';
  return new ApiError('invalid-payload', `The request was refused: ${detail}`, issues);
}

/** Unknown errors become `internal` with a plain message; nothing from the stack leaks out. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return payloadError(error);
  // A full disk or a read-only file: a plain message saying the edits are kept (storage-errors.ts).
  const storage = storageFailure(error);
  if (storage) return storage;
  return ApiError.worded('internal', 'internal', { detail: (error as Error)?.message ?? String(error) });
}
