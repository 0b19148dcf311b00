import { noChromium } from '../backend/services/pdf-printer';
import { CliError } from './cli-error';

/**
 * What `export --format pdf|png` needs before it reads the map: an --out path (the file is binary
 * and is not written to the terminal) and a Chromium to make it with. Both, or a CliError saying
 * which is missing.
 */
export function chromiumForBinaryExport(
  format: 'PDF' | 'PNG',
  out: string | undefined,
  find: () => string | null,
): { out: string; executablePath: string } {
  const lower = format.toLowerCase();
  if (out === undefined) {
    throw new CliError(
      `format ${lower} needs --out PATH: a ${format} is binary and is not written to the terminal.`,
    );
  }
  const executablePath = find();
  if (!executablePath) throw new CliError(noChromium(format).message);
  return { out, executablePath };
}
