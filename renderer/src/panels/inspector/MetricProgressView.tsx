import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../../shared/model/amount';
import { localToday } from '../../../../shared/model/local-today';
import { metricProgress, metricStartDate } from '../../../../shared/model/metric-progress';
import type { MetricNode } from '../../../../shared/model/types';
import { clampShare, formatShare } from './format';
import { StatusBadge } from './StatusBadge';
import { useMapContent } from './use-map-content';

/**
 * A metric's progress from baseline to target: a bar (clamped to 0..100 % for display, the true
 * share in words), the three numbers, the share expected by today when the metric has a time frame,
 * and its status.
 */
export function MetricProgressView({ metric }: { metric: MetricNode }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const content = useMapContent();
  const language = i18n.language;
  const start = useMemo(() => metricStartDate(metric.id, content.nodes, content.links), [metric.id, content]);
  const { progress, expected, status } = metricProgress(metric, localToday(), start);
  const { baseline, target, current, unit } = metric;
  const amount = (value: number) => formatAmount(value, unit, language);

  return (
    <section
      className="inspector__derived"
      aria-labelledby={headingId}
      data-testid="metric-progress"
      data-status={status}
      data-progress={progress ?? ''}
    >
      <div className="inspector__derived-head">
        <h3 id={headingId} className="inspector__subheading">
          {t('inspector.progress.heading')}
        </h3>
        <StatusBadge status={status} testId="metric-status" />
      </div>
      {progress !== null ? (
        <>
          <div
            className={`inspector-progress inspector-progress--${status}`}
            role="progressbar"
            aria-label={t('inspector.progress.label')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(clampShare(progress) * 100)}
            aria-valuetext={t('inspector.progress.share', { percent: formatShare(progress, language) })}
          >
            <div className="inspector-progress__fill" style={{ width: `${clampShare(progress) * 100}%` }} />
            {expected !== null ? (
              <div className="inspector-progress__expected" style={{ left: `${expected * 100}%` }} />
            ) : null}
          </div>
          <div className="inspector-progress__scale">
            <span>{t('inspector.progress.baseline', { value: amount(baseline ?? 0) })}</span>
            <span>{t('inspector.progress.target', { value: amount(target ?? 0) })}</span>
          </div>
          <p className="inspector-progress__summary" data-testid="progress-summary">
            <strong>{t('inspector.progress.current', { value: amount(current ?? 0) })}</strong>
            {' · '}
            {t('inspector.progress.share', { percent: formatShare(progress, language) })}
          </p>
          {expected !== null ? (
            <p className="inspector-progress__expected-text">
              <span className="inspector-progress__expected-key" aria-hidden="true" />
              {t('inspector.progress.expected', { percent: formatShare(expected, language) })}
            </p>
          ) : null}
        </>
      ) : (
        <p className="inspector__note" data-testid="progress-summary">
          {baseline === null || target === null || current === null
            ? t('inspector.progress.missing')
            : `${t('inspector.progress.current', { value: amount(current) })} · ${t('inspector.progress.hold')}`}
        </p>
      )}
    </section>
  );
}
