import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { type ImportPreview, type PreviewRow, previewTable } from '../../shared/checkins/import-preview';
import { MAX_IMPORT_BYTES, type SourceTable, type TableRefusal } from '../../shared/checkins/import-table';
import { outcomeText, rowRefusalText, tableRefusalText } from '../../shared/checkins/import-words';
import { CheckinIndex } from '../../shared/model/checkins';
import type { Language } from '../../shared/model/language';
import { readCheckinTable } from '../backend/services/checkin-table';
import { MapRepository } from '../backend/storage/map-repository';
import { openDocument } from '../backend/storage/open-document';
import { CliError, describeError, EXIT } from './cli-error';
import { selectMap, sourceKindOf } from './read-maps';
import { printable } from './terminal-text';

export interface CheckinsImportOptions {
  file: string;
  source: string;
  map?: string;
  yes: boolean;
  json: boolean;
  lang: Language;
}

/** A new check-in id, as the app makes them (renderer/src/store/ids.ts). */
export function newCheckinId(): string {
  let id = '';
  for (const b of randomBytes(9)) id += 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36];
  return `c_${id}`;
}

/**
 * The document a check-in is written into, open for writing, and the chosen map in it. A JSON map
 * file is refused: it has no room to write into (import it first with `throughline import`).
 */
export async function openMapForCheckins(
  file: string,
  selector: string | undefined,
): Promise<{ repository: MapRepository; mapId: string; name: string }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(`"${file}" is not a file.`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`There is no file at "${file}".`);
    throw new CliError(`"${file}" could not be read: ${describeError(error)}.`);
  }
  if (sourceKindOf(file) === 'json') {
    throw new CliError(
      `"${file}" is a JSON map; check-ins are written into a .throughline document (throughline import it first).`,
    );
  }
  let repository: MapRepository;
  try {
    repository = new MapRepository(openDocument(resolve(file), { create: false }));
  } catch (error) {
    throw new CliError(describeError(error));
  }
  try {
    const chosen = selectMap(repository.listMaps(), selector, file);
    return { repository, mapId: chosen.id, name: chosen.name };
  } catch (error) {
    repository.close();
    throw error;
  }
}

/** The preview of a table against a map as the document holds it now. */
export function previewForMap(
  repository: MapRepository,
  mapId: string,
  table: SourceTable,
): { ok: true; preview: ImportPreview } | { ok: false; refusal: TableRefusal } {
  const map = repository.loadMap(mapId);
  return previewTable(table, {
    nodes: map.nodes,
    checkins: new CheckinIndex(map.checkins ?? []),
    newId: newCheckinId,
  });
}

/** Reads SOURCE (.csv or .xlsx); CliError (exit 2) when the file as a whole is refused. */
async function readSource(source: string, lang: Language): Promise<SourceTable> {
  let bytes: Buffer;
  try {
    const info = await stat(source);
    if (!info.isFile()) throw new CliError(`"${source}" is not a file.`);
    if (info.size > MAX_IMPORT_BYTES) {
      throw new CliError(
        `"${source}": ${tableRefusalText({ kind: 'too-big', maxMb: MAX_IMPORT_BYTES / 1_000_000 }, lang)}`,
      );
    }
    bytes = await readFile(source);
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`There is no file at "${source}".`);
    throw new CliError(`"${source}" could not be read: ${describeError(error)}.`);
  }
  const read = await readCheckinTable(basename(source), bytes);
  if (!read.ok) throw new CliError(`"${source}": ${tableRefusalText(read.refusal, lang)}`);
  return read.table;
}

const cellOf = (text: string, width: number) => {
  const shown = printable(text);
  return shown.length > width ? `${shown.slice(0, width - 1)}…` : shown.padEnd(width);
};

function rowLine(row: PreviewRow, lang: Language): string {
  const metric = row.metric ? row.metric.title : row.metricText;
  return `  ${lang === 'zh-CN' ? `第 ${String(row.line).padEnd(5)} 行` : `row ${String(row.line).padEnd(5)}`} ${cellOf(metric, 28)} ${cellOf(row.dateText, 10)} ${cellOf(row.valueText, 12)} ${printable(outcomeText(row.outcome, lang))}`;
}

function summary(preview: ImportPreview, lang: Language): string {
  const { add, correct, already, refused } = preview.counts;
  return lang === 'zh-CN'
    ? `添加 ${add} 条，更正 ${correct} 条，已存在 ${already} 条，拒绝 ${refused} 条。`
    : `${add} to add, ${correct} to correct, ${already} already there, ${refused} refused.`;
}

/**
 * `throughline checkins import FILE SOURCE`: the preview, row by row; with --yes the rows to add and
 * correct are written in one transaction (MapRepository.writeCheckins). Exit 0: no row refused;
 * 1: some rows refused (with --yes the others are written); 2: the file, SOURCE or the map cannot
 * be read, and nothing is written.
 */
export async function checkinsImportCommand(
  options: CheckinsImportOptions,
  out: (text: string) => void,
): Promise<number> {
  const table = await readSource(options.source, options.lang);
  const { repository, mapId, name } = await openMapForCheckins(options.file, options.map);
  let preview: ImportPreview;
  let written = 0;
  try {
    const result = previewForMap(repository, mapId, table);
    if (!result.ok)
      throw new CliError(`"${options.source}": ${tableRefusalText(result.refusal, options.lang)}`);
    preview = result.preview;
    if (options.yes && preview.write.length > 0) {
      try {
        repository.writeCheckins(mapId, preview.write);
      } catch (error) {
        throw new CliError(
          `The check-ins could not be written into "${options.file}": ${describeError(error)}`,
        );
      }
      written = preview.write.length;
    }
  } finally {
    repository.close();
  }

  if (options.json) {
    out(
      `${JSON.stringify(
        {
          map: { id: mapId, name },
          source: options.source,
          counts: preview.counts,
          written,
          rows: preview.rows.map((row) => ({
            line: row.line,
            metric: row.metric?.id ?? null,
            metricText: row.metricText,
            date: row.dateText,
            value: row.valueText,
            outcome: row.outcome.kind,
            reasons:
              row.outcome.kind === 'refused'
                ? row.outcome.reasons.map((r) => rowRefusalText(r, options.lang))
                : [],
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const zh = options.lang === 'zh-CN';
    const lines = [
      zh
        ? `${printable(options.source)} → “${printable(name)}”（${printable(mapId)}）：`
        : `${printable(options.source)} into "${printable(name)}" (${printable(mapId)}):`,
      ...preview.rows.map((row) => rowLine(row, options.lang)),
      summary(preview, options.lang),
      preview.write.length === 0
        ? zh
          ? '没有需要写入的内容。'
          : 'Nothing to write.'
        : options.yes
          ? zh
            ? `已写入 ${written} 条签到。`
            : `Wrote ${written} check-in${written === 1 ? '' : 's'}.`
          : zh
            ? `尚未写入任何内容：加上 --yes 再运行一次即可写入这 ${preview.write.length} 条。`
            : `Nothing was written: run again with --yes to write the ${preview.write.length} row${preview.write.length === 1 ? '' : 's'} to add or correct.`,
    ];
    out(`${lines.join('\n')}\n`);
  }
  return preview.counts.refused > 0 ? EXIT.findings : EXIT.ok;
}
