import { create } from 'zustand';

/** How a node differs from the version being compared with (VersionCompare): added since, or changed. */
export type CompareMark = 'added' | 'changed';

interface CompareMarks {
  /** Node id → its mark, while a comparison is open; empty otherwise. A Map: ids come from files. */
  marks: ReadonlyMap<string, CompareMark>;
  /** A changed node's fields, one "Field: before → after" a line, for its badge's tooltip. */
  details: ReadonlyMap<string, string>;
  set(marks: ReadonlyMap<string, CompareMark>, details?: ReadonlyMap<string, string>): void;
}

/**
 * The canvas's marks of a comparison with a saved version: nodes added since are outlined in green,
 * changed ones in blue (PlanNode reads its own mark, a primitive, so only marked nodes re-render).
 * Removed nodes are drawn by VersionCompare itself, as ghosts in their old places.
 */
export const useCompareMarks = create<CompareMarks>()((set) => ({
  marks: new Map(),
  details: new Map(),
  set: (marks, details = new Map()) => set({ marks, details }),
}));
