import { MapRepository } from '../storage/map-repository';
import { openDocument, type PlanDatabase } from '../storage/open-document';
import { MethodRegistry } from './method-registry';
import { createPlanHandlers } from './plan-handlers';

/** One open plan document with the contract registered over it: what either transport serves. */
export interface PlanBackend {
  readonly registry: MethodRegistry;
  readonly path: string;
  /** The open database, for the few callers that need more than the contract (tests, shutdown). */
  readonly database: PlanDatabase;
  /** Folds the WAL back and closes the database; safe to call twice. */
  close(): void;
}

export function openPlanBackend(path: string, options: { isLibrary: boolean }): PlanBackend {
  const database = openDocument(path, { create: true });
  const repository = new MapRepository(database);
  const registry = new MethodRegistry();
  registry.registerAll(createPlanHandlers({ repository, document: { path, isLibrary: options.isLibrary } }));
  let open = true;
  return {
    registry,
    path,
    database,
    close() {
      if (!open) return;
      open = false;
      repository.close();
    },
  };
}
