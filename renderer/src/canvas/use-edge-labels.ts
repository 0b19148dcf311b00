import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapStore, useMapStoreApi } from '../store/context';
import type { PlanFlowEdge } from '../store/plan-flow';

/**
 * Gives every link a spoken name in the UI's language ("Link from Coupons to Conversion"), in place
 * of React Flow's English "Edge from n1 to n2". Recomputed when the content or the language
 * changes, never per drag frame; an unchanged label keeps the edge object, so nothing re-renders.
 */
export function useEdgeLabels(edges: PlanFlowEdge[]): PlanFlowEdge[] {
  const { t, i18n } = useTranslation();
  const store = useMapStoreApi();
  const findings = useMapStore((s) => s.findings);
  const cache = useRef(new WeakMap<PlanFlowEdge, PlanFlowEdge>());

  // biome-ignore lint/correctness/useExhaustiveDependencies: findings and the language stand for "titles or words changed"
  const labels = useMemo(() => {
    const titles = new Map(
      store.getState().nodes.map((n) => [n.id, n.data.plan.title || t('node.untitled')]),
    );
    const byEdge = new Map<string, string>();
    for (const e of edges) {
      byEdge.set(
        e.id,
        t('canvas.linkLabel', { source: titles.get(e.source) ?? '?', target: titles.get(e.target) ?? '?' }),
      );
    }
    return byEdge;
  }, [edges, findings, i18n.language, store, t]);

  return useMemo(
    () =>
      edges.map((e) => {
        const ariaLabel = labels.get(e.id);
        const hit = cache.current.get(e);
        if (hit && hit.ariaLabel === ariaLabel) return hit;
        const labelled = { ...e, ariaLabel };
        cache.current.set(e, labelled);
        return labelled;
      }),
    [edges, labels],
  );
}
