import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openPlanBackend, type PlanBackend } from '../../electron/backend/services/plan-backend';
import type { ApiError } from '../../shared/contract/errors';

/** What a handler test works with: a backend on a library of its own, and ways to call it. */
export interface TemporaryBackend {
  /** The test's folder: the library, its backups and state live here. */
  readonly dir: string;
  readonly backend: PlanBackend;
  /** Calls a method through the registry, as both transports do; throws on a typed error. */
  call<T>(method: string, payload?: unknown): Promise<T>;
  /** Calls a method that must fail, and answers its typed error. */
  failure(method: string, payload?: unknown): Promise<Pick<ApiError, 'code' | 'message'>>;
  /** Rows this connection has written so far: unchanged means nothing was written. */
  writes(): number;
}

/**
 * A plan backend on a fresh library in a temporary folder for each test of the file, closed and
 * removed after it. Call at the top of a test file (it registers beforeEach and afterEach).
 */
export function temporaryBackend(prefix: string): TemporaryBackend {
  let dir = '';
  let backend: PlanBackend | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    backend = openPlanBackend({ libraryPath: join(dir, 'library.throughline'), stateDir: dir });
  });
  afterEach(() => {
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const current = (): PlanBackend => {
    if (!backend) throw new Error('temporaryBackend: used outside a test');
    return backend;
  };
  return {
    get dir() {
      return dir;
    },
    get backend() {
      return current();
    },
    async call<T>(method: string, payload: unknown = {}): Promise<T> {
      const response = await current().registry.dispatch(method, payload);
      if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
      return response.value as T;
    },
    async failure(method: string, payload: unknown = {}) {
      const response = await current().registry.dispatch(method, payload);
      if (response.ok) throw new Error(`${method} should have failed`);
      return response.error;
    },
    writes(): number {
      const row = current().documents.database.db.prepare('SELECT total_changes() AS n').get() as {
        n: number;
      };
      return row.n;
    },
  };
}
