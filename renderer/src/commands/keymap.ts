import type { CommandName } from './command-bus';

/** The parts of a keydown event the keymap reads (a plain object in tests). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  keyCode: number;
}

/** Where the key was pressed. */
export interface KeyContext {
  /** Focus is in a text field, select or editable element: its own keys win. */
  inTextField: boolean;
  /** Focus is on the canvas (or nowhere in particular): canvas keys apply. */
  onCanvas: boolean;
  /** How many nodes are selected. */
  selectedNodes: number;
  /** Focus is on a button or link (e.g. the canvas's zoom controls): Enter presses it. */
  onButton?: boolean;
}

/** What a key press does: a command, optionally with the text that started a rename. */
export type KeyAction = { command: CommandName; seed?: string } | null;

/**
 * The one keymap of the app. While an IME composition is in progress no key is a shortcut: the
 * facilitator typing Chinese confirms a composition with Enter, and that must not add a sibling.
 */
export function actionForKey(e: KeyPress, context: KeyContext): KeyAction {
  if (e.isComposing || e.keyCode === 229) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;

  if (mod && !e.altKey) {
    // Find, new, open and save work everywhere; the browser's own versions are not wanted here.
    if (key === 'f' && !e.shiftKey) return { command: 'find' };
    if (key === 'n' && !e.shiftKey) return { command: 'new-map' };
    if (key === 'o' && !e.shiftKey) return { command: 'open' };
    if (key === 's' && e.shiftKey) return { command: 'save-as' };
    if (key === '\\' && !e.shiftKey) return { command: 'toggle-side-panels' };
    if (key === 'l' && e.shiftKey) return { command: 'toggle-reading-size' };
    if (key === 'm' && e.shiftKey) return { command: 'update-numbers' };
    if (context.inTextField) return null; // the field's own undo, copy, paste and select all
    if (key === 'z') return { command: e.shiftKey ? 'redo' : 'undo' };
    if (key === 'y' && !e.shiftKey) return { command: 'redo' };
    if (!context.onCanvas) return null;
    if (e.shiftKey) return null;
    if (key === 'c') return { command: 'copy' };
    if (key === 'x') return { command: 'cut' };
    if (key === 'v') return { command: 'paste' };
    if (key === 'd') return { command: 'duplicate' };
    if (key === 'a') return { command: 'select-all' };
    if (key === '=' || key === '+') return { command: 'zoom-in' };
    if (key === '-') return { command: 'zoom-out' };
    if (key === '0') return { command: 'fit-view' };
    return null;
  }
  if (e.key === 'F5') return { command: 'presentation' };
  if (e.key === 'F1') return { command: 'shortcuts' };
  if (context.inTextField || !context.onCanvas || e.altKey || mod) return null;

  const one = context.selectedNodes === 1;
  const some = context.selectedNodes > 0;
  switch (e.key) {
    case 'Tab':
      if (!one) return null;
      return { command: e.shiftKey ? 'add-sub-goal' : 'add-child' };
    case 'Enter':
      if (e.shiftKey || context.onButton) return null;
      // With nothing selected (an empty map, say), Enter adds a goal; with one node, a sibling.
      return one ? { command: 'add-sibling' } : some ? null : { command: 'add-goal' };
    case 'F2':
      return one ? { command: 'rename' } : null;
    case 'Delete':
    case 'Backspace':
      return { command: 'delete' };
    case 'ArrowLeft':
      return { command: 'move-left' };
    case 'ArrowRight':
      return { command: 'move-right' };
    case 'ArrowUp':
      return { command: 'move-up' };
    case 'ArrowDown':
      return { command: 'move-down' };
    case 'Escape':
      return some ? { command: 'clear-selection' } : null;
  }
  if (e.key.length !== 1) return null;
  const shortcut = PRINTABLE_SHORTCUTS[key];
  if (shortcut) return shortcut(e.shiftKey, context);
  // With one node selected, typing starts renaming it with what was typed: any key but a shortcut's.
  if (one && e.key !== ' ') return { command: 'rename', seed: e.key };
  return null;
}

/**
 * The printable keys that are canvas shortcuts, by lower-case key, whichever the case typed: the
 * one home of them. Type-to-rename starts with any other printable key, so a shortcut never
 * becomes the first letter of a title (F fits the map even with a node selected).
 */
const PRINTABLE_SHORTCUTS: Readonly<Record<string, (shift: boolean, context: KeyContext) => KeyAction>> = {
  f: (shift, context) =>
    // Shift+F: the next function of the selected mechanism; F: fit the whole map.
    shift ? (context.selectedNodes === 1 ? { command: 'cycle-function' } : null) : { command: 'fit-view' },
  '?': () => ({ command: 'shortcuts' }),
};

/** Whether a printable key is a canvas shortcut (in either case), so it never starts a rename. */
export function isShortcutKey(key: string): boolean {
  return key.length === 1 && Object.hasOwn(PRINTABLE_SHORTCUTS, key.toLowerCase());
}
