import type { Language } from '../../../shared/validation/findings';
import { DocumentSession, type DocumentSessionOptions } from './document-session';
import { MethodRegistry } from './method-registry';
import { createPlanHandlers, type DocumentDialogs } from './plan-handlers';

/** The open documents with the contract registered over them: what either transport serves. */
export interface PlanBackend {
  readonly registry: MethodRegistry;
  readonly documents: DocumentSession;
  /** Folds the WAL back and closes the database; safe to call twice. */
  close(): void;
}

export interface PlanBackendOptions extends Omit<DocumentSessionOptions, 'nativeDialogs'> {
  /** The system's file dialogs, in the desktop app only. */
  dialogs?: DocumentDialogs;
  /** Told the UI language the user chose, in the desktop app only (its menu follows it). */
  onUiLanguage?: (language: Language) => void;
}

export function openPlanBackend({ dialogs, onUiLanguage, ...options }: PlanBackendOptions): PlanBackend {
  const documents = new DocumentSession({ ...options, nativeDialogs: dialogs !== undefined });
  const registry = new MethodRegistry();
  registry.registerAll(
    createPlanHandlers({
      documents,
      ...(dialogs ? { dialogs } : {}),
      ...(onUiLanguage ? { onUiLanguage } : {}),
    }),
  );
  let open = true;
  return {
    registry,
    documents,
    close() {
      if (!open) return;
      open = false;
      documents.close();
    },
  };
}
