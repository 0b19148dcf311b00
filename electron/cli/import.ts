import { resolve } from 'node:path';
import type { Language } from '../../shared/model/language';
import { checkMapName, MapRepository } from '../backend/storage/map-repository';
import { openDocument } from '../backend/storage/open-document';
import { CliError, describeError, EXIT } from './cli-error';
import { readJsonMap } from './read-maps';
import { printable } from './terminal-text';
import { formatReports, plural, reportOf } from './validate';

export interface ImportOptions {
  file: string;
  into: string;
  name?: string;
  json: boolean;
  lang: Language;
}

/**
 * Adds a JSON map to a database (created if missing). A structurally malformed file is refused
 * before the database is even opened; links that break the rules are imported and reported as
 * findings, as in the app.
 */
export async function importCommand(
  options: ImportOptions,
  out: (text: string) => void,
  info: (line: string) => void,
): Promise<number> {
  const map = await readJsonMap(options.file);
  const target = resolve(options.into);
  // Everything is checked before the document is opened: opening creates a missing file and
  // upgrades an older one, which a refused import must not leave behind.
  let name: string;
  try {
    name = checkMapName(options.name?.trim() || map.name);
  } catch (error) {
    throw new CliError(describeError(error));
  }

  let repository: MapRepository;
  try {
    repository = new MapRepository(openDocument(target, { create: true }));
  } catch (error) {
    throw new CliError(describeError(error));
  }
  let summary: { id: string; name: string };
  try {
    summary = repository.createMap(name, map.content);
  } catch (error) {
    throw new CliError(`The map could not be imported into "${options.into}": ${describeError(error)}`);
  } finally {
    repository.close();
  }

  const report = reportOf({ id: summary.id, name: summary.name, content: map.content });
  if (options.json) {
    out(
      `${JSON.stringify({ imported: { id: summary.id, name: summary.name, into: options.into }, maps: [report] }, null, 2)}\n`,
    );
  } else {
    info(
      `Imported "${printable(summary.name)}" (${printable(summary.id)}) into ${options.into}: ` +
        `${plural(map.content.nodes.length, 'node')}, ${plural(map.content.links.length, 'link')}.`,
    );
    out(formatReports(options.file, [report], options.lang));
  }
  return EXIT.ok;
}
