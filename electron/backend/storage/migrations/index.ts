import { initial } from './001-initial';
import { mapRevisionAndViewport } from './002-map-revision-and-viewport';
import { mapLeases } from './003-map-leases';
import { mapsByUpdate } from './004-maps-by-update';
import { mapRooms } from './005-map-rooms';
import { checkins } from './006-checkins';
import { mapVersions } from './007-map-versions';
import type { Migration } from './types';

export type { Migration } from './types';

/**
 * Every schema step, in order. Ids run 1, 2, 3, ...; the schema version is the last applied id. Append
 * only, and never edit a step that shipped, not even its whitespace: a document is opened only when
 * its schema is, text for text, what these steps make at its version (trusted-schema.ts).
 */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  mapRevisionAndViewport,
  mapLeases,
  mapsByUpdate,
  mapRooms,
  checkins,
  mapVersions,
];
