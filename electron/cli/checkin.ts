import { rowRefusalText } from '../../shared/checkins/import-words';
import type { Language } from '../../shared/model/language';
import { localToday } from '../../shared/model/local-today';
import { openMapForCheckins, previewForMap } from './checkins-import';
import { CliError, describeError, EXIT } from './cli-error';
import { printable } from './terminal-text';

export interface CheckinOptions {
  file: string;
  map?: string;
  metric: string;
  value: string;
  date?: string;
  note?: string;
  confidence?: string;
  lang: Language;
}

/**
 * `throughline checkin FILE --metric … --value …`: one check-in, by the same rule as a row of
 * `checkins import` (shared/checkins/import-preview.ts): added, or correcting that day's, or already
 * there; refused (exit 1) with the reason and nothing written. A note or confidence not given
 * leaves that day's as they are.
 */
export async function checkinCommand(options: CheckinOptions, out: (text: string) => void): Promise<number> {
  const header = ['metric', 'date', 'value'];
  const cells = [options.metric, options.date ?? localToday(), options.value];
  if (options.note !== undefined) {
    header.push('note');
    cells.push(options.note);
  }
  if (options.confidence !== undefined) {
    header.push('confidence');
    cells.push(options.confidence);
  }
  const { repository, mapId, name } = await openMapForCheckins(options.file, options.map);
  try {
    const result = previewForMap(repository, mapId, { header, rows: [{ line: 1, cells }] });
    const row = result.ok ? result.preview.rows[0] : undefined;
    if (!result.ok || !row) throw new CliError('The check-in could not be read.');
    const { outcome } = row;
    if (outcome.kind === 'refused') {
      throw new CliError(
        `Nothing was written: ${outcome.reasons.map((r) => rowRefusalText(r, options.lang)).join('; ')}.`,
        EXIT.findings,
      );
    }
    const title = printable(row.metric?.title ?? '');
    if (outcome.kind === 'already') {
      out(`"${title}" already has ${outcome.existing.value} on ${outcome.existing.date}; nothing written.\n`);
      return EXIT.ok;
    }
    try {
      repository.writeCheckins(mapId, [outcome.checkin]);
    } catch (error) {
      throw new CliError(`The check-in could not be written into "${options.file}": ${describeError(error)}`);
    }
    const { value, date } = outcome.checkin;
    out(
      outcome.kind === 'add'
        ? `Added ${value} to "${title}" on ${date} in "${printable(name)}".\n`
        : `Corrected "${title}" on ${date} from ${outcome.was.value} to ${value} in "${printable(name)}".\n`,
    );
    return EXIT.ok;
  } finally {
    repository.close();
  }
}
