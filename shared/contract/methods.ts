/**
 * The names of the contract's methods, with no schema attached, so the sandboxed preload can
 * forward exactly these without bundling zod. api.ts checks at compile time that the two agree.
 */
export const METHOD_NAMES = [
  'listMaps',
  'listMapPage',
  'mapSummary',
  'createMap',
  'renameMap',
  'duplicateMap',
  'deleteMap',
  'restoreMap',
  'loadMap',
  'importMapJson',
  'readCheckinTable',
  'createMapFromTemplate',
  'exportMapJson',
  'exportPdf',
  'preparePdfExport',
  'exportMap',
  'exportSlides',
  'documentInfo',
  'listRecentDocuments',
  'openRecentDocument',
  'openLibrary',
  'uploadDocument',
  'downloadDocument',
  'openDocumentDialog',
  'saveDocumentAsDialog',
  'setUiLanguage',
  'listBackups',
  'restoreBackup',
  'roomAccess',
  'startSharing',
  'stopSharing',
  'sharingStatus',
  'roomLog',
  'listVersions',
  'saveVersion',
  'loadVersion',
  'startFromVersion',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

/** The IPC channel of a method; one prefix so the preload forwards exactly the contract. */
export const channelOf = (method: MethodName): string => `throughline:${method}`;
