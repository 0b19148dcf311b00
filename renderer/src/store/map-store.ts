import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  childSpot,
  freeSpot,
  type NavNode,
  neighbour,
  nextKind,
  SIBLING_STEP_Y,
  siblingSpot,
} from '../../../shared/graph';
import {
  type Checkin,
  CheckinIndex,
  checkNewLink,
  createNode,
  LANE_OF_KIND,
  type MapNode,
  type NodeKind,
  type Position,
} from '../../../shared/model';
import { readCheckins } from '../../../shared/room/checkin-doc';
import { isEmptyTouch, touchedBy } from '../../../shared/room/doc-check';
import { applyDocChanges, newMapDoc, writeContent } from '../../../shared/room/map-doc';
import { applyEdit } from './apply-edit';
import { DocHistory, LOCAL_EDIT } from './doc-history';
import { docChangesOf, editFromDoc } from './doc-view';
import { type Clipboard, clipboardOf, deletionEdit, pasteEdit, positionsEdit } from './edit-builders';
import { newId } from './ids';
import { withFindings } from './map-findings';
import type { MapState } from './map-state';
import { emptyEdit, isEmptyEdit, type PlanEdit } from './plan-edit';
import { linkOf, nodeSize, type PlanFlowNode, planOf } from './plan-flow';
import { restoreEdit } from './restore-edit';

export type { MapState } from './map-state';

/** How far each paste is shifted from the copied nodes, so a paste is never hidden under them. */
const PASTE_OFFSET = 40;

const navNode = (n: PlanFlowNode): NavNode => ({
  id: n.id,
  kind: n.data.plan.kind,
  position: n.position,
  height: nodeSize(n).height,
});

/** No search matches: one shared empty set, so clearing twice changes nothing. */
const NO_HITS: ReadonlySet<string> = new Set();
const NO_FLAGS: ReadonlyMap<string, string> = new Map();
const NO_CHECKINS = new CheckinIndex();

/**
 * A store per open map, made by a factory rather than one module-level store: React Flow keeps a
 * store per instance and hands it through context the same way, and tests and the print view can
 * make their own.
 */
