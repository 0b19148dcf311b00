import * as Y from 'yjs';
import { checkinsOf } from '../../../shared/room/checkin-doc';
import { linksOf, nodesOf } from '../../../shared/room/map-doc';

/** The origin of this participant's own edits: the only one its undo takes back. */
export const LOCAL_EDIT = Symbol('local-edit');

/**
 * Undo and redo over a map's document, this participant's edits only (Yjs's UndoManager with the
 * local origin tracked: another participant's edit is never taken back). Each edit is its own
 * step: a drag, a typed title, a paste or a deletion with its links is one Ctrl+Z.
 */
export class DocHistory {
  private readonly manager: Y.UndoManager;

  constructor(doc: Y.Doc, limit = 500) {
    this.manager = new Y.UndoManager([nodesOf(doc), linksOf(doc), checkinsOf(doc)], {
      trackedOrigins: new Set([LOCAL_EDIT]),
      captureTimeout: 0,
    });
    this.manager.on('stack-item-added', () => {
      if (this.manager.undoStack.length > limit) this.manager.undoStack.shift();
    });
  }

  /** The origin of undo and redo transactions, told apart from remote ones by the view. */
  get origin(): unknown {
    return this.manager;
  }

  /** Marks the start of a new step (the next edit never merges into the last one). */
  nextStep(): void {
    this.manager.stopCapturing();
  }

  /** The last step, to recognise it later (withdraw). */
  get lastStep(): unknown {
    return this.manager.undoStack.at(-1) ?? null;
  }

  undo(): boolean {
    return this.manager.undo() !== null;
  }

  redo(): boolean {
    return this.manager.redo() !== null;
  }

  /**
   * Takes back the last step as if it had never happened (no redo), provided it is still `step`:
   * how a node added and left unnamed with Escape disappears. False when another step came since.
   */
  withdraw(step: unknown): boolean {
    if (step === null || this.manager.undoStack.at(-1) !== step) return false;
    this.manager.undo();
    this.manager.redoStack.pop();
    return true;
  }

  get undoDepth(): number {
    return this.manager.undoStack.length;
  }

  get redoDepth(): number {
    return this.manager.redoStack.length;
  }

  clear(): void {
    this.manager.clear();
  }

  destroy(): void {
    this.manager.destroy();
  }
}
