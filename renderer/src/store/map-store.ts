import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MapChanges, MapDocument } from '../../../shared/contract/api';
import {
  checkNewLink,
  createNode,
  type LinkCheck,
  type MapNode,
  type NodeKind,
  type Position,
} from '../../../shared/model';
import { validateMap } from '../../../shared/validation';
import type { Finding, Severity } from '../../../shared/validation/findings';
import { newId } from './ids';
import { linkOf, type PlanFlowEdge, type PlanFlowNode, planOf, toFlowEdge, toFlowNode } from './plan-flow';

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

/** What changed since the last save, by id: an incremental save sends only these. */
interface Pending {
  nodes: Set<string>;
  links: Set<string>;
  deletedNodes: Set<string>;
  deletedLinks: Set<string>;
}

export interface MapState {
  /** This window's editing session; saves carry it so two windows never overwrite each other. */
  sessionId: string;
  mapId: string | null;
  /** True while another window holds the map: edits are refused until this window takes over. */
  readOnly: boolean;
  name: string;
  revision: number;
  nodes: PlanFlowNode[];
  edges: PlanFlowEdge[];
  findings: Finding[];
  /** Highest severity and count of findings per node, as "error:2": a primitive, so a node's
   * subscription only fires when its own flag changes. */
  nodeFlags: Record<string, string>;
  editingId: string | null;
  saveState: SaveState;
  saveError: string | null;
  pending: Pending;

  load(doc: MapDocument, options?: { readOnly?: boolean }): void;
  /** Another window took the map over (or gave it back). */
  setReadOnly(readOnly: boolean): void;
  /**
   * Takes the map over after another window edited it: the stored map replaces the view, then this
   * window's unsaved edits are applied on top and saved, so neither window's work is lost silently.
   */
  rebase(doc: MapDocument): void;
  clear(): void;
  onNodesChange(changes: NodeChange<PlanFlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<PlanFlowEdge>[]): void;
  addNode(kind: NodeKind, position: Position, title?: string): string;
  renameNode(id: string, title: string): void;
  /** Replaces fields of one node (already validated by the caller, e.g. the inspector). */
  updateNode(id: string, patch: Partial<MapNode>): void;
  /** Adds the link if the link rule allows it; says why not otherwise. */
  connect(source: string, target: string): LinkCheck;
  checkLink(source: string, target: string): LinkCheck;
  selectOnly(id: string): void;
  setEditing(id: string | null): void;
  /** Hands the pending changes to the saver and clears them. */
  takeChanges(): MapChanges | null;
  saveSucceeded(revision: number): void;
  /** Puts changes that failed to save back, so nothing is lost and the next try sends them. */
  saveFailed(changes: MapChanges, message: string): void;
  setSaving(): void;
}

const emptyPending = (): Pending => ({
  nodes: new Set(),
  links: new Set(),
  deletedNodes: new Set(),
  deletedLinks: new Set(),
});

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings per node as stable primitives; see MapState.nodeFlags. */
function flagsOf(findings: readonly Finding[]): Record<string, string> {
  const worst = new Map<string, { severity: Severity; count: number }>();
  for (const f of findings) {
    for (const id of f.nodeIds) {
      const seen = worst.get(id);
      if (!seen) worst.set(id, { severity: f.severity, count: 1 });
      else {
        seen.count += 1;
        if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[seen.severity]) seen.severity = f.severity;
      }
    }
  }
  const flags: Record<string, string> = {};
  for (const [id, { severity, count }] of worst) flags[id] = `${severity}:${count}`;
  return flags;
}

/** Re-runs the validator and updates only the edges whose flagged state changed. */
function withFindings(nodes: PlanFlowNode[], edges: PlanFlowEdge[]) {
  const findings = validateMap({ nodes: nodes.map((n) => n.data.plan), links: edges.map(linkOf) });
  const flaggedLinks = new Set<string>();
  for (const f of findings) for (const id of f.linkIds) flaggedLinks.add(id);
  const nextEdges = edges.map((e) => {
    const flagged = flaggedLinks.has(e.id);
    return e.data?.flagged === flagged
      ? e
      : { ...e, data: { flagged }, className: flagged ? 'link link--flagged' : 'link' };
  });
  return { findings, nodeFlags: flagsOf(findings), edges: nextEdges };
}