export function createMapStore(sessionId: string = newId('s')): StoreApi<MapState> {
  let doc: Y.Doc = newMapDoc();
  /** Whether the store made `doc` (and so ends it): a room's document belongs to its connection. */
  let ownsDoc = true;
  let history = new DocHistory(doc);
  let unbind: () => void = () => {};
  let clipboard: Clipboard | null = null;
  let pasteCount = 0;
  /** What the local transaction being applied selects (commit's `select`), read by the view. */
  let selecting: readonly string[] | undefined;

  return createStore<MapState>()((set, get) => {
    const depths = () => ({ undoDepth: history.undoDepth, redoDepth: history.redoDepth });

    /**
     * The one way the canvas follows the map: after every transaction on the document (this
     * participant's edit, an undo, another participant's change arriving), the nodes and links it
     * touched are read back from the document (apply-edit.ts keeps every other object as it was,
     * so only they re-render) and the validator runs again. A local edit selects what it says;
     * an undo or redo selects the nodes it brought back; another participant's change leaves the
     * selection alone.
     */
    const follow = (target: Y.Doc) => {
      const onTransaction = (transaction: Y.Transaction) => {
        const touch = touchedBy(transaction, target);
        if ('reason' in touch || isEmptyTouch(touch)) return;
        // A map's whole history is indexed again only when a check-in changed (rarely: a few a week).
        const checkins = touch.checkins.size > 0 ? new CheckinIndex(readCheckins(target)) : get().checkins;
        const edit = editFromDoc(target, touch);
        const replayed = transaction.origin === history.origin;
        const brought = replayed ? [...edit.nodes].filter(([, c]) => c.after).map(([id]) => id) : [];
        // An undone check-in that brought no node back leaves the selection (its metric) alone.
        const select =
          transaction.origin === LOCAL_EDIT || selecting !== undefined
            ? selecting
            : replayed && (brought.length > 0 || touch.checkins.size === 0)
              ? brought
              : undefined;
        const { nodes, edges } = applyEdit(get(), edit, select);
        set({
          nodes,
          checkins,
          ...withFindings(nodes, edges, checkins),
          ...depths(),
          ...(replayed ? { editingId: null } : {}),
        });
      };
      target.on('afterTransaction', onTransaction);
      return () => target.off('afterTransaction', onTransaction);
    };

    /** Makes `next` the map's document: the canvas follows it, undo starts empty. */
    const bind = (next: Y.Doc, owned: boolean) => {
      unbind();
      history.destroy();
      if (doc !== next && ownsDoc) doc.destroy();
      doc = next;
      ownsDoc = owned;
      history = new DocHistory(doc);
      unbind = follow(doc);
    };
    unbind = follow(doc);

    /**
     * The node just added, still unnamed: its undo step and what was selected before, so
     * cancelNewNode can put things back as they were.
     */
    let fresh: { id: string; step: unknown; selected: string[] } | null = null;

    /**
     * Adds a new node as one undo step, selected and with its title open for typing; while it is
     * unnamed, Escape may take it back (cancelNewNode).
     */
    const commitNewNode = (edit: PlanEdit, id: string, unnamed: boolean) => {
      const selected = selectedNodes().map((n) => n.id);
      if (commit(edit, [id]) && unnamed) fresh = { id, step: history.lastStep, selected };
      set({ editingId: id, editSeed: null });
    };

    /**
     * A user action: written into the document as one transaction of this participant's origin,
     * so it is one undo step, goes to the room, and the canvas follows. Refused while read-only.
     */
    const commit = (edit: PlanEdit, select?: readonly string[]): boolean => {
      if (get().readOnly || isEmptyEdit(edit)) return false;
      fresh = null;
      history.nextStep();
      selecting = select;
      try {
        applyDocChanges(doc, docChangesOf(edit), LOCAL_EDIT);
      } finally {
        selecting = undefined;
      }
      set(depths());
      return true;
    };

    /** Undo or redo: the document takes the step back (or again); the view selects what it touched. */
    const replay = (step: () => boolean): boolean => {
      if (get().readOnly) return false;
      fresh = null;
      if (!step()) return false;
      set({ editingId: null, ...depths() });
      return true;
    };

    const selectedNodes = () => get().nodes.filter((n) => n.selected);

    const navigation = () => {
      const byId = new Map(get().nodes.map((n) => [n.id, navNode(n)]));
      return { byId, links: get().edges.map(linkOf) };
    };

    /** Adds a new node (and the link from its parent) as one step, selected and being renamed. */
    const addLinked = (kind: NodeKind, position: Position, parentId: string | null): string | null => {
      if (get().readOnly) return null;
      const id = newId('n');
      const edit = emptyEdit();
      edit.nodes.set(id, { before: null, after: createNode(kind, id, '', position) });
      if (parentId) {
        const linkId = newId('l');
        edit.links.set(linkId, { before: null, after: { id: linkId, source: parentId, target: id } });
      }
      commitNewNode(edit, id, true);
      return id;
    };

    const pasteFrom = (source: Clipboard, offset: number): number => {
      if (get().readOnly || source.nodes.length === 0) return 0;
      const { edit, ids } = pasteEdit(source, offset, newId);
      commit(edit, ids);
      return ids.length;
    };

    return {
      sessionId,
      readOnly: false,
      mapId: null,
      name: '',
      nodes: [],
      edges: [],
      checkins: NO_CHECKINS,
      findings: [],
      nodeFlags: NO_FLAGS,
      editingId: null,
      editSeed: null,
      searchHits: NO_HITS,
      undoDepth: 0,
      redoDepth: 0,
      sync: { status: 'connecting', waiting: 0, problem: null },
      ready: false,

      load(map, { readOnly = false, doc: roomDoc } = {}) {
        // Cleared first: the new document's content then arrives as changes, like any other.
        set({ nodes: [], checkins: NO_CHECKINS, ...withFindings([], []) });
        const next = roomDoc ?? newMapDoc();
        bind(next, !roomDoc);
        if (!roomDoc) writeContent(next, map);
        set({
          readOnly,
          mapId: map.id,
          name: map.name,
          editingId: null,
          editSeed: null,
          searchHits: NO_HITS,
          sync: { status: roomDoc ? 'connecting' : 'synced', waiting: 0, problem: null },
          ready: !roomDoc,
          ...depths(),
        });
      },

      doc() {
        return doc;
      },

      writeCheckins(upsert, deleteIds = []) {
        if (get().readOnly || upsert.length + deleteIds.length === 0) return false;
        fresh = null;
        history.nextStep();
        applyDocChanges(
          doc,
          {
            upsertNodes: [],
            upsertLinks: [],
            deleteNodeIds: [],
            deleteLinkIds: [],
            upsertCheckins: upsert as Checkin[],
            deleteCheckinIds: deleteIds,
          },
          LOCAL_EDIT,
        );
        set(depths());
        return true;
      },

      markReady() {
        if (!get().ready) set({ ready: true });
      },

      setSync(sync) {
        const current = get().sync;
        if (
          current.status !== sync.status ||
          current.waiting !== sync.waiting ||
          current.problem !== sync.problem
        )
          set({ sync });
      },

      setReadOnly(readOnly) {
        if (get().readOnly !== readOnly) set({ readOnly, editingId: null });
      },

      clear() {
        bind(newMapDoc(), true);
        set({
          mapId: null,
          name: '',
          nodes: [],
          edges: [],
          checkins: NO_CHECKINS,
          findings: [],
          nodeFlags: NO_FLAGS,
          editingId: null,
          editSeed: null,
          searchHits: NO_HITS,
          sync: { status: 'connecting', waiting: 0, problem: null },
          ready: false,
          ...depths(),
        });
      },

      onNodesChange(changes) {
        const state = get();
        // Read-only (another window holds the map): selection and measuring only, no edits.
        // Removal goes through deleteSelection (one undo step with the links), never from here.
        const allowed = changes.filter(
          (c) => c.type === 'select' || c.type === 'dimensions' || (!state.readOnly && c.type === 'position'),
        );
        if (allowed.length === 0) return;
        const nodes = applyNodeChanges(allowed, state.nodes);
        // A drag is persisted and recorded once, when it ends, never per frame.
        const dropped = new Set(
          allowed.flatMap((c) => (c.type === 'position' && c.dragging === false ? [c.id] : [])),
        );
        if (dropped.size === 0) {
          set({ nodes });
          return;
        }
        const edit = emptyEdit();
        for (const n of nodes) {
          if (!dropped.has(n.id)) continue;
          const before = n.data.plan;
          const after = planOf(n);
          if (after !== before) edit.nodes.set(n.id, { before, after });
        }
        set({ nodes });
        if (isEmptyEdit(edit)) return;
        commit(edit);
      },

      onEdgesChange(changes) {
        const allowed = changes.filter((c) => c.type === 'select');
        if (allowed.length > 0) set({ edges: applyEdgeChanges(allowed, get().edges) });
      },

      addNode(kind, position, title = '') {
        const id = newId('n');
        if (get().readOnly) return id;
        const edit = emptyEdit();
        const spot = freeSpot(position, get().nodes.map(navNode));
        edit.nodes.set(id, { before: null, after: createNode(kind, id, title, spot) });
        commitNewNode(edit, id, title === '');
        return id;
      },

      cancelNewNode(id) {
        const node = get().nodes.find((n) => n.id === id);
        if (get().readOnly || fresh?.id !== id || !node || node.data.plan.title !== '') return false;
        const { step, selected } = fresh;
        fresh = null;
        selecting = selected;
        try {
          if (!history.withdraw(step)) return false;
        } finally {
          selecting = undefined;
        }
        set({ editingId: null, editSeed: null, ...depths() });
        return true;
      },

      renameNode(id, title) {
        const node = get().nodes.find((n) => n.id === id);
        if (!node || node.data.plan.title === title) return;
        const before = planOf(node);
        const edit = emptyEdit();
        edit.nodes.set(id, { before, after: { ...before, title } });
        commit(edit);
      },

      updateNode(id, patch) {
        const node = get().nodes.find((n) => n.id === id);
        if (!node) return;
        const current = planOf(node);
        const next = { ...current, ...patch, id: current.id, kind: current.kind } as MapNode;
        const same = Object.keys(patch).every((k) =>
          Object.is(next[k as keyof MapNode], current[k as keyof MapNode]),
        );
        if (same) return;
        const edit = emptyEdit();
        edit.nodes.set(id, { before: current, after: next });
        commit(edit);
      },

      checkLink(source, target) {
        const { nodes, edges } = get();
        const byId = new Map(nodes.map((n) => [n.id, n.data.plan]));
        return checkNewLink({ nodes: byId, links: edges }, source, target);
      },

      connect(source, target) {
        if (get().readOnly) return { ok: false, reason: 'read-only' };
        const verdict = get().checkLink(source, target);
        if (!verdict.ok) return verdict;
        const id = newId('l');
        const edit = emptyEdit();
        edit.links.set(id, { before: null, after: { id, source, target } });
        commit(edit);
        return verdict;
      },

      selectOnly(id) {
        get().selectNodes([id]);
      },

      selectNodes(ids) {
        const chosen = new Set(ids);
        set({
          nodes: get().nodes.map((n) => {
            const selected = chosen.has(n.id);
            return n.selected === selected ? n : { ...n, selected };
          }),
          edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        });
      },

      selectAll() {
        get().selectNodes(get().nodes.map((n) => n.id));
      },

      clearSelection() {
        get().selectNodes([]);
      },

      selectedId() {
        const chosen = selectedNodes();
        return chosen.length === 1 ? (chosen[0]?.id ?? null) : null;
      },

      setSearchHits(ids) {
        const current = get().searchHits;
        // The same matches again (the search re-runs on every node change, drag frames included):
        // nothing to tell the nodes.
        if (ids.length === current.size && ids.every((id) => current.has(id))) return;
        set({ searchHits: ids.length === 0 ? NO_HITS : new Set(ids) });
      },

      setEditing(id, seed) {
        // The title editor of a node just added closed (or moved on) without a name: from now on
        // it is a node like any other, which Escape must never take back.
        if (fresh && fresh.id !== id) fresh = null;
        set({ editingId: get().readOnly ? null : id, editSeed: id ? (seed ?? null) : null });
      },

      addChild({ subGoal = false } = {}) {
        const parentId = get().selectedId();
        if (!parentId) return null;
        const { byId, links } = navigation();
        const parent = byId.get(parentId);
        if (!parent) return null;
        if (subGoal) {
          if (parent.kind !== 'goal') return null;
          const spot = freeSpot(
            { x: parent.position.x + 60, y: parent.position.y + SIBLING_STEP_Y },
            byId.values(),
          );
          return addLinked('goal', spot, parentId);
        }
        const kind = nextKind(parent.kind);
        if (!kind) return null;
        return addLinked(kind, childSpot(parent, byId, links), parentId);
      },

      addSibling() {
        const id = get().selectedId();
        if (!id) return null;
        const { byId, links } = navigation();
        const node = byId.get(id);
        if (!node) return null;
        const parent = links.find((l) => l.target === id && byId.has(l.source))?.source ?? null;
        return addLinked(node.kind, siblingSpot(node, byId), parent);
      },

      moveSelection(direction) {
        const id = get().selectedId();
        const { byId, links } = navigation();
        if (!id) {
          // Nothing selected: the arrows start at the top-left goal, as a reader would.
          const first = [...byId.values()].sort(
            (a, b) => LANE_OF_KIND[a.kind] - LANE_OF_KIND[b.kind] || a.position.y - b.position.y,
          )[0];
          if (!first) return false;
          get().selectOnly(first.id);
          return true;
        }
        const next = neighbour(id, direction, byId, links);
        if (!next) return false;
        get().selectOnly(next);
        return true;
      },

      removeLink(linkId) {
        if (!get().edges.some((e) => e.id === linkId)) return;
        commit(deletionEdit(get().nodes, get().edges, new Set(), new Set([linkId])));
      },

      deleteSelection() {
        const nodeIds = new Set(selectedNodes().map((n) => n.id));
        const linkIds = new Set(
          get()
            .edges.filter((e) => e.selected)
            .map((e) => e.id),
        );
        if (nodeIds.size + linkIds.size === 0) return 0;
        const edit = deletionEdit(get().nodes, get().edges, nodeIds, linkIds);
        return commit(edit, []) ? nodeIds.size + linkIds.size : 0;
      },

      copySelection() {
        const copy = clipboardOf(get().nodes, get().edges);
        if (!copy) return 0;
        clipboard = copy;
        pasteCount = 0;
        return copy.nodes.length;
      },

      cutSelection() {
        const count = get().copySelection();
        if (count === 0 || get().readOnly) return 0;
        // A cut pastes back where it was: the first paste is not offset.
        pasteCount = -1;
        get().deleteSelection();
        return count;
      },

      paste() {
        if (!clipboard) return 0;
        pasteCount += 1;
        return pasteFrom(clipboard, pasteCount * PASTE_OFFSET);
      },

      duplicateSelection() {
        const copy = clipboardOf(get().nodes, get().edges);
        return copy ? pasteFrom(copy, PASTE_OFFSET) : 0;
      },

      applyPositions(positions) {
        commit(positionsEdit(get().nodes, positions));
      },

      undo() {
        return replay(() => history.undo());
      },

      redo() {
        return replay(() => history.redo());
      },

      restoreContent(content) {
        return commit(restoreEdit(get().nodes, get().edges, content));
      },
    };
  });
}
