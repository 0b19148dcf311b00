import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model/language';
import type { GoalNode, MechanismNode } from '../../../shared/model/types';
import type { OutlineMechanism, PlanOutline } from '../../../shared/print/plan-outline';
import { joinList, orDash } from './format';
import { MetricList } from './MetricRows';
import type { MetricState } from './metric-status';

interface OutlineSectionProps {
  outline: PlanOutline;
  states: ReadonlyMap<string, MetricState>;
  language: Language;
  /** Goals the validator says have no execution path. */
  withoutPath: ReadonlySet<string>;
}

/**
 * The plan in writing, goal by goal. Every goal is an h3 (a bookmark in the PDF's outline), every
 * mechanism an h4 with its owner, function, dates and status, then the metrics that measure it.
 */
function OutlineSectionView({ outline, states, language, withoutPath }: OutlineSectionProps) {
  const { t } = useTranslation();
  const untitled = (title: string) => (title.trim() === '' ? t('node.untitled') : title);
  return (
    <section className="print-section print-outline" aria-labelledby="print-outline-heading">
      <h2 id="print-outline-heading">{t('export.print.outlineHeading')}</h2>
      {outline.goals.map(({ goal, number, depth, subGoals, mechanisms, outcomeMetrics }) => (
        <article className="print-goal" key={goal.id} style={{ marginLeft: `${Math.min(depth, 4) * 14}px` }}>
          <h3>
            <span className="print-number">{number}</span> {untitled(goal.title)}
            {withoutPath.has(goal.id) ? (
              <span className="print-flag"> · {t('export.print.noPath')}</span>
            ) : null}
          </h3>
          <p className="print-meta">{goalMeta(goal, t)}</p>
          {subGoals.length > 0 ? (
            <p className="print-meta">
              {t('export.print.subGoals', {
                titles: joinList(
                  subGoals.map((g) => untitled(g.title)),
                  language,
                ),
              })}
            </p>
          ) : null}
          {mechanisms.length === 0 && subGoals.length === 0 ? (
            <p className="print-empty">{t('export.print.noMechanisms')}</p>
          ) : null}
          {mechanisms.map((entry) => (
            <MechanismBlock key={entry.mechanism.id} entry={entry} states={states} language={language} />
          ))}
          {outcomeMetrics.length > 0 ? (
            <>
              <p className="print-list-caption">{t('export.print.outcomeMetrics')}</p>
              <MetricList metrics={outcomeMetrics} states={states} language={language} />
            </>
          ) : null}
        </article>
      ))}
      {outline.looseMechanisms.length > 0 || outline.looseMetrics.length > 0 ? (
        <article className="print-goal">
          <h3>{t('export.print.looseHeading')}</h3>
          {outline.looseMechanisms.map((entry) => (
            <MechanismBlock key={entry.mechanism.id} entry={entry} states={states} language={language} />
          ))}
          {outline.looseMetrics.length > 0 ? (
            <MetricList metrics={outline.looseMetrics} states={states} language={language} />
          ) : null}
        </article>
      ) : null}
    </section>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function MechanismBlock({
  entry,
  states,
  language,
}: {
  entry: OutlineMechanism;
  states: ReadonlyMap<string, MetricState>;
  language: Language;
}) {
  const { t } = useTranslation();
  const { mechanism, metrics } = entry;
  return (
    <div className="print-mechanism">
      <h4>{mechanism.title.trim() === '' ? t('node.untitled') : mechanism.title}</h4>
      <p className="print-meta">{mechanismMeta(mechanism, t)}</p>
      {metrics.length === 0 ? (
        <p className="print-empty">{t('export.print.noMetrics')}</p>
      ) : (
        <MetricList metrics={metrics} states={states} language={language} />
      )}
    </div>
  );
}

function goalMeta(goal: GoalNode, t: Translate): string {
  const dash = t('export.print.notSet');
  return [
    t('export.print.meta.owner', { owner: orDash(goal.owner, dash) }),
    goal.horizon.trim() !== '' ? t('export.print.meta.horizon', { horizon: goal.horizon }) : null,
    goal.priority !== null
      ? t('export.print.meta.priority', { priority: t(`inspector.options.priority.${goal.priority}`) })
      : null,
    t('export.print.meta.status', { status: t(`inspector.options.goalStatus.${goal.status}`) }),
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

function mechanismMeta(mechanism: MechanismNode, t: Translate): string {
  const dash = t('export.print.notSet');
  const dated = mechanism.startDate !== null || mechanism.dueDate !== null;
  return [
    t('export.print.meta.function', { function: t(`functions.${mechanism.function}`) }),
    t('export.print.meta.owner', { owner: orDash(mechanism.owner, dash) }),
    dated
      ? t('export.print.meta.dates', {
          dates: t('export.print.dates', {
            start: mechanism.startDate ?? dash,
            due: mechanism.dueDate ?? dash,
          }),
        })
      : null,
    t('export.print.meta.status', { status: t(`inspector.options.mechanismStatus.${mechanism.status}`) }),
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/** Memoised: the print view re-renders while it fits the first page; this part need not. */
export const OutlineSection = memo(OutlineSectionView);
