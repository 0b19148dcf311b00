import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../../shared/model/local-today';
import { type GoalHealth, goalHealth, type ProgressStatus } from '../../../../shared/model/metric-progress';
import { STATUS_ICON, StatusBadge } from './StatusBadge';
import { useMapContent } from './use-map-content';

/** Worst first, as the roll-up ranks them; unknown last. */
const ORDER: readonly ProgressStatus[] = [
  'off-track',
  'at-risk',
  'on-track',
  'achieved',
  'no-due-date',
  'unknown',
];

function countOf(health: GoalHealth, status: ProgressStatus): number {
  switch (status) {
    case 'off-track':
      return health.offTrack;
    case 'at-risk':
      return health.atRisk;
    case 'on-track':
      return health.onTrack;
    case 'achieved':
      return health.achieved;
    case 'no-due-date':
      return health.noDueDate;
    default:
      return health.unknown;
  }
}

/**
 * A goal's health: the status of every metric it reaches through its links (sub-goals, mechanisms,
 * outcome metrics), counted, with the worst known status as the overall one.
 */
export function GoalHealthView({ goalId }: { goalId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const content = useMapContent();
  const health = useMemo(
    () => goalHealth(goalId, content.nodes, content.links, localToday()),
    [goalId, content],
  );
  const present = ORDER.filter((s) => countOf(health, s) > 0);

  return (
    <section
      className="inspector__derived"
      aria-labelledby={headingId}
      data-testid="goal-health"
      data-status={health.status}
      data-metrics={health.metrics}
    >
      <div className="inspector__derived-head">
        <h3 id={headingId} className="inspector__subheading">
          {t('inspector.health.heading')}
        </h3>
        {health.metrics > 0 ? <StatusBadge status={health.status} testId="goal-status" /> : null}
      </div>
      {health.metrics === 0 ? (
        <p className="inspector__note">{t('inspector.health.none')}</p>
      ) : (
        <>
          <div className="inspector-health__bar" aria-hidden="true">
            {present.map((s) => (
              <span
                key={s}
                className={`inspector-health__segment inspector-health__segment--${s}`}
                style={{ flexGrow: countOf(health, s) }}
              />
            ))}
          </div>
          <p className="inspector__note">{t('inspector.health.metrics', { count: health.metrics })}</p>
          <ul className="inspector-health__counts">
            {present.map((s) => (
              <li key={s} className={`inspector-health__count inspector-health__count--${s}`} data-status={s}>
                <span className="inspector-status__icon" aria-hidden="true">
                  {STATUS_ICON[s]}
                </span>
                {t('inspector.health.count', {
                  status: t(`inspector.status.${s}`),
                  count: countOf(health, s),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
