import { create } from 'zustand';
import type { MapContent } from '../../../shared/model';
import type { VersionSummary } from '../../../shared/versions';

/** A saved version shown on the canvas instead of the live map, and what it is compared with. */
export interface VersionView {
  /** The live map the version belongs to (the one to go back to). */
  mapId: string;
  version: VersionSummary;
  /** An older version the shown one is compared with (Compare two versions), if any. */
  compareWith: { version: VersionSummary; content: MapContent } | null;
}

interface VersionViewState {
  viewing: VersionView | null;
  show(view: VersionView): void;
  close(): void;
}

/**
 * Whether the canvas shows a saved version read-only (File ▸ Versions… ▸ Open): the banner that
 * says so and leads back, and the comparison of two versions, read it. The map library sets it
 * when it loads a version into the map store and clears it whenever it opens a map in its room.
 */
export const useVersionView = create<VersionViewState>()((set) => ({
  viewing: null,
  show: (view) => set({ viewing: view }),
  close: () => set({ viewing: null }),
}));

/** Of two versions, the older first (by when they were saved; their order in the list breaks a tie). */
export function olderFirst<T extends { createdAt: string }>(a: T, b: T): [T, T] {
  return Date.parse(b.createdAt) < Date.parse(a.createdAt) ? [b, a] : [a, b];
}
