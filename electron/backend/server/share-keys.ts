import { randomBytes } from 'node:crypto';
import type { RoomAccess } from '../../../shared/room/protocol';
import { tokensEqual } from './request-guards';

/**
 * The keys of one share: one for editors, one for observers, fresh and random each time the room
 * is shared. 18 random bytes (144 bits) in base64url: short enough for a QR code, too many to guess.
 */
export interface ShareKeys {
  /** Names the share in the sessions and room connections made from its keys, to end them all. */
  readonly id: string;
  readonly edit: string;
  readonly view: string;
}

const randomKey = () => randomBytes(18).toString('base64url');

export function newShareKeys(): ShareKeys {
  return { id: randomKey(), edit: randomKey(), view: randomKey() };
}

/** The access a presented key gives under `keys` (compared in constant time), or null. */
export function accessOfKey(keys: ShareKeys | null, presented: string | null | undefined): RoomAccess | null {
  if (keys === null || typeof presented !== 'string') return null;
  // Both compared every time, so the time taken says nothing about which one matched.
  const edit = tokensEqual(presented, keys.edit);
  const view = tokensEqual(presented, keys.view);
  if (edit) return 'edit';
  if (view) return 'view';
  return null;
}
