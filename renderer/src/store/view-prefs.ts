import { create } from 'zustand';
import { MECHANISM_FUNCTIONS, type MechanismFunction } from '../../../shared/model';

export type ThemeChoice = 'system' | 'light' | 'dark';

/** How the map is shown, not what it says: never saved in the plan, remembered per machine. */
export interface ViewPrefs {
  theme: ThemeChoice;
  snapToGrid: boolean;
  /** Filters: only flagged nodes; only mechanisms of these functions (empty: all); only this owner. */
  flaggedOnly: boolean;
  functions: MechanismFunction[];
  owner: string;
  /** Filter: only metrics whose numbers are stale (the metric-stale finding). */
  staleOnly: boolean;
  setStaleOnly(on: boolean): void;
  /**
   * Whether the map list and the inspector are shown beside the canvas. Hidden, the canvas takes
   * the whole width: on a 1280 px projector the two columns leave it barely half.
   */
  sidePanels: boolean;
  setSidePanels(shown: boolean): void;
  /**
   * Reading size for the room: larger node text and badges on wider nodes, so a fitted map reads
   * from the back of a room on a 1280 px projector.
   */
  readingSize: boolean;
  setReadingSize(on: boolean): void;
  /** Whether the filter bar is shown. */
  filtersOpen: boolean;
  setFiltersOpen(open: boolean): void;
  setTheme(theme: ThemeChoice): void;
  setSnapToGrid(snap: boolean): void;
  setFlaggedOnly(on: boolean): void;
  toggleFunction(fn: MechanismFunction): void;
  setOwner(owner: string): void;
  clearFilters(): void;
}

const STORAGE_KEY = 'throughline.view';

interface Stored {
  theme?: unknown;
  snapToGrid?: unknown;
  sidePanels?: unknown;
  readingSize?: unknown;
}

function readStored(): Stored {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : {};
  } catch {
    return {};
  }
}

function remember(prefs: Pick<ViewPrefs, 'theme' | 'snapToGrid' | 'sidePanels' | 'readingSize'>) {
  const { theme, snapToGrid, sidePanels, readingSize } = prefs;
  try {
    globalThis.localStorage?.setItem(
      STORAGE_KEY,
      JSON.stringify({ theme, snapToGrid, sidePanels, readingSize }),
    );
  } catch {
    // Private mode or a full quota: the preference lasts for this session only.
  }
}

const stored = readStored();
const initialTheme: ThemeChoice =
  stored.theme === 'light' || stored.theme === 'dark' ? stored.theme : 'system';

/** Applies the theme to the document: "system" follows the OS through the CSS media query. */
export function applyTheme(theme: ThemeChoice): void {
  const root = globalThis.document?.documentElement;
  if (!root) return;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

export const useViewPrefs = create<ViewPrefs>()((set, get) => ({
  theme: initialTheme,
  snapToGrid: stored.snapToGrid !== false,
  sidePanels: stored.sidePanels !== false,
  readingSize: stored.readingSize === true,
  flaggedOnly: false,
  functions: [],
  owner: '',
  staleOnly: false,
  filtersOpen: false,
  setFiltersOpen(filtersOpen) {
    set({ filtersOpen });
  },
  setTheme(theme) {
    set({ theme });
    applyTheme(theme);
    remember({ ...get(), theme });
  },
  setSnapToGrid(snapToGrid) {
    set({ snapToGrid });
    remember({ ...get(), snapToGrid });
  },
  setSidePanels(sidePanels) {
    set({ sidePanels });
    remember({ ...get(), sidePanels });
  },
  setReadingSize(readingSize) {
    set({ readingSize });
    remember({ ...get(), readingSize });
  },
  setFlaggedOnly(flaggedOnly) {
    set({ flaggedOnly });
  },
  toggleFunction(fn) {
    const on = new Set(get().functions);
    if (on.has(fn)) on.delete(fn);
    else on.add(fn);
    set({ functions: MECHANISM_FUNCTIONS.filter((f) => on.has(f)) });
  },
  setOwner(owner) {
    set({ owner });
  },
  setStaleOnly(staleOnly) {
    set({ staleOnly });
  },
  clearFilters() {
    set({ flaggedOnly: false, functions: [], owner: '', staleOnly: false });
  },
}));
