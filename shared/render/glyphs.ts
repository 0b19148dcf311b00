import type { MechanismFunction, NodeKind } from '../model/kinds';
import type { Severity } from '../validation/findings';

/**
 * The one home of the small marks that name a kind, a function or a severity without colour: the
 * canvas, the inspector, the toolbar, the filters and the printed and exported pictures all draw
 * these. Every glyph is in DejaVu Sans (Linux), Segoe UI Symbol (Windows) and Apple Symbols
 * (macOS), so the PDF's font stack (palette.ts, PRINT_FONT_STACK) never prints an empty box.
 */

/** A mark per kind of node (the toolbar's add buttons). */
export const KIND_ICON: Readonly<Record<NodeKind, string>> = { goal: '◆', mechanism: '⚙', metric: '◔' };

/** A shape per function, so the function reads at a glance and without colour. */
export const FUNCTION_ICON: Readonly<Record<MechanismFunction, string>> = {
  operations: '⟳',
  marketing: '◎',
  sales: '➜',
  product: '◇',
  other: '•',
};

/** The mark of a mechanism whose function is not set yet. */
export const FUNCTION_UNSET_ICON = '?';

/** The mark of a mechanism's function, set or not. */
export function functionIcon(fn: MechanismFunction | null): string {
  return fn === null ? FUNCTION_UNSET_ICON : FUNCTION_ICON[fn];
}

/** The badge's glyph per severity, on the canvas and in the pictures. */
export const SEVERITY_GLYPH: Readonly<Record<Severity, string>> = { error: '!', warning: '▲', info: 'i' };
