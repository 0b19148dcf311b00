import type { Language } from '../../../shared/model/language';
import { DocumentSession, type DocumentSessionOptions } from './document-session';
import { MethodRegistry } from './method-registry';
import type { PdfPrinter } from './pdf-printer';
import { createPlanHandlers, type DocumentDialogs } from './plan-handlers';
import type { HostedRooms } from './sharing-handlers';

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
  /** What prints PDFs (a hidden window on the desktop, Chromium in the browser mode), read at call time. */
  pdfPrinter?: () => PdfPrinter | null;
  /** The desktop app's plan server, whose rooms its window joins and shares (read at call time). */
  rooms?: () => HostedRooms | null;
}

export function openPlanBackend({
  dialogs,
  onUiLanguage,
  pdfPrinter,
  rooms,
  ...options
}: PlanBackendOptions): PlanBackend {
  const documents = new DocumentSession({ ...options, nativeDialogs: dialogs !== undefined });
  const registry = new MethodRegistry();
  registry.registerAll(
    createPlanHandlers({
      documents,
      ...(dialogs ? { dialogs } : {}),
      ...(onUiLanguage ? { onUiLanguage } : {}),
      ...(pdfPrinter ? { pdfPrinter } : {}),
      ...(rooms ? { rooms } : {}),
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
