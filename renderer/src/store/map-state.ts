import type { EdgeChange, NodeChange } from '@xyflow/react';
import type * as Y from 'yjs';
import type { MapDocument } from '../../../shared/contract/api';
import type { Direction } from '../../../shared/graph';
import type {
  Checkin,
  CheckinIndex,
  LinkCheck,
  MapContent,
  MapNode,
  NodeKind,
  Position,
} from '../../../shared/model';
import type { Finding } from '../../../shared/validation/findings';
import type { SyncState } from '../room/sync-tracker';
import type { PlanFlowEdge, PlanFlowNode } from './plan-flow';

/**
 * What a map store holds and what it can do: the open map as the canvas shows it (a view of the
 * map's Yjs document), its findings, undo depths and sync state, and every action on it.
 * map-store.ts makes one.
 */

export interface MapState {
  /** This window's session (the server ends what it holds when the window goes). */
  sessionId: string;
  mapId: string | null;
  /** True for a view-only participant: edits are refused here (and by the room's server). */
  readOnly: boolean;
  name: string;
  nodes: PlanFlowNode[];
  edges: PlanFlowEdge[];
  /** Every metric's check-ins, oldest first (a new index whenever a check-in changes). */
  checkins: CheckinIndex;
  findings: Finding[];
  /** Highest severity and count of findings per node, as "error:2": a primitive, so a node's
   * subscription only fires when its own flag changes. A Map: ids come from files, and a node
   * called `constructor` must not find a flag on Object.prototype. */
  nodeFlags: ReadonlyMap<string, string>;
  editingId: string | null;
  /** Text typed on a selected node that started the rename; the editor starts from it. */
  editSeed: string | null;
  /** Nodes that match the search being typed (Ctrl+F), outlined on the canvas; empty otherwise. */
  searchHits: ReadonlySet<string>;
  /** Depths of the undo and redo stacks, for the toolbar's enabled state. */
  undoDepth: number;
  redoDepth: number;
  /** Whether the room has every change made here (room-connection.ts keeps it current). */
  sync: SyncState;
  /**
   * Whether the open map's content is here: at once for a map loaded with its content, on the
   * room's first answer for a map in a room. What framing the map on open waits for.
   */
  ready: boolean;

  /**
   * Opens a map: on `doc`, the room's document (empty until the room's copy arrives, then
   * followed as it changes), or, without one, on a document of its own filled with the map's
   * content (the print view, tests).
   */
  load(map: MapDocument, options?: { readOnly?: boolean; doc?: Y.Doc }): void;
  /** The open map's document: what the room connection syncs. */
  doc(): Y.Doc;
  setSync(sync: SyncState): void;
  /**
   * Adds or corrects check-ins (by id) and deletes others, as one undo step; each metric's current
   * value becomes its latest. False, and nothing changes, when read-only or given nothing.
   */
  writeCheckins(upsert: readonly Checkin[], deleteIds?: readonly string[]): boolean;
  /** The room's copy of the map has arrived (MapRooms calls it once per map). */
  markReady(): void;
  setReadOnly(readOnly: boolean): void;
  clear(): void;
  onNodesChange(changes: NodeChange<PlanFlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<PlanFlowEdge>[]): void;
  addNode(kind: NodeKind, position: Position, title?: string): string;
  renameNode(id: string, title: string): void;
  /**
   * Escape on the title of a node just added and never named: the node (and the link to it) goes
   * as if it had never been added, and what was selected before is selected again. False, and nothing changes,
   * for any other node.
   */
  cancelNewNode(id: string): boolean;
  /** Replaces fields of one node (already validated by the caller, e.g. the inspector). */
  updateNode(id: string, patch: Partial<MapNode>): void;
  /** Adds the link if the link rule allows it; says why not otherwise. */
  connect(source: string, target: string): LinkCheck;
  checkLink(source: string, target: string): LinkCheck;
  /** Removes one link, as one undo step (the inspector's links, without selecting the link). */
  removeLink(linkId: string): void;
  selectOnly(id: string): void;
  /** Selects these nodes (and no link), or everything with `selectAll`. */
  selectNodes(ids: readonly string[]): void;
  selectAll(): void;
  clearSelection(): void;
  /** The one selected node's id, or null when none or several are selected. */
  selectedId(): string | null;
  /** Starts renaming a node; `seed` is the text typed to start it (replaces the title). */
  setEditing(id: string | null, seed?: string): void;
  /** The search's matches as typed; an empty list when the search is cleared or closed. */
  setSearchHits(ids: readonly string[]): void;
  /** Tab: a linked child of the next kind (or a sub-goal) under the selected node; its id. */
  addChild(options?: { subGoal?: boolean }): string | null;
  /** Enter: a node of the same kind under the same parent; its id. */
  addSibling(): string | null;
  /** Arrow keys: moves the selection along links; false when there is nowhere to go. */
  moveSelection(direction: Direction): boolean;
  /** Deletes the selected nodes with their links, and the selected links: one undo step. */
  deleteSelection(): number;
  /** Copies the selected nodes and the links between them to the map's clipboard. */
  copySelection(): number;
  cutSelection(): number;
  /** Pastes the clipboard as new nodes, offset so they are seen; they become the selection. */
  paste(): number;
  duplicateSelection(): number;
  /** Moves nodes to new positions in one undo step (the automatic layout). */
  applyPositions(positions: ReadonlyMap<string, Position>): void;
  undo(): boolean;
  redo(): boolean;
  /** Makes the map hold a saved version's content, as one undoable change (restore-edit.ts). */
  restoreContent(content: MapContent): boolean;
}
