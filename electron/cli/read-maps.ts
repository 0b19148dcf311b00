import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { MAX_INTERCHANGE_BYTES, parseInterchangeBytes } from '../../shared/interchange';
import type { MapContent } from '../../shared/model';
import type { VersionSummary } from '../../shared/versions';
import { MapRepository } from '../backend/storage/map-repository';
import { MapVersions } from '../backend/storage/map-versions';
import { copyDocument, openDocument, SQLITE_MAGIC } from '../backend/storage/open-document';
import { CliError, describeError } from './cli-error';
import { printable } from './terminal-text';

/** A map read from a file: from a database (with its id) or a JSON interchange file. */
export interface LoadedMap {
  id?: string;
  name: string;
  content: MapContent;
}

export type SourceKind = 'database' | 'json';

/** What a map is chosen by: its id (databases only) and name. */
type MapLabel = Pick<LoadedMap, 'id' | 'name'>;

/**
 * Whether a file is a Throughline database or a JSON map: SQLite's header makes it a database,
 * then the extension decides (`.json`, `.throughline`), and only a file with neither is judged by
 * JSON's opening brace. Anything else is handed to the database reader, which refuses it with a
 * clear reason: a damaged `.throughline` file is "not a Throughline document", even when its
 * first byte happens to be a brace.
 */
