/** A map deletion that Undo can still take back, and how to take it back. */
export interface UndoableDeletion {
  readonly mapId: string;
  readonly restore: () => void;
}

/**
 * The window's last map deletion, for as long as Undo (Ctrl+Z, the menu) should bring the map back
 * rather than undo an edit of the map in view: from the delete until the next edit of the map in
 * view or until the user opens another map. Undo takes it once; the notice's button may still run
 * its restore afterwards, which the backend refuses harmlessly if the map is back already.
 */
export class DeletionUndo {
  private current: UndoableDeletion | null = null;

  offer(deletion: UndoableDeletion): void {
    this.current = deletion;
  }

  /** Forgets the offer (all of it, or only the one for `mapId`). */
  withdraw(mapId?: string): void {
    if (mapId === undefined || this.current?.mapId === mapId) this.current = null;
  }

  /** The deletion Undo should take back now, forgotten as it is handed out; null when none. */
  take(): UndoableDeletion | null {
    const deletion = this.current;
    this.current = null;
    return deletion;
  }
}

/** The window's one: the app offers deletions, the canvas's Undo takes them. */
export const deletionUndo = new DeletionUndo();
