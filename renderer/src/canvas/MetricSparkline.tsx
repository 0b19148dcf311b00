import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../shared/model/amount';
import type { MetricNode } from '../../../shared/model/types';
import { chartGeometry } from '../../../shared/render/sparkline';
import type { CardCheckin } from './card-checkins';

const BOX = { width: 76, height: 20, pad: 3 };

/**
 * A metric card's latest check-ins as a small line beside its kind, its target as a dashed line
 * when set. The card's status chip keeps the latest value against the target (CardStatusBadge):
 * this adds the shape of the way there, without making the card taller.
 */
export function MetricSparkline({ metric, recent }: { metric: MetricNode; recent: readonly CardCheckin[] }) {
  const { t, i18n } = useTranslation();
  const geometry = chartGeometry(
    recent.map((c, i) => ({ x: i, value: c.value })),
    BOX,
    [metric.target],
  );
  if (!geometry) return null;
  const amount = (value: number) => formatAmount(value, metric.unit, i18n.language);
  const first = recent[0] as CardCheckin;
  const last = geometry.points[geometry.points.length - 1] as { x: number; y: number };
  const label = t('metricCheckins.card.spark', {
    count: recent.length,
    from: amount(first.value),
    to: amount((recent[recent.length - 1] as CardCheckin).value),
  });
  return (
    <svg
      className="card-spark"
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      width={BOX.width}
      height={BOX.height}
      role="img"
      aria-label={label}
      data-testid="card-sparkline"
      data-points={recent.length}
    >
      <title>{label}</title>
      {metric.target !== null ? (
        <line
          className="card-spark__target"
          x1={0}
          x2={BOX.width}
          y1={geometry.yOf(metric.target)}
          y2={geometry.yOf(metric.target)}
        />
      ) : null}
      <path className="card-spark__line" d={geometry.line} />
      <circle className="card-spark__last" cx={last.x} cy={last.y} r={2.5} />
    </svg>
  );
}

/** A stale metric card's note of the day of its last value ("last value 2026-11-02"). */
export function StaleNote({ date }: { date: string }) {
  const { t } = useTranslation();
  return (
    <div className="card-stale" data-testid="card-stale" title={t('metricCheckins.card.stale', { date })}>
      <span aria-hidden="true">◷ </span>
      {t('metricCheckins.card.lastValue', { date })}
    </div>
  );
}
