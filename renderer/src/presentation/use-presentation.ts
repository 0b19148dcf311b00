import { useCallback, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { MapState } from '../store/map-store';
import { presentationGoalIds } from './presentation-goals';

const noGoals = () => '';

/** Presentation mode's state: whether it is on, and which goal (by index) is on screen. */
export function usePresentation(store: StoreApi<MapState>) {
  const [index, setIndex] = useState<number | null>(null);
  // Only while presenting: the selector sorts the goals, which no drag frame should pay for.
  const ids = useStore(store, index === null ? noGoals : presentationGoalIds);
  const goalIds = useMemo(() => (ids ? ids.split(' ') : []), [ids]);
  const presenting = index !== null;
  // A goal deleted elsewhere while presenting must not leave the index past the end.
  const at = index === null ? 0 : Math.max(0, Math.min(index, goalIds.length - 1));
  const stop = useCallback(() => setIndex(null), []);
  const toggle = useCallback(() => setIndex((i) => (i === null ? 0 : null)), []);
  return {
    presenting,
    goalIds,
    index: at,
    goalId: presenting ? (goalIds[at] ?? null) : null,
    setIndex: setIndex as (index: number) => void,
    stop,
    toggle,
  };
}
