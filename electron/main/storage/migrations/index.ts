import { initial } from './001-initial';
import { mapRevisionAndViewport } from './002-map-revision-and-viewport';
import { mapsByUpdate } from './003-maps-by-update';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every schema step, in order. Ids run 1, 2, 3, ...; the schema version is the last applied id. Append only. */
export const MIGRATIONS: readonly Migration[] = [initial, mapRevisionAndViewport, mapsByUpdate];
