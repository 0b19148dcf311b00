import { ApiError, type Handlers, MAP_PAGE_SIZE } from '../../../shared/contract';
import { parseInterchange, safeFileName, serializeInterchange } from '../../../shared/interchange';
import type { Language } from '../../../shared/model/language';
import { templateContent, templateName } from '../../../shared/templates';
import { versionsOf } from '../storage/map-versions';
import { createBackupHandlers } from './backup-handlers';
import { readCheckinTable } from './checkin-table';
import type { DocumentSession } from './document-session';
import { outlineFile } from './outline-file';
import { exportPdfHandler, preparePdfExportHandler } from './pdf-export-handler';
import type { PdfPrinter } from './pdf-printer';
import { type HostedRooms, sharingHandlers } from './sharing-handlers';
import { slidesFile } from './slides/slides-file';

/** The system's file dialogs, which only the desktop app has (an Electron adapter provides them). */
export interface DocumentDialogs {
  /** A `.throughline` file to open, or null when the user cancelled. */
  chooseDocumentToOpen(): Promise<string | null>;
  /** Where to save a copy of the document, or null when the user cancelled. */
  chooseSaveAsPath(suggestedName: string): Promise<string | null>;
}

export interface PlanHandlerDeps {
  documents: DocumentSession;
  dialogs?: DocumentDialogs;
  /** Told the UI language the user chose (the desktop menu follows it). */
  onUiLanguage?: (language: Language) => void;
  /** What prints PDFs here, read at call time (the browser mode's server starts after the handlers). */
  pdfPrinter?: () => PdfPrinter | null;
  /** The desktop app's plan server, read at call time (it starts after the handlers). */
  rooms?: () => HostedRooms | null;
}

/** Lets the event loop answer what is waiting before the next slice of work. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The contract's methods over one open plan document. Transport-free: Electron IPC and the
 * loopback HTTP server both reach these through the MethodRegistry.
 */
export function createPlanHandlers({
  documents,
  dialogs,
  onUiLanguage,
  pdfPrinter,
  rooms,
}: PlanHandlerDeps): Handlers {
  const repo = () => documents.repository;
  return {
    listMaps: ({ offset, limit }) => repo().listMapPage(offset ?? 0, limit ?? MAP_PAGE_SIZE).maps,
    listMapPage: ({ offset, limit }) => repo().listMapPage(offset ?? 0, limit ?? MAP_PAGE_SIZE),
    mapSummary: ({ mapId }) => repo().summary(mapId),
    createMap: ({ name }) => repo().createMap(name),
    renameMap: ({ mapId, name }) => repo().renameMap(mapId, name),
    duplicateMap: ({ mapId, name }) => repo().duplicateMap(mapId, name),
    deleteMap: ({ mapId }) => {
      // The map's versions go with it; kept in memory so that undoing the delete brings them back.
      versionsOf(repo()).keepForUndo(mapId);
      documents.deleteMap(mapId);
      return { deleted: true as const };
    },
    restoreMap: ({ mapId }) => {
      const summary = repo().restoreMap(mapId);
      versionsOf(repo()).bringBack(mapId);
      return summary;
    },
    // A 20,000-node map is built in slices (loadMapInSlices) so other requests are answered meanwhile.
    loadMap: ({ mapId }) => repo().loadMapInSlices(mapId, nextTurn),
    importMapJson: ({ text, name }) => {
      const parsed = parseInterchange(text);
      // Only strings cross the contract; the app checks the file itself first, in its language.
      if (!parsed.ok) {
        const { kind, value } = parsed.refusal;
        throw ApiError.worded('invalid-file', 'import-refused', { kind, value });
      }
      return repo().createMap(name ?? parsed.name, parsed.content);
    },
    readCheckinTable: ({ fileName, base64 }) => readCheckinTable(fileName, Buffer.from(base64, 'base64')),
    createMapFromTemplate: ({ templateId, language, name }) =>
      repo().createMap(name ?? templateName(templateId, language), templateContent(templateId, language)),
    exportMapJson: ({ mapId }) => {
      const map = repo().loadMap(mapId);
      return { fileName: safeFileName(map.name, 'json'), text: serializeInterchange(map.name, map) };
    },
    exportPdf: exportPdfHandler(documents, pdfPrinter ?? (() => null)),
    preparePdfExport: preparePdfExportHandler(documents, pdfPrinter ?? (() => null)),
    exportMap: async ({ mapId, format, language }) => {
      const { fileName, mimeType, bytes } = await outlineFile(repo().loadMap(mapId), format, language);
      return { fileName, mimeType, base64: bytes.toString('base64') };
    },
    exportSlides: async ({ mapId, language }) => {
      const { fileName, mimeType, bytes } = await slidesFile(repo().loadMap(mapId), language);
      return { fileName, mimeType, base64: bytes.toString('base64') };
    },
    documentInfo: () => documents.info(),
    listRecentDocuments: () => documents.recent.list(),
    openRecentDocument: ({ path }) => documents.openRecent(path),
    openLibrary: () => documents.openLibrary(),
    uploadDocument: ({ fileName, base64 }) => documents.openUploaded(fileName, Buffer.from(base64, 'base64')),
    downloadDocument: () => {
      const { fileName, bytes } = documents.snapshot();
      return { fileName, base64: bytes.toString('base64') };
    },
    openDocumentDialog: async () => {
      if (!dialogs) throw ApiError.worded('unsupported', 'dialogs-desktop-only', {});
      const path = await dialogs.chooseDocumentToOpen();
      return path ? documents.open(path) : null;
    },
    setUiLanguage: ({ language }) => {
      onUiLanguage?.(language);
      return { language };
    },
    saveDocumentAsDialog: async () => {
      if (!dialogs) throw ApiError.worded('unsupported', 'dialogs-desktop-only', {});
      const path = await dialogs.chooseSaveAsPath(documents.info().fileName);
      return path ? documents.saveAs(path) : null;
    },
    listVersions: ({ mapId }) => versionsOf(repo()).list(mapId),
    saveVersion: ({ mapId, label, author }) => versionsOf(repo()).save(mapId, label, author),
    loadVersion: ({ mapId, versionId }) => versionsOf(repo()).load(mapId, versionId),
    startFromVersion: ({ mapId, versionId, name }) =>
      repo().createMap(name, versionsOf(repo()).load(mapId, versionId).content),
    ...createBackupHandlers(documents),
    ...sharingHandlers(rooms),
  };
}
