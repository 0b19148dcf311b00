import type { MapNode } from '../model/types';
import type { Finding } from './findings';

/** The headline figures of a map's health, e.g. "7 of 9 goals have an execution path". */
export interface HealthSummary {
  goals: number;
  goalsWithPath: number;
  /** Goals flagged as having no closed loop (every mechanism under them marketing or unset). */
  goalsWithoutClosedLoop: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts goals, goals with an execution path, and findings by severity. O(nodes + findings). */
export function healthSummary(
  nodes: readonly Pick<MapNode, 'id' | 'kind'>[],
  findings: readonly Finding[],
): HealthSummary {
  const withoutPath = new Set<string>();
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let goalsWithoutClosedLoop = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
    if (finding.code === 'goal-without-closed-loop') goalsWithoutClosedLoop++;
    if (finding.code === 'goal-without-execution-path') {
      const id = finding.nodeIds[0];
      if (id !== undefined) withoutPath.add(id);
    }
  }
  let goals = 0;
  let goalsWithPath = 0;
  for (const node of nodes) {
    if (node.kind !== 'goal') continue;
    goals++;
    if (!withoutPath.has(node.id)) goalsWithPath++;
  }
  return { goals, goalsWithPath, goalsWithoutClosedLoop, errors, warnings, infos };
}
