import { ApiError } from '../../../shared/contract/errors';
import { outlineCsv } from '../../../shared/exports/csv';
import { outlineMarkdown } from '../../../shared/exports/markdown';
import { OutlineTooLargeError } from '../../../shared/exports/outline';
import { OUTLINE_FORMAT_FILES, type OutlineFormat } from '../../../shared/exports/outline-formats';
import { safeFileName } from '../../../shared/interchange/file-name';
import { CheckinIndex } from '../../../shared/model/checkins';
import type { Language } from '../../../shared/model/language';
import { localToday } from '../../../shared/model/local-today';
import type { Checkin, MapLink, MapNode } from '../../../shared/model/types';

export interface OutlineFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export interface ExportableMap {
  name: string;
  nodes: readonly MapNode[];
  links: readonly MapLink[];
  /** The map's check-ins (MapDocument.checkins), as they were entered. */
  checkins?: readonly Checkin[];
  /** The map's id in its document (the calendar's event ids are scoped by it). */
  id?: string;
}

/**
 * A map's outline as a file in one format and language: what the contract's exportMap and the
 * command line both hand out. Metric statuses are judged by today's local date, as the inspector
 * judges them. The XLSX writer (exceljs) and the calendar's (ics) are loaded only when asked for.
 */
export async function outlineFile(
  map: ExportableMap,
  format: OutlineFormat,
  language: Language,
  today: string = localToday(),
): Promise<OutlineFile> {
  const { extension, mimeType } = OUTLINE_FORMAT_FILES[format];
  const fileName = safeFileName(map.name, extension);
  const withHistory = { ...map, history: new CheckinIndex(map.checkins ?? []) };
  try {
    if (format === 'xlsx') {
      const { outlineXlsx } = await import('./xlsx-export');
      return { fileName, mimeType, bytes: await outlineXlsx(withHistory, language, today) };
    }
    if (format === 'ics') {
      const { checkinCalendarIcs } = await import('./ics-export');
      return {
        fileName,
        mimeType,
        bytes: Buffer.from(checkinCalendarIcs(withHistory, language, today), 'utf8'),
      };
    }
    const text =
      format === 'csv'
        ? outlineCsv(withHistory, language, today)
        : outlineMarkdown(withHistory, language, today);
    return { fileName, mimeType, bytes: Buffer.from(text, 'utf8') };
  } catch (error) {
    // A map whose outline is too large is the user's map, not a fault: say so as a typed error.
    if (error instanceof OutlineTooLargeError) {
      throw ApiError.worded('unsupported', 'outline-too-large', { limit: error.limit.toLocaleString('en') });
    }
    throw error;
  }
}
