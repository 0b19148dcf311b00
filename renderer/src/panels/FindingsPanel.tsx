import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/validation/findings';
import { healthSummary } from '../../../shared/validation/summary';
import { useLanguage } from '../i18n/use-language';
import { useMapStore, useMapStoreApi } from '../store/context';
import { nodeSize, type PlanFlowNode } from '../store/plan-flow';

/** The validator's findings, live; a click selects the node concerned and centres it. */
export function FindingsPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const findings = useMapStore((s) => s.findings);
  const store = useMapStoreApi();
  const flow = useReactFlow<PlanFlowNode>();
  // The findings change with every content edit and only then: not on drag frames or selection,
  // which at 1,000 nodes would re-render this long list sixty times a second.
  const summary = useMemo(
    () =>
      healthSummary(
        store.getState().nodes.map((n) => n.data.plan),
        findings,
      ),
    [findings, store],
  );

  const show = useCallback(
    (finding: Finding) => {
      const id = finding.nodeIds[0];
      if (!id) return;
      const node = flow.getNode(id);
      if (!node) return;
      store.getState().selectOnly(id);
      const { width, height } = nodeSize(node);
      void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
        zoom: Math.max(flow.getZoom(), 1),
        duration: 300,
      });
    },
    [flow, store],
  );

  return (
    <aside className="findings" aria-labelledby="findings-heading" data-testid="findings-panel">
      <h2 id="findings-heading" className="panel-heading">
        {t('findings.heading')} <span className="findings__count">{findings.length}</span>
      </h2>
      <p className="findings__summary" data-testid="health-summary">
        {t('findings.summary', { withPath: summary.goalsWithPath, count: summary.goals })}
      </p>
      {findings.length === 0 ? (
        <p className="findings__none">{t('findings.none')}</p>
      ) : (
        <ul className="findings__list">
          {findings.map((f) => (
            <li key={`${f.code}:${f.nodeIds.join(',')}:${f.linkIds.join(',')}`}>
              <button
                type="button"
                className={`finding finding--${f.severity}`}
                data-testid="finding"
                data-code={f.code}
                data-node-id={f.nodeIds[0] ?? ''}
                onClick={() => show(f)}
              >
                <span className={`finding__severity finding__severity--${f.severity}`}>
                  {t(`findings.severity.${f.severity}`)}
                </span>
                <span className="finding__message">{f.message[language]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
