import { join } from 'node:path';
import { openDocument, type PlanDatabase } from './open-document';

/** File name of the default library inside the user-data folder. */
export const LIBRARY_FILE_NAME = 'library.throughline';

/** Where the default library lives, so a first run works with no file dialog. */
export function defaultLibraryPath(userDataDir: string): string {
  return join(userDataDir, LIBRARY_FILE_NAME);
}

/** Opens the default library, creating it (and the user-data folder) on first run. */
export function openLibrary(userDataDir: string): PlanDatabase {
  return openDocument(defaultLibraryPath(userDataDir), { create: true });
}
