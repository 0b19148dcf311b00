import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { MAX_INTERCHANGE_BYTES, parseInterchange } from '../../shared/interchange';
import type { MapContent } from '../../shared/model';
import { MapRepository } from '../main/storage/map-repository';
import { openDocument } from '../main/storage/open-document';
import { CliError, describeError } from './cli-error';

/** A map read from a file: from a database (with its id) or a JSON interchange file. */
export interface LoadedMap {
  id?: string;
  name: string;
  content: MapContent;
}

export type SourceKind = 'database' | 'json';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

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

function checkFile(file: string): void {
  let size: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new CliError(`"${file}" is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`There is no file at "${file}".`);
  }
  if (size === 0)
    throw new CliError(`"${file}" is empty: it is neither a Throughline document nor a JSON map.`);
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
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new CliError(`"${file}" could not be read: ${describeError(error)}.`);
  }
  const parsed = parseInterchange(text);
  if (!parsed.ok) throw new CliError(`"${file}" cannot be read as a map: ${parsed.message}.`);
  return { name: parsed.name, content: parsed.content };
}

/**
 * Reads every map of a database without touching it: the file (and its WAL, if any) is copied to a
 * private temporary folder and opened there, so a migration, a WAL checkpoint or the -shm file
 * never lands beside the user's document.
 */
export function readDatabaseMaps(file: string): LoadedMap[] {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-read-'));
  try {
    const copy = join(dir, 'document.throughline');
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    let repository: MapRepository;
    try {
      repository = new MapRepository(openDocument(copy, { create: false }));
    } catch (error) {
      throw new CliError(describeError(error).replaceAll(copy, file));
    }
    try {
      return repository
        .listMaps()
        .map((summary) => {
          const map = repository.loadMap(summary.id);
          return { id: map.id, name: map.name, content: { nodes: map.nodes, links: map.links } };
        })
        .sort((a, b) => a.name.localeCompare(b.name) || (a.id ?? '').localeCompare(b.id ?? ''));
    } catch (error) {
      throw new CliError(`"${file}" could not be read: ${describeError(error)}`);
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
export function selectMap(maps: readonly LoadedMap[], selector: string | undefined, file: string): LoadedMap {
  if (maps.length === 0) throw new CliError(`"${file}" contains no maps.`);
  if (selector === undefined) {
    if (maps.length === 1) return maps[0] as LoadedMap;
    throw new CliError(`"${file}" contains ${maps.length} maps; choose one with --map: ${listMaps(maps)}.`);
  }
  const byId = maps.find((m) => m.id === selector);
  if (byId) return byId;
  let byName = maps.filter((m) => m.name === selector);
  if (byName.length === 0) byName = maps.filter((m) => m.name.toLowerCase() === selector.toLowerCase());
  if (byName.length === 1) return byName[0] as LoadedMap;
  if (byName.length > 1) {
    throw new CliError(
      `${byName.length} maps in "${file}" are named "${selector}"; choose one by id: ${listMaps(byName)}.`,
    );
  }
  throw new CliError(`"${file}" has no map with the id or name "${selector}"; its maps: ${listMaps(maps)}.`);
}

function listMaps(maps: readonly LoadedMap[]): string {
  const shown = maps.slice(0, 20).map((m) => (m.id ? `"${m.name}" (${m.id})` : `"${m.name}"`));
  return maps.length > 20 ? `${shown.join(', ')}, …` : shown.join(', ');
}

function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
