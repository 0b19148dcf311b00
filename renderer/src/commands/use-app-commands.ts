import type { Language } from '../../../shared/validation/findings';
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

/** The window-level commands: the same handlers for the menu, the toolbar and the keyboard. */
export function useAppCommands(handlers: AppCommandHandlers): void {
  const setTheme = useViewPrefs((s) => s.setTheme);
  const setSidePanels = useViewPrefs((s) => s.setSidePanels);
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
    prefs.setReadingSize(!prefs.readingSize);
  });
  useCommand('toggle-side-panels', () => {
    const hiding = useViewPrefs.getState().sidePanels;
    // Focus in a panel about to be hidden would fall to the page: the keyboard goes on from the canvas.
    if (hiding && document.activeElement?.closest('.maps, .side-column')) {
      document.querySelector<HTMLElement>('[data-canvas-scope]')?.focus({ preventScroll: true });
    }
    setSidePanels(!hiding);
  });
}
