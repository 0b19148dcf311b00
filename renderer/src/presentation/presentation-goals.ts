import type { MapState } from '../store/map-store';

/**
 * The goals in presenting order, top to bottom as the map reads, joined as one string so a
 * selector over it only fires when a goal is added, removed or moved.
 */
export const presentationGoalIds = (s: MapState): string =>
  s.nodes
    .filter((n) => n.data.plan.kind === 'goal')
    .sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x)
    .map((n) => n.id)
    .join(' ');

/** Which step a presenter's key means: clickers send PageDown/PageUp, keyboards arrows. */
export function presentationStep(key: string): 'next' | 'previous' | 'first' | 'last' | 'exit' | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Enter':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}
