import type { MapLink, MapNode } from '../../../shared/model';

/** One value before and after an edit; null means "does not exist". */
export interface Change<T> {
  before: T | null;
  after: T | null;
}

/**
 * What one user action changed, by id: the unit of undo and redo. A drag, a typed title, a paste or
 * a deletion with its links is one edit, so one Ctrl+Z takes it back whole.
 */
export interface PlanEdit {
  nodes: Map<string, Change<MapNode>>;
  links: Map<string, Change<MapLink>>;
}

export function emptyEdit(): PlanEdit {
  return { nodes: new Map(), links: new Map() };
}

export function isEmptyEdit(edit: PlanEdit): boolean {
  return edit.nodes.size === 0 && edit.links.size === 0;
}

/** The edit that takes `edit` back. */
export function invertEdit(edit: PlanEdit): PlanEdit {
  const flip = <T>(changes: Map<string, Change<T>>) =>
    new Map([...changes].map(([id, c]) => [id, { before: c.after, after: c.before }]));
  return { nodes: flip(edit.nodes), links: flip(edit.links) };
}

/** Undo and redo stacks of edits. Selection never touches them, so redo survives it. */
export class EditHistory {
  private undoStack: PlanEdit[] = [];
  private redoStack: PlanEdit[] = [];

  constructor(private readonly limit = 500) {}

  /** A new user action: it becomes the next undo step and ends the redo branch. */
  record(edit: PlanEdit): void {
    if (isEmptyEdit(edit)) return;
    this.undoStack.push(edit);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
  }

  /** The edit to apply to undo the last action (already inverted), or null. */
  undo(): PlanEdit | null {
    const edit = this.undoStack.pop();
    if (!edit) return null;
    this.redoStack.push(edit);
    return invertEdit(edit);
  }

  /**
   * Takes back the last action as if it had never happened (no redo step), provided it is still
   * `edit`: how a node added and left unnamed with Escape disappears. Returns the edit that undoes
   * it, or null when another action came since.
   */
  withdraw(edit: PlanEdit): PlanEdit | null {
    if (this.undoStack.at(-1) !== edit) return null;
    this.undoStack.pop();
    return invertEdit(edit);
  }

  /** The edit to apply to redo the last undone action, or null. */
  redo(): PlanEdit | null {
    const edit = this.redoStack.pop();
    if (!edit) return null;
    this.undoStack.push(edit);
    return edit;
  }

  get undoDepth(): number {
    return this.undoStack.length;
  }

  get redoDepth(): number {
    return this.redoStack.length;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}
