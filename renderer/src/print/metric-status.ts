import { metricProgress, metricStartDate, type ProgressStatus } from '../../../shared/model/metric-progress';
import type { MapLink, MapNode, MetricNode } from '../../../shared/model/types';

export interface MetricState {
  status: ProgressStatus;
  /** Share of the way from baseline to target, clamped to 0–100 %, or null when unknown. */
  percent: number | null;
}

/**
 * Progress and status of every metric, judged on `today` (the document's date) with the start
 * date of the mechanisms measuring it, the same rule the inspector shows.
 */
export function metricStates(
  nodes: readonly MapNode[],
  links: readonly MapLink[],
  today: string,
): Map<string, MetricState> {
  const states = new Map<string, MetricState>();
  for (const node of nodes) {
    if (node.kind !== 'metric') continue;
    const { progress, status } = metricProgress(node, today, metricStartDate(node.id, nodes, links));
    states.set(node.id, {
      status,
      percent: progress === null ? null : Math.round(Math.min(1, Math.max(0, progress)) * 100),
    });
  }
  return states;
}

export type { MetricNode };
