import type * as Y from 'yjs';
import type { StoreApi } from 'zustand/vanilla';
import type { MapState } from '../../renderer/src/store/map-state';
import { touchedBy } from '../../shared/room/doc-check';
import { readContent } from '../../shared/room/map-doc';

export interface SeenTransaction {
  nodes: string[];
  links: string[];
  /** Per node or link id, the fields the transaction wrote (a new node lists none: it is new whole). */
  fields: Record<string, string[]>;
}

/** Records every transaction on the store's current document from now on (what goes to the room). */
export function watchDoc(store: StoreApi<MapState>): SeenTransaction[] {
  const seen: SeenTransaction[] = [];
  const doc: Y.Doc = store.getState().doc();
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    const touch = touchedBy(transaction, doc);
    if ('reason' in touch || touch.nodes.size + touch.links.size === 0) return;
    const fields: Record<string, string[]> = {};
    for (const [type, keys] of transaction.changed) {
      const id = type._item?.parentSub;
      if (typeof id === 'string') fields[id] = [...keys].filter((k): k is string => k !== null).sort();
    }
    seen.push({ nodes: [...touch.nodes].sort(), links: [...touch.links].sort(), fields });
  });
  return seen;
}

/** The map as the store's document holds it. */
export function docContent(store: StoreApi<MapState>) {
  return readContent(store.getState().doc());
}