/** A store per open map (style.md: a factory, so tests and the print view can make their own). */
export function createMapStore(sessionId: string = newId('s')): StoreApi<MapState> {
  return createStore<MapState>()((set, get) => {
    const touch = (pending: Partial<Record<keyof Pending, string[]>>) => {
      const p = get().pending;
      for (const id of pending.nodes ?? []) p.nodes.add(id);
      for (const id of pending.links ?? []) p.links.add(id);
      for (const id of pending.deletedNodes ?? []) {
        p.nodes.delete(id);
        p.deletedNodes.add(id);
      }
      for (const id of pending.deletedLinks ?? []) {
        p.links.delete(id);
        p.deletedLinks.add(id);
      }
      return { saveState: get().saveState === 'saving' ? ('saving' as const) : ('pending' as const) };
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
      nodeFlags: {},
      editingId: null,
      saveState: 'saved',
      saveError: null,
      pending: emptyPending(),

      load(doc, { readOnly = false } = {}) {
        const nodes = doc.nodes.map(toFlowNode);
        const edges = doc.links.map((l) => toFlowEdge(l));
        set({
          readOnly,
          mapId: doc.id,
          name: doc.name,
          revision: doc.revision,
          nodes,
          ...withFindings(nodes, edges),
          editingId: null,
          saveState: 'saved',
          saveError: null,
          pending: emptyPending(),
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
        const more =
          pending.nodes.size + pending.links.size + pending.deletedNodes.size + pending.deletedLinks.size;
        set({
          readOnly: false,
          mapId: doc.id,
          name: doc.name,
          revision: doc.revision,
          nodes,
          ...withFindings(nodes, edges),
          saveState: more > 0 ? 'pending' : 'saved',
          saveError: null,
        });
      },

      clear() {
        set({
          mapId: null,
          name: '',
          nodes: [],
          edges: [],
          findings: [],
          nodeFlags: {},
          pending: emptyPending(),
          saveState: 'saved',
          saveError: null,
        });
      },

      onNodesChange(changes) {
        const state = get();
        // Read-only (another window holds the map): selection and measuring only, no edits.
        if (state.readOnly) changes = changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
        let nodes = applyNodeChanges(changes, state.nodes);
        const moved: string[] = [];
        const removed: string[] = [];
        for (const c of changes) {
          // Persist a drag once, when it ends, never per frame.
          if (c.type === 'position' && c.dragging === false) moved.push(c.id);
          if (c.type === 'remove') removed.push(c.id);
        }
        if (moved.length > 0) {
          const ids = new Set(moved);
          nodes = nodes.map((n) => {
            if (!ids.has(n.id)) return n;
            // Stored positions are whole pixels; show exactly what is stored.
            const plan = planOf(n);
            return plan === n.data.plan ? n : { ...n, position: plan.position, data: { plan } };
          });
        }
        if (removed.length === 0) {
          set({ nodes, ...(moved.length > 0 ? touch({ nodes: moved }) : {}) });
          return;
        }
        const gone = new Set(removed);
        const goneLinks = state.edges
          .filter((e) => gone.has(e.source) || gone.has(e.target))
          .map((e) => e.id);
        const edges = state.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
        set({
          nodes,
          ...withFindings(nodes, edges),
          ...touch({
            nodes: moved.filter((id) => !gone.has(id)),
            deletedNodes: removed,
            deletedLinks: goneLinks,
          }),
        });
      },

      onEdgesChange(changes) {
        const state = get();
        if (state.readOnly) changes = changes.filter((c) => c.type === 'select');
        const edges = applyEdgeChanges(changes, state.edges);
        const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
        if (removed.length === 0) {
          set({ edges });
          return;
        }
        set({ ...withFindings(state.nodes, edges), ...touch({ deletedLinks: removed }) });
      },

      addNode(kind, position, title = '') {
        const id = newId('n');
        if (get().readOnly) return id;
        const plan: MapNode = createNode(kind, id, title, position);
        const node = { ...toFlowNode(plan), selected: true };
        const nodes = [...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node];
        set({ nodes, ...withFindings(nodes, get().edges), editingId: id, ...touch({ nodes: [id] }) });
        return id;
      },

      renameNode(id, title) {
        const state = get();
        if (state.readOnly) return;
        let changed = false;
        const nodes = state.nodes.map((n) => {
          if (n.id !== id || n.data.plan.title === title) return n;
          changed = true;
          return { ...n, data: { plan: { ...planOf(n), title } } };
        });
        if (!changed) return;
        set({ nodes, ...withFindings(nodes, state.edges), ...touch({ nodes: [id] }) });
      },

      updateNode(id, patch) {
        const state = get();
        if (state.readOnly) return;
        let changed = false;
        const nodes = state.nodes.map((n) => {
          if (n.id !== id) return n;
          const current = planOf(n);
          const next = { ...current, ...patch, id: current.id, kind: current.kind } as MapNode;
          if (
            Object.keys(patch).every((k) => Object.is(next[k as keyof MapNode], current[k as keyof MapNode]))
          ) {
            return n;
          }
          changed = true;
          return { ...n, position: next.position, data: { plan: next } };
        });
        if (!changed) return;
        set({ nodes, ...withFindings(nodes, state.edges), ...touch({ nodes: [id] }) });
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
        const edges = [...get().edges, toFlowEdge({ id, source, target })];
        set({ ...withFindings(get().nodes, edges), ...touch({ links: [id] }) });
        return verdict;
      },

      selectOnly(id) {
        set({
          nodes: get().nodes.map((n) => {
            const selected = n.id === id;
            return n.selected === selected ? n : { ...n, selected };
          }),
        });
      },

      setEditing(id) {
        set({ editingId: get().readOnly ? null : id });
      },

      takeChanges() {
        const { mapId, pending, nodes, edges, revision } = get();
        if (!mapId) return null;
        const empty =
          pending.nodes.size + pending.links.size + pending.deletedNodes.size + pending.deletedLinks.size ===
          0;
        if (empty) return null;
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
        const { pending } = get();
        const more =
          pending.nodes.size + pending.links.size + pending.deletedNodes.size + pending.deletedLinks.size;
        set({ revision, saveState: more > 0 ? 'pending' : 'saved', saveError: null });
      },

      saveFailed(changes, message) {
        const p = get().pending;
        for (const n of changes.upsertNodes) if (!p.deletedNodes.has(n.id)) p.nodes.add(n.id);
        for (const l of changes.upsertLinks) if (!p.deletedLinks.has(l.id)) p.links.add(l.id);
        for (const id of changes.deleteNodeIds) p.deletedNodes.add(id);
        for (const id of changes.deleteLinkIds) p.deletedLinks.add(id);
        set({ saveState: 'failed', saveError: message });
      },
    };
  });
}
