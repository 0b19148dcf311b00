import type { Handlers } from '../../../shared/contract';
import type { DocumentSession } from './document-session';

/** The contract's backup methods, merged into the plan handlers (plan-handlers.ts). */
export function createBackupHandlers(
  documents: DocumentSession,
): Pick<Handlers, 'listBackups' | 'restoreBackup'> {
  return {
    listBackups: () => documents.listBackups(),
    restoreBackup: ({ id }) => documents.restoreBackup(id),
  };
}
