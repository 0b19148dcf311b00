/**
 * Working arrays that never leave one call of the validator, kept from one call to the next.
 *
 * The validator runs after every edit. Allocating its working arrays afresh each time made
 * megabytes of ArrayBuffers per run on a large map, and V8 answers that much new external memory
 * with a garbage collection: about a quarter of the time of a 100k-node validation. Each slot is
 * used by one step of the validator only, and the validator is synchronous, so no two users ever
 * hold the same slot at once. A slot keeps the size of the largest map seen (a few MB at 100k
 * nodes). Arrays that are returned to the caller are never taken from here.
 */
export type ScratchSlot =
  | 'csr-fill'
  | 'csr-in-fill'
  | 'duplicate-stamp'
  | 'loop-start'
  | 'loop-target'
  | 'tarjan-index'
  | 'tarjan-low'
  | 'tarjan-stack'
  | 'tarjan-call-node'
  | 'tarjan-call-edge'
  | 'tarjan-on-stack'
  | 'reach-queue'
  | 'is-goal'
  | 'is-mechanism'
  | 'is-converting'
  | 'is-unset'
  | 'outcome-metric'
  | 'finding-codes'
  | 'finding-subjects'
  | 'finding-keys'
  | 'sort-start';

const int32Slots = new Map<ScratchSlot, Int32Array>();
const uint8Slots = new Map<ScratchSlot, Uint8Array>();

function take<T extends Int32Array | Uint8Array>(
  slots: Map<ScratchSlot, T>,
  make: (length: number) => T,
  slot: ScratchSlot,
  length: number,
  value: number,
): T {
  let buffer = slots.get(slot);
  if (!buffer || buffer.length < length) {
    // Some room to grow, so a map that gains a few nodes does not reallocate on every edit.
    buffer = make(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.25), 64));
    slots.set(slot, buffer);
  }
  const view = buffer.subarray(0, length) as T;
  view.fill(value);
  return view;
}

/** An Int32Array of `length` elements, all `value` (0 unless said), valid until the slot is taken again. */
export function scratchInt32(slot: ScratchSlot, length: number, value = 0): Int32Array {
  return take(int32Slots, (l) => new Int32Array(l), slot, length, value);
}

/** A Uint8Array of `length` elements, all `value` (0 unless said), valid until the slot is taken again. */
export function scratchUint8(slot: ScratchSlot, length: number, value = 0): Uint8Array {
  return take(uint8Slots, (l) => new Uint8Array(l), slot, length, value);
}
