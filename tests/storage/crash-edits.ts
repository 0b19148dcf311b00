import { createNode, type MapNode } from '../../shared/model';
import type { MapChange } from './write-change';

/**
 * The edits of the crash test, as a pure function of the revision they produce, so the parent
 * can work out exactly what the file must hold after any number of them without trusting the
 * child. Every edit adds nodes, rewrites one that always exists, and deletes old ones, with
 * descriptions of varying length so pages split, the WAL grows and checkpoints happen mid-run.
 */

/** How many recent edits stay in the map; older nodes are deleted, so the file stays small. */
const KEEP_EDITS = 40;

/** The node every edit rewrites: its title always names the last revision. */
export const COUNTER_ID = 'counter';

function idsOf(revision: number): string[] {
  // Every 10th edit writes a batch of nodes: all of them land, or none.
  const count = revision % 10 === 0 ? 25 : 1;
  return Array.from({ length: count }, (_, i) => `e${revision}_${i}`);
}

/** Up to about 4,500 characters (the model allows 5,000), different for every node. */
function descriptionOf(revision: number, i: number): string {
  return `edit ${revision}.${i} `.repeat(Math.floor(((revision * 7919 + i * 104729) % 4_500) / 14));
}

/** The change that moves the map from `revision - 1` to `revision`. */
export function editFor(mapId: string, revision: number): MapChange {
  const upsertNodes: MapNode[] = idsOf(revision).map((id, i) => ({
    ...createNode('mechanism', id, `Edit ${revision}.${i}`, { x: revision, y: i }),
    description: descriptionOf(revision, i),
  }));
  upsertNodes.push(createNode('goal', COUNTER_ID, `Revision ${revision}`, { x: 0, y: 0 }));
  const old = revision - KEEP_EDITS;
  return {
    mapId,
    baseRevision: revision - 1,
    upsertNodes,
    deleteNodeIds: old > 0 ? idsOf(old) : [],
    upsertLinks: [],
    deleteLinkIds: [],
  };
}

/**
 * Node id → "title|description", as the map must be once the edits up to a revision were applied.
 * It only moves forward, so checking fifty kills costs one pass over all edits, not fifty.
 */
export class ExpectedMap {
  readonly nodes = new Map<string, string>();
  revision = 0;

  advanceTo(revision: number): Map<string, string> {
    for (let r = this.revision + 1; r <= revision; r++) {
      const edit = editFor('m', r);
      for (const id of edit.deleteNodeIds) this.nodes.delete(id);
      for (const node of edit.upsertNodes) this.nodes.set(node.id, `${node.title}|${node.description}`);
    }
    this.revision = Math.max(this.revision, revision);
    return this.nodes;
  }
}
