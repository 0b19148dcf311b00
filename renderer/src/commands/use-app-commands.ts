import type { Language } from '../../../shared/model/language';
import { useViewPrefs } from '../store/view-prefs';
import { useCommand } from './use-commands';

export interface AppCommandHandlers {
  newMap(): void;
  changeLanguage(language: Language): void;
  showShortcuts(): void;
  find(): void;
  about(): void;
  presentation(): void;
  toggleFilters(): void;
}

/** Below this window width, turning reading size on hides the side panels as well. */
export const READING_SIZE_PANELS_WIDTH = 1600;

/**
 * Whether the side panels were hidden by turning reading size on, so turning it off shows them
 * again; kept with the window's other view settings so it holds across a reload.
 */
const HIDDEN_BY_READING_KEY = 'throughline.panelsHiddenByReadingSize';
const hiddenByReadingSize = {
  get(): boolean {
    try {
      return localStorage.getItem(HIDDEN_BY_READING_KEY) === 'true';
    } catch {
      return false;
    }
  },
  set(hidden: boolean): void {
    try {
      if (hidden) localStorage.setItem(HIDDEN_BY_READING_KEY, 'true');
      else localStorage.removeItem(HIDDEN_BY_READING_KEY);
    } catch {
      // Storage refused (private mode, quota): the panels just stay as they are when turned off.
    }
  },
};

function showSidePanels(shown: boolean): void {
  // Focus in a panel about to be hidden would fall to the page: the keyboard goes on from the canvas.
  if (!shown && document.activeElement?.closest('.maps, .side-column')) {
    document.querySelector<HTMLElement>('[data-canvas-scope]')?.focus({ preventScroll: true });
  }
  useViewPrefs.getState().setSidePanels(shown);
}

/** The window-level commands: the same handlers for the menu, the toolbar and the keyboard. */
export function useAppCommands(handlers: AppCommandHandlers): void {
  const setTheme = useViewPrefs((s) => s.setTheme);
  useCommand('new-map', handlers.newMap);
  useCommand('language-en', () => handlers.changeLanguage('en'));
  useCommand('language-zh-CN', () => handlers.changeLanguage('zh-CN'));
  useCommand('theme-system', () => setTheme('system'));
  useCommand('theme-light', () => setTheme('light'));
  useCommand('theme-dark', () => setTheme('dark'));
  useCommand('shortcuts', handlers.showShortcuts);
  useCommand('find', handlers.find);
  useCommand('about', handlers.about);
  useCommand('presentation', handlers.presentation);
  useCommand('toggle-filters', handlers.toggleFilters);
  useCommand('toggle-reading-size', () => {
    const prefs = useViewPrefs.getState();
    const on = !prefs.readingSize;
    prefs.setReadingSize(on);
    // On a window narrower than a projector's 1600 px the panels leave the map too little room for
    // the larger text to show: reading size hides them too, and shows them again when turned off.
    if (on && prefs.sidePanels && window.innerWidth < READING_SIZE_PANELS_WIDTH) {
      showSidePanels(false);
      hiddenByReadingSize.set(true);
    } else if (!on && hiddenByReadingSize.get() && !useViewPrefs.getState().sidePanels) {
      showSidePanels(true);
    }
    if (!on) hiddenByReadingSize.set(false);
  });
  useCommand('toggle-side-panels', () => {
    hiddenByReadingSize.set(false);
    showSidePanels(!useViewPrefs.getState().sidePanels);
  });
}
