import type { Finding, FindingCode } from './findings';

/**
 * The kinds of finding, in the order a room should read them: the strategy first (a goal with no
 * execution path or no closed loop), then broken or missing links, then missing data, then notes
 * (who owns what). The findings panel and the PDF list findings in these groups, so the one
 * strategic gap is never buried under data warnings.
 */
export const FINDING_GROUPS = ['strategy', 'links', 'data', 'notes'] as const;
export type FindingGroup = (typeof FINDING_GROUPS)[number];

/** The group of every finding code: one home for it. */
export const GROUP_OF_CODE: Readonly<Record<FindingCode, FindingGroup>> = {
  'goal-without-execution-path': 'strategy',
  'goal-without-closed-loop': 'strategy',
  'mechanism-serves-no-goal': 'links',
  'mechanism-without-metric': 'links',
  'metric-unlinked': 'links',
  'link-forbidden': 'links',
  'link-dangling': 'links',
  'link-duplicate': 'links',
  'link-cycle': 'links',
  'mechanism-function-unset': 'data',
  'metric-without-target-or-baseline': 'data',
  'metric-stale': 'data',
  'node-empty-title': 'data',
  'node-without-owner': 'notes',
};

/** One group of findings and how many there are; `findings` keep the validator's order. */
export interface FindingGroupList {
  group: FindingGroup;
  findings: Finding[];
}

/**
 * Findings in FINDING_GROUPS order, each group keeping the validator's order (errors first, then
 * by node), empty groups left out. O(findings).
 */
export function groupFindings(findings: readonly Finding[]): FindingGroupList[] {
  const lists: Record<FindingGroup, Finding[]> = { strategy: [], links: [], data: [], notes: [] };
  for (const finding of findings) lists[GROUP_OF_CODE[finding.code]].push(finding);
  return FINDING_GROUPS.filter((group) => lists[group].length > 0).map((group) => ({
    group,
    findings: lists[group],
  }));
}
