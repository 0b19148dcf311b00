import type * as Y from 'yjs';
import type { Checkin, MapLink, MapNode } from '../model/types';
import { readCheckins } from './checkin-doc';
import type { DocTouch } from './doc-check';
import { type DocChanges, linksOf, nodesOf, readLink, readNode } from './map-doc';

/**
 * The incremental save of the ids a change touched, read from the document after it: what is
 * still there is written whole, what is gone is deleted. Without `withCheckins` the check-ins are
 * left out (the canvas follows nodes and links; the store indexes check-ins itself).
 */
export function docChangesFor(doc: Y.Doc, touch: DocTouch, withCheckins = true): Required<DocChanges> {
  const nodes = nodesOf(doc);
  const links = linksOf(doc);
  const upsertNodes: MapNode[] = [];
  const deleteNodeIds: string[] = [];
  for (const id of touch.nodes) {
    const node = readNode(id, nodes.get(id));
    if (node) upsertNodes.push(node);
    else deleteNodeIds.push(id);
  }
  const upsertLinks: MapLink[] = [];
  const deleteLinkIds: string[] = [];
  for (const id of touch.links) {
    const link = readLink(id, links.get(id));
    if (link) upsertLinks.push(link);
    else deleteLinkIds.push(id);
  }
  const upsertCheckins: Checkin[] = [];
  const deleteCheckinIds: string[] = [];
  if (withCheckins && touch.checkins.size > 0) {
    const now = new Map(readCheckins(doc).map((c) => [c.id, c]));
    for (const id of touch.checkins) {
      const checkin = now.get(id);
      if (checkin) upsertCheckins.push(checkin);
      else deleteCheckinIds.push(id);
    }
  }
  return { upsertNodes, upsertLinks, deleteNodeIds, deleteLinkIds, upsertCheckins, deleteCheckinIds };
}
