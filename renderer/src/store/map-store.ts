import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MapChanges } from '../../../shared/contract/api';
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
  checkNewLink,
  createNode,
  LANE_OF_KIND,
  type MapNode,
  type NodeKind,
  type Position,
} from '../../../shared/model';
import { applyEdit } from './apply-edit';
import { type Clipboard, clipboardOf, deletionEdit, pasteEdit, positionsEdit } from './edit-builders';
import { newId } from './ids';
import { withFindings } from './map-findings';
import type { MapState } from './map-state';
import { emptyPending, markPending, pendingCount, restorePending, type Touched } from './pending-changes';
import { EditHistory, emptyEdit, isEmptyEdit, type PlanEdit } from './plan-edit';
import { linkOf, nodeSize, type PlanFlowNode, planOf, toFlowEdge, toFlowNode } from './plan-flow';

export type { MapState, SaveState } from './map-state';

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

/**
 * A store per open map, made by a factory rather than one module-level store: React Flow keeps a
 * store per instance and hands it through context the same way, and tests and the print view can
 * make their own.
 */
export function createMapStore(sessionId: string = newId('s')): StoreApi<MapState> {
  const history = new EditHistory();
  let clipboard: Clipboard | null = null;
  let pasteCount = 0;

  return createStore<MapState>()((set, get) => {
    /** Marks what an edit touched for the next save; the map is then unsaved (or still saving). */
    const touch = (touched: Touched) => {
      markPending(get().pending, touched);
      return { saveState: get().saveState === 'saving' ? ('saving' as const) : ('pending' as const) };
    };

    const depths = () => ({ undoDepth: history.undoDepth, redoDepth: history.redoDepth });

    /**
     * The one way the map's content changes (apply-edit.ts), then the validator runs again and the
     * touched ids are marked for the next incremental save.
     */
    const apply = (edit: PlanEdit, select?: readonly string[]) => {
      const { nodes, edges, touched } = applyEdit(get(), edit, select);
      set({ nodes, ...withFindings(nodes, edges), ...touch(touched) });
    };

    /**
     * The node just added, still unnamed: the edit that added it and what was selected before,
     * so cancelNewNode can put things back as they were.
     */
    let fresh: { id: string; edit: PlanEdit; selected: string[] } | null = null;

    /**
     * Adds a new node as one undo step, selected and with its title open for typing; while it is
     * unnamed, Escape may take it back (cancelNewNode).
     */
    const commitNewNode = (edit: PlanEdit, id: string, unnamed: boolean) => {
      const selected = selectedNodes().map((n) => n.id);
      if (commit(edit, [id]) && unnamed) fresh = { id, edit, selected };
      set({ editingId: id, editSeed: null });
    };

    /** A user action: applied, then recorded as one undo step. Refused while read-only. */
    const commit = (edit: PlanEdit, select?: readonly string[]): boolean => {
      if (get().readOnly || isEmptyEdit(edit)) return false;
      fresh = null;
      apply(edit, select);
      history.record(edit);
      set(depths());
      return true;
    };

    /** Undo or redo: applies the edit the history hands back and selects the nodes it touched. */
    const replay = (take: () => PlanEdit | null): boolean => {
      if (get().readOnly) return false;
      const edit = take();
      if (!edit) return false;
      fresh = null;
      const touched = [...edit.nodes].filter(([, c]) => c.after).map(([id]) => id);
      apply(edit, touched);
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
      revision: 0,
      nodes: [],
      edges: [],
      findings: [],
      nodeFlags: NO_FLAGS,
      editingId: null,
      editSeed: null,
      searchHits: NO_HITS,
      undoDepth: 0,
      redoDepth: 0,
      saveState: 'saved',
      saveError: null,
      pending: emptyPending(),

      load(doc, { readOnly = false } = {}) {
        const nodes = doc.nodes.map(toFlowNode);
        const edges = doc.links.map((l) => toFlowEdge(l));
        history.clear();
        set({
          readOnly,
          mapId: doc.id,
          name: doc.name,
          revision: doc.revision,
          nodes,
          ...withFindings(nodes, edges),
          editingId: null,
          editSeed: null,
          searchHits: NO_HITS,
          saveState: 'saved',
          saveError: null,
          pending: emptyPending(),
          ...depths(),
        });
      },

      setReadOnly(readOnly) {
        if (get().readOnly !== readOnly) set({ readOnly, editingId: null });
      },

      rebase(doc) {
        const { pending, nodes: localNodes, edges: localEdges } = get();
        const localNode = new Map(localNodes.map((n) => [n.id, planOf(n)]));
        const localLink = new Map(localEdges.map((e) => [e.id, linkOf(e)]));
        const plans = new Map(doc.nodes.map((n) => [n.id, n]));
        for (const id of pending.deletedNodes) plans.delete(id);
        for (const id of pending.nodes) {
          const plan = localNode.get(id);
          if (plan) plans.set(id, plan);
        }
        const links = new Map(doc.links.map((l) => [l.id, l]));
        for (const id of pending.deletedLinks) links.delete(id);
        for (const id of pending.links) {
          const link = localLink.get(id);
          if (link) links.set(id, link);
        }
        for (const [id, link] of links) {
          if (pending.deletedNodes.has(link.source) || pending.deletedNodes.has(link.target))
            links.delete(id);
        }
        const nodes = [...plans.values()].map(toFlowNode);
        const edges = [...links.values()].map((l) => toFlowEdge(l));
        const more = pendingCount(pending);
        // The other window's edits are not in this window's history: undo must not revert them.
        history.clear();
        set({
          readOnly: false,
          mapId: doc.id,
          name: doc.name,
          revision: doc.revision,
          nodes,
          ...withFindings(nodes, edges),
          saveState: more > 0 ? 'pending' : 'saved',
          saveError: null,
          ...depths(),
        });
      },

      clear() {
        history.clear();
        set({
          mapId: null,
          name: '',
          nodes: [],
          edges: [],
          findings: [],
          nodeFlags: NO_FLAGS,
          editingId: null,
          editSeed: null,
          searchHits: NO_HITS,
          pending: emptyPending(),
          saveState: 'saved',
          saveError: null,
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
        const inverse = history.withdraw(fresh.edit);
        if (!inverse) return false;
        const { selected } = fresh;
        fresh = null;
        apply(inverse, selected);
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

      takeChanges() {
        const { mapId, pending, nodes, edges, revision } = get();
        if (!mapId) return null;
        if (pendingCount(pending) === 0) return null;
        const changes: MapChanges = {
          mapId,
          sessionId: get().sessionId,
          baseRevision: revision,
          upsertNodes: nodes.filter((n) => pending.nodes.has(n.id)).map(planOf),
          upsertLinks: edges.filter((e) => pending.links.has(e.id)).map(linkOf),
          deleteNodeIds: [...pending.deletedNodes],
          deleteLinkIds: [...pending.deletedLinks],
        };
        set({ pending: emptyPending() });
        return changes;
      },

      setSaving() {
        set({ saveState: 'saving', saveError: null });
      },

      saveSucceeded(revision) {
        const more = pendingCount(get().pending);
        set({ revision, saveState: more > 0 ? 'pending' : 'saved', saveError: null });
      },

      saveFailed(changes, message) {
        restorePending(get().pending, changes);
        set({ saveState: 'failed', saveError: message });
      },
    };
  });
}
