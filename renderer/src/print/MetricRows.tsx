import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkinTrend, TREND_ARROWS } from '../../../shared/exports/checkin-numbers';
import { VALUE_LABELS } from '../../../shared/exports/outline-labels';
import type { CheckinIndex } from '../../../shared/model/checkins';
import type { Language } from '../../../shared/model/language';
import type { MetricNode } from '../../../shared/model/types';
import { sparklinePoints } from '../../../shared/render/sparkline';
import { amountOrDash, orDash } from './format';
import type { MetricState } from './metric-status';

interface MetricTableProps {
  metrics: readonly MetricNode[];
  states: ReadonlyMap<string, MetricState>;
  language: Language;
  /** Extra first column after the title: what each metric measures (the metrics section). */
  measures?: ReadonlyMap<string, string>;
  caption?: string;
  /** The map's check-ins: the current value's date and its trend (a sparkline and an arrow). */
  history?: CheckinIndex;
}

/** The sparkline's box in CSS pixels: vector SVG, so it prints crisply at any resolution. */
const SPARK = { width: 56, height: 14 };

/** A metric's history as a sparkline with the arrow of its last step, or the dash. */
function Trend(props: { metric: MetricNode; history: CheckinIndex; language: Language; dash: string }) {
  const { metric, history, language, dash } = props;
  const list = history.history(metric.id);
  const trend = checkinTrend(list);
  if (list.length === 0) return <>{dash}</>;
  const label = trend === null ? undefined : VALUE_LABELS[language].trend[trend];
  return (
    <span className="print-trend">
      {list.length > 1 ? (
        <svg
          className="print-spark"
          width={SPARK.width}
          height={SPARK.height}
          viewBox={`0 0 ${SPARK.width} ${SPARK.height}`}
          aria-hidden="true"
        >
          <polyline
            points={sparklinePoints(
              list.map((c) => c.value),
              SPARK.width,
              SPARK.height,
              1.5,
            )}
          />
        </svg>
      ) : null}
      {trend === null ? null : (
        <span className={`print-trend__arrow print-trend--${trend}`} title={label}>
          {TREND_ARROWS[trend]}
        </span>
      )}
    </span>
  );
}

/** Metrics with unit, baseline, current (and its date and trend), target, due date, progress and status. */
function MetricTableView({ metrics, states, language, measures, caption, history }: MetricTableProps) {
  const { t } = useTranslation();
  const dash = t('export.print.notSet');
  return (
    <table className="print-table print-metrics">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{t('kinds.metric')}</th>
          {measures ? <th scope="col">{t('export.print.measures')}</th> : null}
          <th scope="col">{t('inspector.labels.unit')}</th>
          <th scope="col" className="num">
            {t('inspector.labels.baseline')}
          </th>
          <th scope="col" className="num">
            {t('inspector.labels.current')}
          </th>
          {history ? (
            <>
              <th scope="col">{t('export.print.asOf')}</th>
              <th scope="col">{t('export.print.trend')}</th>
            </>
          ) : null}
          <th scope="col" className="num">
            {t('inspector.labels.target')}
          </th>
          <th scope="col">{t('export.print.due')}</th>
          <th scope="col">{t('inspector.labels.status')}</th>
        </tr>
      </thead>
      <tbody>
        {metrics.map((metric) => {
          const state = states.get(metric.id);
          const status = state?.status ?? 'unknown';
          return (
            <tr key={metric.id}>
              <th scope="row">{metric.title.trim() === '' ? t('node.untitled') : metric.title}</th>
              {measures ? <td>{orDash(measures.get(metric.id), dash)}</td> : null}
              <td>{orDash(metric.unit, dash)}</td>
              <td className="num">{amountOrDash(metric.baseline, metric.unit, language, dash)}</td>
              <td className="num">{amountOrDash(metric.current, metric.unit, language, dash)}</td>
              {history ? (
                <>
                  <td className="nowrap">{orDash(history.latest(metric.id)?.date, dash)}</td>
                  <td className="nowrap">
                    <Trend metric={metric} history={history} language={language} dash={dash} />
                  </td>
                </>
              ) : null}
              <td className="num">{amountOrDash(metric.target, metric.unit, language, dash)}</td>
              <td className="nowrap">{orDash(metric.dueDate, dash)}</td>
              <td className={`status status--${status}`}>
                {t(`inspector.status.${status}`)}
                {state?.percent !== null && state?.percent !== undefined ? ` · ${state.percent}%` : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface MetricListProps {
  metrics: readonly MetricNode[];
  states: ReadonlyMap<string, MetricState>;
  language: Language;
}

/**
 * Metrics as one line each (baseline, current, target, due, status): the outline's form. Lighter
 * than a table per mechanism, which in a tagged PDF costs a structure element per cell.
 */
export function MetricList({ metrics, states, language }: MetricListProps) {
  const { t } = useTranslation();
  const dash = t('export.print.notSet');
  return (
    <ul className="print-metric-list">
      {metrics.map((metric) => {
        const state = states.get(metric.id);
        const status = state?.status ?? 'unknown';
        const amount = (value: number | null) => amountOrDash(value, metric.unit, language, dash);
        return (
          <li key={metric.id}>
            <strong>{metric.title.trim() === '' ? t('node.untitled') : metric.title}</strong>
            {' · '}
            {[
              t('inspector.progress.baseline', { value: amount(metric.baseline) }),
              t('inspector.progress.current', { value: amount(metric.current) }),
              t('inspector.progress.target', { value: amount(metric.target) }),
              t('export.print.dueOn', { date: orDash(metric.dueDate, dash) }),
            ].join(' · ')}
            {' · '}
            <span className={`status status--${status}`}>
              {t(`inspector.status.${status}`)}
              {state?.percent !== null && state?.percent !== undefined ? ` ${state.percent}%` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Memoised: the print view re-renders while it fits the first page; this part need not. */
export const MetricTable = memo(MetricTableView);
