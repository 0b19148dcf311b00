import { isOutlineFormat, OUTLINE_FORMATS } from '../../shared/exports/outline-formats';
import { serializeInterchange } from '../../shared/interchange';
import type { Language } from '../../shared/model/language';
import { mapPicture, PICTURE_FORMATS } from '../../shared/render/map-picture';
import { outlineFile } from '../backend/services/outline-file';
import { slidesFile } from '../backend/services/slides/slides-file';
import { writeFileAtomically } from '../backend/services/write-atomically';
import { CliError, EXIT } from './cli-error';
import { couldNotWrite, exportTarget } from './export-target';
import { exportedLine } from './exported-line';
import { pictureOrRefusal } from './picture-or-refusal';
import { readOneMap } from './read-maps';

/**
 * Export formats of the command line: the JSON interchange format, the outline's, the map's
 * pictures, the PDF and the slides (PowerPoint).
 */
export const EXPORT_FORMATS = ['json', ...OUTLINE_FORMATS, ...PICTURE_FORMATS, 'pdf', 'pptx'] as const;

export interface ExportOptions {
  file: string;
  format: string;
  map?: string;
  out?: string;
  /** The language of the outline's headers, values and findings (the JSON format has none). */
  lang: Language;
  /** Replace an existing --out file (never the document being exported). */
  force?: boolean;
  /** PDF only: paper size and orientation. */
  paper?: string;
  landscape?: boolean;
  /** PDF only: the saved version (id or label) of the section "Changes since …". */
  changesSince?: string | undefined;
}

/**
 * Writes one map to --out, or to stdout: as JSON, or its outline as CSV, Markdown or an Excel
 * workbook (which, being binary, needs --out). What reaches stdout is byte for byte what --out
 * would write, so `> plan.csv` gives the same file (with the byte order mark Excel needs).
 */
export async function exportCommand(
  options: ExportOptions,
  out: (text: string) => void,
  info: (line: string) => void,
): Promise<number> {
  const { format } = options;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(
      `format "${format}" is not an export format (available: ${EXPORT_FORMATS.join(', ')}).`,
    );
  }
  if (format === 'xlsx' && options.out === undefined) {
    throw new CliError(
      'format xlsx needs --out PATH: a workbook is binary and is not written to the terminal.',
    );
  }
  if (format === 'pptx' && options.out === undefined) {
    throw new CliError('format pptx needs --out PATH: a deck is binary and is not written to the terminal.');
  }
  if (options.changesSince !== undefined && format !== 'pdf') {
    throw new CliError(
      `--changes-since is for --format pdf only (its section "Changes since …"), not ${format}.`,
    );
  }
  if (format === 'pdf') {
    const { exportPdfCommand } = await import('./export-pdf');
    return exportPdfCommand({ ...options, landscape: options.landscape === true }, info);
  }
  if (format === 'png') {
    const { exportPngCommand } = await import('./export-png');
    return exportPngCommand(options, info);
  }
  const target =
    options.out === undefined ? undefined : exportTarget(options.out, options.file, options.force === true);
  const map = await readOneMap(options.file, options.map);
  const bytes = isOutlineFormat(format)
    ? (await outlineFile({ id: map.id, name: map.name, ...map.content }, format, options.lang)).bytes
    : format === 'pptx'
      ? (await slidesFile({ name: map.name, ...map.content }, options.lang)).bytes
      : format === 'svg'
        ? Buffer.from(
            pictureOrRefusal(() => mapPicture({ name: map.name, ...map.content }, options.lang)).svg,
          )
        : Buffer.from(serializeInterchange(map.name, map.content), 'utf8');
  if (target === undefined) {
    out(bytes.toString('utf8'));
    return EXIT.ok;
  }
  try {
    await writeFileAtomically(target, bytes);
  } catch (error) {
    throw couldNotWrite(target, error);
  }
  info(exportedLine(options.lang, map.name, options.out ?? target));
  return EXIT.ok;
}