export function sourceKindOf(file: string): SourceKind {
  const head = readHead(file, 64);
  if (head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return 'database';
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.throughline') return 'database';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.startsWith('{') || text.startsWith('[') ? 'json' : 'database';
}

/** Every map in a `.throughline` database or the one map of a `.json` file; CliError when unreadable. */
export async function readMaps(file: string): Promise<{ kind: SourceKind; maps: LoadedMap[] }> {
  checkFile(file);
  const kind = sourceKindOf(file);
  return { kind, maps: kind === 'json' ? [await readJsonMap(file)] : readDatabaseMaps(file) };
}

/**
 * The one map an export needs, chosen as selectMap does. From a database only that map is loaded,
 * so another map the file cannot give (a damaged row) does not stand in its way.
 */
export async function readOneMap(file: string, selector: string | undefined): Promise<LoadedMap> {
  checkFile(file);
  if (sourceKindOf(file) === 'json') return selectMap([await readJsonMap(file)], selector, file);
  return withDatabaseCopy(file, (repository) => {
    const chosen = selectMap(repository.listMaps(), selector, file);
    return loadedMap(repository, chosen.id);
  });
}

/**
 * The map a reference names (cli/diff.ts parseMapReference): a JSON map, a document's map as it is
 * now, or one of its saved versions (by id or label).
 */
export async function readMapAt(ref: { file: string; map?: string; version?: string }): Promise<LoadedMap> {
  const { file, map, version } = ref;
  if (version === undefined) return readOneMap(file, map);
  const found = readVersionAt(file, map, version);
  return { id: found.mapId, name: found.name, content: found.content };
}

/**
 * One saved version of a document's map (chosen as selectMap does), by id or label: its summary,
 * the map's name then and its content. A JSON map keeps none; a version not found is said with
 * the versions the map has.
 */
export function readVersionAt(
  file: string,
  map: string | undefined,
  version: string,
): { mapId: string; summary: VersionSummary; name: string; content: MapContent } {
  checkFile(file);
  if (sourceKindOf(file) === 'json') {
    throw new CliError(
      `"${file}" is a JSON map, which keeps no versions: only a .throughline document does.`,
    );
  }
  return withDatabaseCopy(file, (repository) => {
    const chosen = selectMap(repository.listMaps(), map, file);
    const versions = new MapVersions(repository);
    try {
      const found = versions.find(chosen.id, version);
      const loaded = versions.load(chosen.id, found.id);
      return { mapId: chosen.id, summary: found, name: loaded.name, content: loaded.content };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not-found') {
        const labels = versions.list(chosen.id).map((v) => `"${printable(v.label)}" (${v.id})`);
        throw new CliError(
          `The map "${printable(chosen.name)}" in "${file}" has no version "${printable(version)}"; ` +
            (labels.length === 0 ? 'it has no saved versions.' : `its versions: ${labels.join(', ')}.`),
        );
      }
      if (error instanceof ApiError) throw new CliError(`"${file}": ${error.message}`);
      throw error;
    }
  });
}

/** A document's map, chosen as selectMap does, and its saved versions, read without touching the file. */
export function readVersions(
  file: string,
  selector: string | undefined,
): { map: { id: string; name: string }; versions: VersionSummary[] } {
  checkFile(file);
  if (sourceKindOf(file) === 'json') {
    throw new CliError(
      `"${file}" is a JSON map, which keeps no versions: only a .throughline document does.`,
    );
  }
  return withDatabaseCopy(file, (repository) => {
    const chosen = selectMap(repository.listMaps(), selector, file);
    return {
      map: { id: chosen.id, name: chosen.name },
      versions: new MapVersions(repository).list(chosen.id),
    };
  });
}

/** Runs `use` on a document's repository, opened where it is (not a copy), and closes it. */
export function withDocument<T>(file: string, use: (repository: MapRepository) => T): T {
  checkFile(file);
  if (sourceKindOf(file) === 'json') {
    throw new CliError(
      `"${file}" is a JSON map, which keeps no versions: only a .throughline document does.`,
    );
  }
  let repository: MapRepository;
  try {
    repository = new MapRepository(openDocument(file, { create: false }));
  } catch (error) {
    throw new CliError(describeError(error));
  }
  try {
    return use(repository);
  } finally {
    repository.close();
  }
}

function checkFile(file: string): void {
  let size: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new CliError(`"${file}" is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`There is no file at "${file}".`);
    throw unreadable(file, error);
  }
  if (size === 0)
    throw new CliError(`"${file}" is empty: it is neither a Throughline document nor a JSON map.`);
}

/** A file that is there but cannot be read, in words. */
function unreadable(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'there is no permission to read it'
      : code === 'ENOTDIR'
        ? 'a part of its path is not a folder'
        : describeError(error);
  return new CliError(`"${file}" could not be read: ${reason}.`);
}

/** Reads and checks a JSON map; a structurally malformed one is refused with the reason. */
export async function readJsonMap(file: string): Promise<LoadedMap> {
  checkFile(file);
  const size = statSync(file).size;
  if (size > MAX_INTERCHANGE_BYTES) {
    throw new CliError(
      `"${file}" cannot be read as a map: it is larger than ${MAX_INTERCHANGE_BYTES / 1_000_000} MB.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  // Not UTF-8 is refused as the app's Import refuses it (shared/interchange/format.ts).
  const parsed = parseInterchangeBytes(bytes);
  if (!parsed.ok) throw new CliError(`"${file}" cannot be read as a map: ${parsed.message}.`);
  return { name: parsed.name, content: parsed.content };
}

/** Every map of a database, read without touching it (see withDatabaseCopy). */
export function readDatabaseMaps(file: string): LoadedMap[] {
  return withDatabaseCopy(file, (repository) =>
    repository
      .listMaps()
      .map((summary) => loadedMap(repository, summary.id))
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id ?? '').localeCompare(b.id ?? '')),
  );
}

function loadedMap(repository: MapRepository, id: string): LoadedMap {
  const map = repository.loadMap(id);
  return {
    id: map.id,
    name: map.name,
    content: { nodes: map.nodes, links: map.links, checkins: map.checkins },
  };
}

/**
 * Opens a database without touching it: a snapshot of it, taken by SQLite from a read-only
 * connection after the same checks the app makes on open (copyDocument), is written to a private
 * temporary folder and opened there, so a migration, a WAL checkpoint or the -shm file never lands
 * beside the user's document, a document being written meanwhile reads as it was at one moment,
 * and a symlink reads its target with the target's WAL. The copy is the process's own, so a
 * read-only document reads as well as any. Messages name the user's file, never the copy.
 */
function withDatabaseCopy<T>(file: string, read: (repository: MapRepository) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-read-'));
  try {
    const copy = join(dir, 'document.throughline');
    const inUserWords = (error: unknown) => describeError(error).replaceAll(copy, file);
    try {
      copyDocument(file, copy);
    } catch (error) {
      if (error instanceof ApiError) throw new CliError(inUserWords(error));
      throw unreadable(file, error);
    }
    let repository: MapRepository;
    try {
      repository = new MapRepository(openDocument(copy, { create: false }));
    } catch (error) {
      throw new CliError(inUserWords(error));
    }
    try {
      return read(repository);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`"${file}" could not be read: ${inUserWords(error)}`);
    } finally {
      repository.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Picks one map by id or exact name (case-insensitive name as a fallback). With no selector, a file
 * holding exactly one map gives that one; otherwise the user is told which maps there are.
 */
export function selectMap<M extends MapLabel>(
  maps: readonly M[],
  selector: string | undefined,
  file: string,
): M {
  if (maps.length === 0) throw new CliError(`"${file}" contains no maps.`);
  if (selector === undefined) {
    if (maps.length === 1) return maps[0] as M;
    throw new CliError(`"${file}" contains ${maps.length} maps; choose one with --map: ${listMaps(maps)}.`);
  }
  const byId = maps.find((m) => m.id === selector);
  if (byId) return byId;
  let byName = maps.filter((m) => m.name === selector);
  if (byName.length === 0) byName = maps.filter((m) => m.name.toLowerCase() === selector.toLowerCase());
  if (byName.length === 1) return byName[0] as M;
  if (byName.length > 1) {
    throw new CliError(
      `${byName.length} maps in "${file}" are named "${selector}"; choose one by id: ${listMaps(byName)}.`,
    );
  }
  throw new CliError(`"${file}" has no map with the id or name "${selector}"; its maps: ${listMaps(maps)}.`);
}

function listMaps(maps: readonly MapLabel[]): string {
  const shown = [...maps]
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id ?? '').localeCompare(b.id ?? ''))
    .slice(0, 20)
    .map((m) => (m.id ? `"${printable(m.name)}" (${m.id})` : `"${printable(m.name)}"`));
  return maps.length > 20 ? `${shown.join(', ')}, …` : shown.join(', ');
}

function readHead(file: string, bytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
