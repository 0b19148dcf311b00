import { ApiError } from '../../../shared/contract/errors';
import type { PdfChoices } from '../../../shared/print/export-choices';

/** One PDF to make: a map of the open document, with the export dialog's choices. */
export interface PdfJob {
  mapId: string;
  /** The map's name: the document's title when the choices give none. */
  mapName: string;
  choices: PdfChoices;
}

/**
 * Something that prints the print view of a map to PDF bytes: Chromium through playwright-core
 * (browser mode, command line, tests) or a hidden Electron window (desktop app).
 */
export interface PdfPrinter {
  print(job: PdfJob, signal?: AbortSignal): Promise<Uint8Array>;
  /**
   * Gets ready to print this job soon (its export dialog is open), e.g. by drawing it once
   * unprinted; false when there is nothing to do. The choices may still change.
   */
  prepare?(job: PdfJob): Promise<boolean>;
}

/** Said whenever a file only a browser engine can make (`what`: PDF, PNG) is asked for and none can be found. */
export function noChromium(what: 'PDF' | 'PNG'): ApiError {
  return ApiError.worded('unsupported', 'no-chromium', { what });
}

/** How long the print view may take to load the map and lay it out before printing gives up. */
export const PRINT_READY_TIMEOUT_MS = 120_000;
