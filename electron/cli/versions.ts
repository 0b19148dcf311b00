import { userInfo } from 'node:os';
import { wordError } from '../../shared/contract/error-wording';
import { ApiError } from '../../shared/contract/errors';
import { jsonWithoutControls } from '../../shared/exports/control-chars';
import type { Language } from '../../shared/model/language';
import type { VersionSummary } from '../../shared/versions';
import { checkLabel, MapVersions } from '../backend/storage/map-versions';
import { CliError, EXIT } from './cli-error';
import { readVersions, selectMap, withDocument } from './read-maps';
import { printable } from './terminal-text';

export interface VersionsOptions {
  file: string;
  map?: string;
  json: boolean;
  lang: Language;
}

export interface VersionSaveOptions extends VersionsOptions {
  label: string;
  author?: string;
}

/** The fixed words of `versions` and `version save`, in each language. */
interface VersionWords {
  heading(map: string, count: number): string;
  none: string;
  line(v: VersionSummary, label: string, author: string): string;
  saved(label: string, id: string, map: string, nodes: number): string;
}

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const WORDS: Readonly<Record<Language, VersionWords>> = {
  en: {
    heading: (map, count) => `Versions of the map "${map}": ${count}`,
    none: 'No saved versions yet.',
    line: (v, label, author) =>
      `${when(v.createdAt)}  "${label}"${author ? `  by ${author}` : ''}  (${v.id}, ${v.nodeCount} node${v.nodeCount === 1 ? '' : 's'})`,
    saved: (label, id, map, nodes) =>
      `Saved the version "${label}" (${id}) of the map "${map}": ${nodes} node${nodes === 1 ? '' : 's'}.`,
  },
  'zh-CN': {
    heading: (map, count) => `地图“${map}”的版本：${count} 个`,
    none: '还没有保存的版本。',
    line: (v, label, author) =>
      `${when(v.createdAt)}  “${label}”${author ? `  作者：${author}` : ''}  （${v.id}，${v.nodeCount} 个节点）`,
    saved: (label, id, map, nodes) => `已保存地图“${map}”的版本“${label}”（${id}）：${nodes} 个节点。`,
  },
};

/** An error of the storage as one line in --lang. */
function inLanguage(error: unknown, lang: Language): unknown {
  if (error instanceof ApiError) {
    return new CliError(error.wording ? wordError(error.wording, lang) : error.message);
  }
  return error;
}

/** Lists a document map's saved versions, oldest first; the document is read from a private copy. */
export async function versionsCommand(
  options: VersionsOptions,
  out: (text: string) => void,
): Promise<number> {
  let read: ReturnType<typeof readVersions>;
  try {
    read = readVersions(options.file, options.map);
  } catch (error) {
    throw inLanguage(error, options.lang);
  }
  const { map, versions } = read;
  if (options.json) {
    out(`${jsonWithoutControls(JSON.stringify({ map, versions }, null, 2))}\n`);
    return EXIT.ok;
  }
  const words = WORDS[options.lang];
  const lines = [words.heading(printable(map.name), versions.length)];
  if (versions.length === 0) lines.push(`  ${words.none}`);
  for (const v of versions) lines.push(`  ${words.line(v, printable(v.label), printable(v.author))}`);
  out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** The name the system knows this user by, or none. */
function systemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/**
 * Saves a document map's present state as a version. The label is checked before the document is
 * opened, so a refused label leaves the file as it was (not even upgraded).
 */
export async function versionSaveCommand(
  options: VersionSaveOptions,
  out: (text: string) => void,
): Promise<number> {
  try {
    checkLabel(options.label);
  } catch (error) {
    throw inLanguage(error, options.lang);
  }
  const saved = withDocument(options.file, (repository) => {
    const chosen = selectMap(repository.listMaps(), options.map, options.file);
    try {
      const version = new MapVersions(repository).save(
        chosen.id,
        options.label,
        options.author ?? systemUser(),
      );
      return { version, map: chosen };
    } catch (error) {
      throw inLanguage(error, options.lang);
    }
  });
  if (options.json) {
    out(`${jsonWithoutControls(JSON.stringify(saved.version, null, 2))}\n`);
  } else {
    out(
      `${WORDS[options.lang].saved(printable(saved.version.label), saved.version.id, printable(saved.map.name), saved.version.nodeCount)}\n`,
    );
  }
  return EXIT.ok;
}
