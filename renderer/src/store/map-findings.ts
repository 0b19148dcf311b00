import type { CheckinIndex } from '../../../shared/model/checkins';
import { localToday } from '../../../shared/model/local-today';
import { flagsOfFindings, type NodeFlag, validateMap } from '../../../shared/validation';
import type { Finding } from '../../../shared/validation/findings';
import { linkOf, type PlanFlowEdge, type PlanFlowNode } from './plan-flow';

/** Findings per node as stable primitives ("error:2"); see MapState.nodeFlags. */
function nodeFlagsOf(flags: ReadonlyMap<string, NodeFlag>): Map<string, string> {
  const result = new Map<string, string>();
  for (const [id, { severity, count }] of flags) result.set(id, `${severity}:${count}`);
  return result;
}

/**
 * Re-runs the validator on the canvas's nodes and links, and on the metrics' check-ins for
 * staleness, judged by today in this computer's time zone. Edges whose flagged state did not change
 * keep their object, so React Flow redraws only the links that turned red or back.
 */
export function withFindings(
  nodes: readonly PlanFlowNode[],
  edges: readonly PlanFlowEdge[],
  history?: CheckinIndex,
): { findings: Finding[]; nodeFlags: ReadonlyMap<string, string>; edges: PlanFlowEdge[] } {
  const findings = validateMap({
    nodes: nodes.map((n) => n.data.plan),
    links: edges.map(linkOf),
    history,
    today: localToday(),
  });
  const flags = flagsOfFindings(findings);
  const nextEdges = edges.map((e) => {
    const flagged = flags.links.has(e.id);
    return e.data?.flagged === flagged
      ? e
      : { ...e, data: { flagged }, className: flagged ? 'link link--flagged' : 'link' };
  });
  return { findings, nodeFlags: nodeFlagsOf(flags.nodes), edges: nextEdges };
}
