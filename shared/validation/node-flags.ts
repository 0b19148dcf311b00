import type { Finding, Severity } from './findings';
import { NodeFinding } from './map-finding';

/** How much worse one severity is than another: errors first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** A node's findings as its badge shows them: the worst severity and how many. */
export interface NodeFlag {
  severity: Severity;
  count: number;
}

/**
 * What the canvas and the drawings mark: per node its worst severity and how many findings name
 * it, and every link a finding names.
 */
export function flagsOfFindings(findings: readonly Finding[]): {
  nodes: Map<string, NodeFlag>;
  links: Set<string>;
} {
  const nodes = new Map<string, NodeFlag>();
  const links = new Set<string>();
  for (const finding of findings) {
    const mark = (id: string): void => {
      const seen = nodes.get(id);
      if (!seen) nodes.set(id, { severity: finding.severity, count: 1 });
      else {
        seen.count += 1;
        if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[seen.severity]) seen.severity = finding.severity;
      }
    };
    // A one-node finding names its node without making a list of one (see NodeFinding).
    if (finding instanceof NodeFinding) {
      mark(finding.nodeId);
      continue;
    }
    for (const id of finding.linkIds) links.add(id);
    for (const id of finding.nodeIds) mark(id);
  }
  return { nodes, links };
}
