import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { serializeInterchange } from '../../shared/interchange';
import { CliError, describeError, EXIT } from './cli-error';
import { readMaps, selectMap } from './read-maps';

/** Export formats of the command line; others (pdf, png, csv, xlsx, md) come with a later issue. */
export const EXPORT_FORMATS = ['json'] as const;

export interface ExportOptions {
  file: string;
  format: string;
  map?: string;
  out?: string;
}

/** Writes one map in the JSON interchange format to --out, or to stdout. */
export async function exportCommand(
  options: ExportOptions,
  out: (text: string) => void,
  info: (line: string) => void,
): Promise<number> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new CliError(
      `format ${options.format} is not available yet (available: ${EXPORT_FORMATS.join(', ')}).`,
    );
  }
  const { maps } = await readMaps(options.file);
  const map = selectMap(maps, options.map, options.file);
  const text = serializeInterchange(map.name, map.content);
  if (options.out === undefined) {
    out(text);
    return EXIT.ok;
  }
  writeAtomically(resolve(options.out), text);
  info(`Exported "${map.name}" to ${options.out}.`);
  return EXIT.ok;
}

/** Writes beside the target and renames, so a failed write never leaves half a file. */
function writeAtomically(target: string, text: string): void {
  const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.throughline-export.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new CliError(`"${target}" could not be written: ${describeError(error)}.`);
  }
}
