import type { TFunction } from 'i18next';
import type { HealthSummary } from '../../../shared/validation/summary';

/**
 * The plan's headline, the one wording for the findings panel and the PDF's first page: "7 of 7
 * goals have an execution path · 1 has no closed loop", so a goal that only brings people in is not
 * hidden behind a count of paths.
 */
export function healthHeadline(summary: HealthSummary, t: TFunction): string {
  if (summary.goals === 0) return t('findings.noGoals');
  const paths = t('findings.summary', { withPath: summary.goalsWithPath, count: summary.goals });
  if (summary.goalsWithoutClosedLoop === 0) return paths;
  return `${paths} · ${t('planCheck.noClosedLoop', { count: summary.goalsWithoutClosedLoop })}`;
}
