import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../../shared/model/amount';
import { dayNumber } from '../../../../shared/model/metric-progress';
import type { Checkin, MetricNode } from '../../../../shared/model/types';
import { chartGeometry } from '../../../../shared/render/sparkline';

const BOX = { width: 300, height: 96, pad: 8 };

/**
 * A metric's check-ins as a line over time (spaced by their dates), with its target as a dashed
 * line and its baseline as a dotted one; what it shows is said in words under it, which is also
 * the chart's accessible description.
 */
export function TrendChart({ metric, history }: { metric: MetricNode; history: readonly Checkin[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const amount = (value: number) => formatAmount(value, metric.unit, i18n.language);
  const points = history.map((c, i) => ({ x: dayNumber(c.date) ?? i, value: c.value }));
  const geometry = chartGeometry(points, BOX, [metric.target, metric.baseline]);
  if (!geometry) return null;
  const first = history[0] as Checkin;
  const last = history[history.length - 1] as Checkin;
  const summary = [
    t('metricCheckins.chart.summary', {
      count: history.length,
      first: first.date,
      last: last.date,
      from: amount(first.value),
      to: amount(last.value),
    }),
    metric.target !== null ? t('metricCheckins.chart.target', { value: amount(metric.target) }) : '',
    metric.baseline !== null ? t('metricCheckins.chart.baseline', { value: amount(metric.baseline) }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <figure className="trend-chart" data-testid="trend-chart" data-points={history.length}>
      <svg
        className="trend-chart__svg"
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{t('metricCheckins.chart.label')}</title>
        {metric.target !== null ? (
          <line
            className="trend-chart__target"
            data-testid="trend-target"
            x1={0}
            x2={BOX.width}
            y1={geometry.yOf(metric.target)}
            y2={geometry.yOf(metric.target)}
          />
        ) : null}
        {metric.baseline !== null ? (
          <line
            className="trend-chart__baseline"
            x1={0}
            x2={BOX.width}
            y1={geometry.yOf(metric.baseline)}
            y2={geometry.yOf(metric.baseline)}
          />
        ) : null}
        <path className="trend-chart__line" d={geometry.line} data-testid="trend-line" />
        {geometry.points.map((p, i) => (
          <circle key={history[i]?.id ?? i} className="trend-chart__dot" cx={p.x} cy={p.y} r={3} />
        ))}
      </svg>
      <figcaption id={descId} className="trend-chart__summary" data-testid="trend-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
