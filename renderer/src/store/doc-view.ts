import type * as Y from 'yjs';
import { docChangesFor } from '../../../shared/room/doc-changes';
import type { DocTouch } from '../../../shared/room/doc-check';
import type { DocChanges } from '../../../shared/room/map-doc';
import { emptyEdit, type PlanEdit } from './plan-edit';

/**
 * What a document transaction did to the map, as an edit the canvas applies (apply-edit.ts):
 * each touched node or link as the document has it now, or gone. Only `after` matters here.
 */
export function editFromDoc(doc: Y.Doc, touch: DocTouch): PlanEdit {
  const changes = docChangesFor(doc, touch, false);
  const edit = emptyEdit();
  for (const node of changes.upsertNodes) edit.nodes.set(node.id, { before: null, after: node });
  for (const id of changes.deleteNodeIds) edit.nodes.set(id, { before: null, after: null });
  for (const link of changes.upsertLinks) edit.links.set(link.id, { before: null, after: link });
  for (const id of changes.deleteLinkIds) edit.links.set(id, { before: null, after: null });
  return edit;
}

/** A user action's edit as the document changes it: what it leaves is written, what it ends is deleted. */
export function docChangesOf(edit: PlanEdit): DocChanges {
  const changes = { upsertNodes: [], upsertLinks: [], deleteNodeIds: [], deleteLinkIds: [] } as {
    [K in keyof DocChanges]: DocChanges[K] extends readonly (infer T)[] ? T[] : never;
  };
  for (const [id, c] of edit.nodes) {
    if (c.after) changes.upsertNodes.push(c.after);
    else changes.deleteNodeIds.push(id);
  }
  for (const [id, c] of edit.links) {
    if (c.after) changes.upsertLinks.push(c.after);
    else changes.deleteLinkIds.push(id);
  }
  return changes;
}
