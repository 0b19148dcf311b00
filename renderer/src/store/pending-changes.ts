import type { MapChanges } from '../../../shared/contract/api';

/** What changed since the last save, by id: an incremental save sends only these. */
export interface Pending {
  nodes: Set<string>;
  links: Set<string>;
  deletedNodes: Set<string>;
  deletedLinks: Set<string>;
}

/** Ids an edit wrote or deleted, in the same four groups. */
export type Touched = Partial<Record<keyof Pending, readonly string[]>>;

export const emptyPending = (): Pending => ({
  nodes: new Set(),
  links: new Set(),
  deletedNodes: new Set(),
  deletedLinks: new Set(),
});

export function pendingCount(p: Pending): number {
  return p.nodes.size + p.links.size + p.deletedNodes.size + p.deletedLinks.size;
}

/** Records what an edit touched: a write cancels an earlier delete of the same id, and back. */
export function markPending(p: Pending, touched: Touched): void {
  const moves: [ids: Iterable<string> | undefined, into: Set<string>, outOf: Set<string>][] = [
    [touched.nodes, p.nodes, p.deletedNodes],
    [touched.links, p.links, p.deletedLinks],
    [touched.deletedNodes, p.deletedNodes, p.nodes],
    [touched.deletedLinks, p.deletedLinks, p.links],
  ];
  for (const [ids, into, outOf] of moves) {
    for (const id of ids ?? []) {
      outOf.delete(id);
      into.add(id);
    }
  }
}

/**
 * Puts the changes of a save that failed back into the pending set, unless something newer has
 * replaced them meanwhile (a node deleted after the save left stays deleted), so nothing is lost
 * and the next try sends them.
 */
export function restorePending(p: Pending, changes: MapChanges): void {
  for (const n of changes.upsertNodes) if (!p.deletedNodes.has(n.id)) p.nodes.add(n.id);
  for (const l of changes.upsertLinks) if (!p.deletedLinks.has(l.id)) p.links.add(l.id);
  for (const id of changes.deleteNodeIds) p.deletedNodes.add(id);
  for (const id of changes.deleteLinkIds) p.deletedLinks.add(id);
}
