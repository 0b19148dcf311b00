import { useDeferredValue, useMemo, useRef } from 'react';
import type { Finding } from '../../../shared/validation/findings';
import { goalFocus } from '../../../shared/validation/goal-focus';
import { useMapStore, useMapStoreApi } from '../store/context';
import type { MapState } from '../store/map-store';
import type { PlanFlowEdge, PlanFlowNode } from '../store/plan-flow';
import { useViewPrefs } from '../store/view-prefs';

/** The one selected node's id when it is a goal: its execution paths are then in focus. */
const selectedGoal = (s: MapState): string | null => {
  let found: string | null = null;
  for (const n of s.nodes) {
    if (!n.selected) continue;
    if (found !== null || n.data.plan.kind !== 'goal') return null;
    found = n.id;
  }
  return found;
};

/** The metrics the plan check finds stale. */
function staleMetrics(findings: readonly Finding[]): Set<string> {
  const ids = new Set<string>();
  for (const f of findings) if (f.code === 'metric-stale' && f.nodeIds[0]) ids.add(f.nodeIds[0]);
  return ids;
}

/**
 * Adds a class to the items whose emphasis changed, keeping every other object as it was, so
 * React Flow re-renders only those (a WeakMap remembers the decorated copy of each original).
 */
function useDecorated<T extends { id: string; className?: string }>(
  items: T[],
  classOf: (id: string) => string,
): T[] {
  const cache = useRef(new WeakMap<T, { extra: string; item: T }>());
  return useMemo(
    () =>
      items.map((item) => {
        const extra = classOf(item.id);
        if (!extra) return item;
        const hit = cache.current.get(item);
        if (hit && hit.extra === extra) return hit.item;
        const decorated = { ...item, className: `${item.className ?? ''} ${extra}`.trim() };
        cache.current.set(item, { extra, item: decorated });
        return decorated;
      }),
    [items, classOf],
  );
}

/**
 * What the canvas emphasises: a selected goal's execution paths (the rest dimmed), or the
 * presented goal's, and the filters (flagged only, stale only, by function, by owner) that dim what they leave out.
 */
export function useMapEmphasis(
  nodes: PlanFlowNode[],
  edges: PlanFlowEdge[],
  presentedGoal: string | null,
): { nodes: PlanFlowNode[]; edges: PlanFlowEdge[] } {
  const store = useMapStoreApi();
  const selected = useMapStore(selectedGoal);
  const findings = useMapStore((s) => s.findings);
  const flaggedOnly = useViewPrefs((s) => s.flaggedOnly);
  const functions = useViewPrefs((s) => s.functions);
  const owner = useViewPrefs((s) => s.owner);
  const staleOnly = useViewPrefs((s) => s.staleOnly);
  // Deferred: the click paints the goal selected at once, the dimming of the rest follows it.
  const goalId = useDeferredValue(presentedGoal ?? selected);

  // Recomputed when the links or the findings change (a content edit), never per drag frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: findings stand for "the content changed"
  const focus = useMemo(() => {
    if (!goalId) return null;
    const { nodes: current, edges: links } = store.getState();
    return goalFocus(
      goalId,
      current.map((n) => n.data.plan),
      links,
    );
  }, [goalId, edges, findings, store]);

  // Findings change with every change of content (and say which metrics are stale).
  const filteredOut = useMemo(() => {
    if (!flaggedOnly && functions.length === 0 && owner === '' && !staleOnly) return null;
    const { nodes: current, nodeFlags } = store.getState();
    // Stale as the plan check says (metric-stale), so the filter and the findings agree.
    const stale = staleOnly ? staleMetrics(findings) : null;
    const out = new Set<string>();
    for (const n of current) {
      const plan = n.data.plan;
      const keep =
        (!flaggedOnly || nodeFlags.has(n.id)) &&
        (functions.length === 0 ||
          (plan.kind === 'mechanism' && plan.function !== null && functions.includes(plan.function))) &&
        (owner === '' || plan.owner === owner) &&
        (stale === null || stale.has(n.id));
      if (!keep) out.add(n.id);
    }
    return out;
  }, [flaggedOnly, functions, owner, staleOnly, findings, store]);

  const nodeClass = useMemo(
    () => (id: string) => {
      if (filteredOut?.has(id)) return 'is-filtered-out';
      if (!focus) return '';
      return focus.nodeIds.has(id) ? 'is-in-focus' : 'is-dimmed';
    },
    [focus, filteredOut],
  );
  const edgeClass = useMemo(
    () => (id: string) => {
      if (!focus) return filteredOut ? 'is-dimmed' : '';
      return focus.linkIds.has(id) ? 'is-in-focus' : 'is-dimmed';
    },
    [focus, filteredOut],
  );
  return { nodes: useDecorated(nodes, nodeClass), edges: useDecorated(edges, edgeClass) };
}
