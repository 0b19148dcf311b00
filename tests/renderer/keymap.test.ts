import { describe, expect, it } from 'vitest';
import { searchNodes } from '../../renderer/src/canvas/search-nodes';
import {
  actionForKey,
  isShortcutKey,
  type KeyContext,
  type KeyPress,
} from '../../renderer/src/commands/keymap';
import { createNode } from '../../shared/model';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  isComposing: false,
  keyCode: 0,
  ...extra,
});
const canvas = (selectedNodes = 1): KeyContext => ({ inTextField: false, onCanvas: true, selectedNodes });
const field: KeyContext = { inTextField: true, onCanvas: true, selectedNodes: 1 };

describe('keymap', () => {
  it('maps the facilitator keys on a selected node', () => {
    expect(actionForKey(press('Tab'), canvas())).toEqual({ command: 'add-child' });
    expect(actionForKey(press('Tab', { shiftKey: true }), canvas())).toEqual({ command: 'add-sub-goal' });
    expect(actionForKey(press('Enter'), canvas())).toEqual({ command: 'add-sibling' });
    expect(actionForKey(press('F2'), canvas())).toEqual({ command: 'rename' });
    expect(actionForKey(press('Delete'), canvas())).toEqual({ command: 'delete' });
    expect(actionForKey(press('Backspace'), canvas())).toEqual({ command: 'delete' });
    expect(actionForKey(press('ArrowRight'), canvas())).toEqual({ command: 'move-right' });
    expect(actionForKey(press('Escape'), canvas())).toEqual({ command: 'clear-selection' });
    expect(actionForKey(press('?', { shiftKey: true }), canvas())).toEqual({ command: 'shortcuts' });
  });

  it('starts a rename with the typed character, and fits the view with F whatever is selected', () => {
    expect(actionForKey(press('R'), canvas())).toEqual({ command: 'rename', seed: 'R' });
    expect(actionForKey(press('增'), canvas())).toEqual({ command: 'rename', seed: '增' });
    expect(actionForKey(press('f'), canvas(0))).toEqual({ command: 'fit-view' });
    // F is a shortcut, so it never becomes the first letter of a title (issue 13, point 5).
    expect(actionForKey(press('f'), canvas(1))).toEqual({ command: 'fit-view' });
    expect(actionForKey(press('f'), canvas(3))).toEqual({ command: 'fit-view' });
  });

  it('never starts a rename with a key that is a shortcut, in either case', () => {
    for (const key of ['f', 'F', '?']) {
      expect(isShortcutKey(key)).toBe(true);
      const action = actionForKey(
        press(key, { shiftKey: key !== key.toLowerCase() || key === '?' }),
        canvas(),
      );
      expect(action?.command).not.toBe('rename');
    }
    for (const key of ['a', 'R', '增', '1', '\\']) {
      expect(isShortcutKey(key)).toBe(false);
      expect(actionForKey(press(key), canvas())).toEqual({ command: 'rename', seed: key });
    }
  });

  it('cycles the function of the one selected node with Shift+F, and never while composing', () => {
    expect(actionForKey(press('F', { shiftKey: true }), canvas(1))).toEqual({ command: 'cycle-function' });
    expect(actionForKey(press('F', { shiftKey: true }), canvas(0))).toBeNull();
    expect(actionForKey(press('F', { shiftKey: true }), canvas(2))).toBeNull();
    expect(actionForKey(press('F', { shiftKey: true }), field)).toBeNull();
    expect(actionForKey(press('F', { shiftKey: true, isComposing: true }), canvas(1))).toBeNull();
    expect(actionForKey(press('F', { shiftKey: true, keyCode: 229 }), canvas(1))).toBeNull();
  });

  it('adds a goal with Enter when nothing is selected (the first goal of an empty map)', () => {
    expect(actionForKey(press('Enter'), canvas(0))).toEqual({ command: 'add-goal' });
    expect(actionForKey(press('Enter', { shiftKey: true }), canvas(0))).toBeNull();
    expect(actionForKey(press('Enter'), { ...canvas(0), inTextField: true })).toBeNull();
    expect(actionForKey(press('Enter'), { ...canvas(0), onCanvas: false })).toBeNull();
    // A focused button on the canvas (the zoom controls) is pressed by Enter, not a new goal.
    expect(actionForKey(press('Enter'), { ...canvas(0), onButton: true })).toBeNull();
    expect(actionForKey(press('Enter', { isComposing: true }), canvas(0))).toBeNull();
    expect(actionForKey(press('Enter', { keyCode: 229 }), canvas(0))).toBeNull();
  });

  it('shows or hides the side panels with Ctrl/Cmd+\\, from anywhere, even a text field', () => {
    for (const context of [
      canvas(),
      canvas(0),
      field,
      { inTextField: false, onCanvas: false, selectedNodes: 0 },
    ]) {
      expect(actionForKey(press('\\', { ctrlKey: true }), context)).toEqual({
        command: 'toggle-side-panels',
      });
      expect(actionForKey(press('\\', { metaKey: true }), context)).toEqual({
        command: 'toggle-side-panels',
      });
    }
    // Without Ctrl, a backslash is a character typed into the selected node's title like any other.
    expect(actionForKey(press('\\'), canvas())).toEqual({ command: 'rename', seed: '\\' });
  });

  it('switches the reading size with Ctrl/Cmd+Shift+L from anywhere, never while composing', () => {
    for (const context of [
      canvas(),
      canvas(0),
      field,
      { inTextField: false, onCanvas: false, selectedNodes: 0 },
    ]) {
      // Shift makes the key an upper-case L; either case is the same shortcut.
      for (const key of ['L', 'l'])
        for (const mod of [{ ctrlKey: true }, { metaKey: true }])
          expect(actionForKey(press(key, { ...mod, shiftKey: true }), context)).toEqual({
            command: 'toggle-reading-size',
          });
    }
    // Without Shift, or while an input method composes, it is not the shortcut.
    expect(actionForKey(press('l', { ctrlKey: true }), canvas())).toBeNull();
    expect(
      actionForKey(press('L', { ctrlKey: true, shiftKey: true, isComposing: true }), canvas()),
    ).toBeNull();
    // A plain L is typed into the selected node's title.
    expect(actionForKey(press('L', { shiftKey: true }), canvas())).toEqual({ command: 'rename', seed: 'L' });
  });

  it('opens Update the numbers with Ctrl/Cmd+Shift+M from anywhere, never while composing', () => {
    for (const context of [
      canvas(),
      canvas(0),
      field,
      { inTextField: false, onCanvas: false, selectedNodes: 0 },
    ])
      for (const key of ['M', 'm'])
        for (const mod of [{ ctrlKey: true }, { metaKey: true }])
          expect(actionForKey(press(key, { ...mod, shiftKey: true }), context)).toEqual({
            command: 'update-numbers',
          });
    expect(actionForKey(press('m', { ctrlKey: true }), canvas())).toBeNull();
    expect(
      actionForKey(press('M', { ctrlKey: true, shiftKey: true, isComposing: true }), canvas()),
    ).toBeNull();
  });

  it('leaves Tab and Enter alone with no single node selected (focus moves, buttons work)', () => {
    expect(actionForKey(press('Tab'), canvas(0))).toBeNull();
    expect(actionForKey(press('Enter'), canvas(2))).toBeNull();
    expect(actionForKey(press('Enter'), { ...canvas(), onCanvas: false })).toBeNull();
  });

  it('never treats a key as a shortcut during an IME composition', () => {
    for (const key of ['Enter', 'Tab', 'Delete', 'Backspace', 'ArrowLeft', 'a', 'Escape', 'F2']) {
      expect(actionForKey(press(key, { isComposing: true }), canvas())).toBeNull();
      expect(actionForKey(press(key, { keyCode: 229 }), canvas())).toBeNull();
    }
    expect(actionForKey(press('z', { ctrlKey: true, isComposing: true }), canvas())).toBeNull();
  });

  it('keeps a text field its own keys: undo, copy, paste, Delete and Enter act on the text', () => {
    for (const key of ['z', 'y', 'c', 'v', 'x', 'a']) {
      expect(actionForKey(press(key, { ctrlKey: true }), field)).toBeNull();
    }
    expect(actionForKey(press('Enter'), field)).toBeNull();
    expect(actionForKey(press('Delete'), field)).toBeNull();
    expect(actionForKey(press('f', { ctrlKey: true }), field)).toEqual({ command: 'find' });
  });

  it('maps undo, redo and the clipboard with Ctrl on Windows/Linux and Cmd on macOS', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }]) {
      expect(actionForKey(press('z', mod), canvas())).toEqual({ command: 'undo' });
      expect(actionForKey(press('Z', { ...mod, shiftKey: true }), canvas())).toEqual({ command: 'redo' });
      expect(actionForKey(press('y', mod), canvas())).toEqual({ command: 'redo' });
      expect(actionForKey(press('c', mod), canvas())).toEqual({ command: 'copy' });
      expect(actionForKey(press('x', mod), canvas())).toEqual({ command: 'cut' });
      expect(actionForKey(press('v', mod), canvas())).toEqual({ command: 'paste' });
      expect(actionForKey(press('d', mod), canvas())).toEqual({ command: 'duplicate' });
      expect(actionForKey(press('a', mod), canvas())).toEqual({ command: 'select-all' });
    }
  });
});

describe('search', () => {
  const nodes = [
    createNode('metric', 'k', 'Payment conversion', { x: 800, y: 0 }),
    { ...createNode('goal', 'g', 'Raise order conversion', { x: 0, y: 0 }), owner: 'COO' },
    {
      ...createNode('mechanism', 'm', '优惠券提示', { x: 400, y: 0 }),
      description: 'Coupon hints at checkout',
    },
  ];

  it('finds by title, owner or description, case-insensitively, in reading order', () => {
    expect(searchNodes(nodes, 'CONVERSION')).toEqual(['g', 'k']);
    expect(searchNodes(nodes, 'coo')).toEqual(['g']);
    expect(searchNodes(nodes, 'coupon')).toEqual(['m']);
    expect(searchNodes(nodes, '优惠')).toEqual(['m']);
    expect(searchNodes(nodes, '  ')).toEqual([]);
  });
});
