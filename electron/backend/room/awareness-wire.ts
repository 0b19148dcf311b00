import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MESSAGE_AWARENESS } from '../../../shared/room/protocol';

/** The room's wire format of presence (y-protocols' awareness messages), read and written. */

/** An awareness update as the room sends it to a participant. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * The entries of an awareness update (its format: count, then id, clock, JSON state each). A
 * state that is not JSON throws: the message is not the protocol.
 */
export function awarenessEntries(update: Uint8Array): { client: number; clock: number; state: unknown }[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: { client: number; clock: number; state: unknown }[] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    entries.push({ client, clock, state });
  }
  return entries;
}
