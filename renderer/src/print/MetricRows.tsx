import { useTranslation } from 'react-i18next';
import type { MetricNode } from '../../../shared/model/types';
import type { Language } from '../../../shared/validation/findings';
import { formatAmount, orDash } from './format';
import type { MetricState } from './metric-status';

interface MetricTableProps {
  metrics: readonly MetricNode[];
  states: ReadonlyMap<string, MetricState>;
  language: Language;
  /** Extra first column after the title: what each metric measures (the metrics section). */
  measures?: ReadonlyMap<string, string>;
  caption?: string;
}

/** Metrics with unit, baseline, current, target, due date, progress and status. */
export function MetricTable({ metrics, states, language, measures, caption }: MetricTableProps) {
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
          <th scope="col">{t('inspector.labels.baseline')}</th>
          <th scope="col">{t('inspector.labels.current')}</th>
          <th scope="col">{t('inspector.labels.target')}</th>
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
              <td className="num">{formatAmount(metric.baseline, metric.unit, language, dash)}</td>
              <td className="num">{formatAmount(metric.current, metric.unit, language, dash)}</td>
              <td className="num">{formatAmount(metric.target, metric.unit, language, dash)}</td>
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
