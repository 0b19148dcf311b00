import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isOutlineFormat, OUTLINE_FORMATS } from '../../shared/exports/outline-formats';
import { serializeInterchange } from '../../shared/interchange';
import type { Language } from '../../shared/validation/findings';
import { outlineFile } from '../main/services/outline-file';
import { CliError, describeError, EXIT } from './cli-error';
import { readMaps, selectMap } from './read-maps';

/** Export formats of the command line: the JSON interchange format and the outline's formats. */
export const EXPORT_FORMATS = ['json', ...OUTLINE_FORMATS, 'pdf'] as const;
/**
 * Formats of the export issue that need a browser engine to draw the map (the PDF and image
 * exports); they come with that work and are named here so the user is told "not yet", not "no".
 */
const DRAWN_FORMATS = ['png', 'svg'];

export interface ExportOptions {
  file: string;
  format: string;
  map?: string;
  out?: string;
  /** The language of the outline's headers, values and findings (the JSON format has none). */
  lang: Language;
  /** PDF only: paper size and orientation. */
  paper?: string;
  landscape?: boolean;
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
    const available = `available: ${EXPORT_FORMATS.join(', ')}`;
    if (DRAWN_FORMATS.includes(format))
      throw new CliError(`format ${format} is not available yet (${available}).`);
    throw new CliError(`format "${format}" is not an export format (${available}).`);
  }
  if (format === 'xlsx' && options.out === undefined) {
    throw new CliError(
      'format xlsx needs --out PATH: a workbook is binary and is not written to the terminal.',
    );
  }
  if (format === 'pdf') {
    const { exportPdfCommand } = await import('./export-pdf');
    return exportPdfCommand({ ...options, landscape: options.landscape === true }, info);
  }
  const { maps } = await readMaps(options.file);
  const map = selectMap(maps, options.map, options.file);
  const bytes = isOutlineFormat(format)
    ? (await outlineFile({ name: map.name, ...map.content }, format, options.lang)).bytes
    : Buffer.from(serializeInterchange(map.name, map.content), 'utf8');
  if (options.out === undefined) {
    out(bytes.toString('utf8'));
    return EXIT.ok;
  }
  writeAtomically(resolve(options.out), bytes);
  info(`Exported "${map.name}" to ${options.out}.`);
  return EXIT.ok;
}

/** Writes beside the target and renames, so a failed write never leaves half a file. */
function writeAtomically(target: string, bytes: Buffer): void {
  const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.throughline-export.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new CliError(`"${target}" could not be written: ${describeError(error)}.`);
  }
}
