import { ApiError, type Handlers } from '../../../shared/contract';
import { safeFileName } from '../../../shared/interchange';
import { PdfChoicesSchema } from '../../../shared/print/export-choices';
import type { DocumentSession } from './document-session';
import type { PdfPrinter } from './pdf-printer';

/**
 * The contract's exportPdf: the map of the open document printed by whichever printer this
 * process has (Chromium in the browser mode, a hidden window in the desktop app), returned as
 * bytes for the renderer to save. `printer` is read at call time: the browser mode only knows its
 * own address once its server is listening.
 */
export function exportPdfHandler(
  documents: DocumentSession,
  printer: () => PdfPrinter | null,
): Handlers['exportPdf'] {
  return async ({ mapId, options }) => {
    const map = documents.repository.loadMap(mapId);
    const current = printer();
    if (!current) throw ApiError.worded('unsupported', 'no-printer', {});
    const bytes = await current.print({ mapId, mapName: map.name, choices: options });
    return {
      fileName: safeFileName(options.title.trim() || map.name, 'pdf'),
      base64: Buffer.from(bytes).toString('base64'),
    };
  };
}

/**
 * The contract's preparePdfExport: warms the printer while the export dialog is open. A failure
 * here (no Chromium, say) is left for the export itself to report, with its own message.
 */
export function preparePdfExportHandler(
  documents: DocumentSession,
  printer: () => PdfPrinter | null,
): Handlers['preparePdfExport'] {
  return async ({ mapId, language }) => {
    const current = printer();
    if (!current?.prepare) return { ready: false };
    // The map's name from the list, not the whole map: this runs each time the dialog opens.
    const map = documents.repository.listMaps().find((summary) => summary.id === mapId);
    if (!map) return { ready: false };
    const job = { mapId, mapName: map.name, choices: PdfChoicesSchema.parse({ language }) };
    return { ready: await current.prepare(job).catch(() => false) };
  };
}
