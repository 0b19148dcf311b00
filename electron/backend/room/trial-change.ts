import * as Y from 'yjs';
import {
  checkChange,
  type DocRefusal,
  type DocTouch,
  mergeTouch,
  repairCheckins,
  repairLinks,
  touchedBy,
} from '../../../shared/room/doc-check';

/** A change as it came out on the trial copy: what it touched, its updates as applied, and whether links were repaired. */
export interface TriedChange {
  touch: DocTouch | null;
  /** The updates the trial emitted: the change as it applied (no duplicates), then a repair. */
  effective: Uint8Array[];
  repaired: boolean;
}

/**
 * Applies a participant's update to the trial copy of a map's document (equal to `doc` before)
 * and checks the result against the map's rules (doc-check.ts), repairing the links it left
 * without their node and the check-ins it left wrong (doc-check.ts) under `repairOrigin`. A refusal leaves the trial changed: the caller makes it
 * again from `doc`.
 */
export function tryOnTrial(
  trial: Y.Doc,
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  repairOrigin: unknown,
): TriedChange | DocRefusal {
  let touch: DocTouch | DocRefusal | null = null;
  const effective: Uint8Array[] = [];
  const onTransaction = (transaction: Y.Transaction) => {
    const seen = touchedBy(transaction, trial);
    const sofar = touch as DocTouch | DocRefusal | null;
    if (sofar === null || 'reason' in seen) touch = seen;
    else if (!('reason' in sofar)) mergeTouch(sofar, seen);
  };
  const onUpdate = (u: Uint8Array) => effective.push(u);
  trial.on('afterTransaction', onTransaction);
  trial.on('update', onUpdate);
  try {
    Y.applyUpdate(trial, update, origin);
    const seen = touch as DocTouch | DocRefusal | null;
    if (seen && 'reason' in seen) return seen;
    if (!seen) return { touch: null, effective, repaired: false };
    const refusal = checkChange(trial, doc, seen);
    if (refusal) return refusal;
    const repairedLinks = repairLinks(trial, seen, repairOrigin).length > 0;
    const repaired = repairCheckins(trial, seen, repairOrigin) || repairedLinks;
    return { touch: seen, effective, repaired };
  } catch {
    return { reason: 'invalid-node', detail: 'an update that is not Yjs' };
  } finally {
    trial.off('afterTransaction', onTransaction);
    trial.off('update', onUpdate);
  }
}
