import type { MethodName } from './methods';

/**
 * Who may call each contract method, in one place. A shared room admits three kinds of session:
 * the machine's own (the host), editors and observers who joined through a shared address.
 *
 * - `read`: reads the maps (list, load, exports that only read) or says something about the caller:
 *   every session.
 * - `write`: changes the maps (their content changes in the live room, which admits by key): the
 *   host and editors; an observer is refused.
 * - `host`: the document itself (open, upload, download, backups, the file's recent list, which
 *   names paths on the host's disk) and sharing: the host's session only.
 */
export type MethodAccess = 'read' | 'write' | 'host';

export const METHOD_ACCESS = {
  listMaps: 'read',
  listMapPage: 'read',
  mapSummary: 'read',
  loadMap: 'read',
  exportMapJson: 'read',
  exportPdf: 'read',
  preparePdfExport: 'read',
  exportMap: 'read',
  exportSlides: 'read',
  documentInfo: 'read',
  setUiLanguage: 'read',
  roomAccess: 'read',
  listVersions: 'read',
  loadVersion: 'read',
  createMap: 'write',
  renameMap: 'write',
  duplicateMap: 'write',
  deleteMap: 'write',
  restoreMap: 'write',
  importMapJson: 'write',
  // Reads a file only to import its check-ins: an observer, who may not write them, may not read it.
  readCheckinTable: 'write',
  createMapFromTemplate: 'write',
  saveVersion: 'write',
  startFromVersion: 'write',
  listRecentDocuments: 'host',
  openRecentDocument: 'host',
  openLibrary: 'host',
  uploadDocument: 'host',
  downloadDocument: 'host',
  openDocumentDialog: 'host',
  saveDocumentAsDialog: 'host',
  listBackups: 'host',
  restoreBackup: 'host',
  startSharing: 'host',
  stopSharing: 'host',
  sharingStatus: 'host',
  roomLog: 'host',
} as const satisfies Record<MethodName, MethodAccess>;

/** What a session may do: the host everything, an editor read and write, an observer read. */
export type SessionRole = 'host' | 'edit' | 'view';

const ALLOWED: Readonly<Record<SessionRole, readonly MethodAccess[]>> = {
  host: ['read', 'write', 'host'],
  edit: ['read', 'write'],
  view: ['read'],
};

/** Whether a session in `role` may call `method`. */
export function mayCall(role: SessionRole, method: MethodName): boolean {
  return ALLOWED[role].includes(METHOD_ACCESS[method]);
}
