import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffMaps } from '../../../shared/diff';
import { diffReport } from '../../../shared/exports/diff-report';
import type { MapContent } from '../../../shared/model';
import type { VersionSummary } from '../../../shared/versions';
import { frameNodes } from '../canvas/fit-view';
import { useLanguage } from '../i18n/use-language';
import { useMapStore, useMapStoreApi } from '../store/context';
import { linkOf, type PlanFlowNode, planOf } from '../store/plan-flow';

export interface VersionCompareProps {
  version: VersionSummary;
  /** The version's content, compared with the map as it is now (followed live). */
  content: MapContent;
  onClose(): void;
}

/**
 * The changes since a saved version, beside the map: the same report as the command line's and the
 * Markdown's (shared/exports/diff-report.ts) in the UI's language, following the map as it changes.
 * A click on a change selects its node and frames it on the canvas (a removed node is not there).
 */
export function VersionCompare({ version, content, onClose }: VersionCompareProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nodes = useMapStore((s) => s.nodes);
  const edges = useMapStore((s) => s.edges);
  const store = useMapStoreApi();
  const flow = useReactFlow<PlanFlowNode>();
  const flowStore = useStoreApi<PlanFlowNode>();
  const report = useMemo(() => {
    const now: MapContent = { nodes: nodes.map(planOf), links: edges.map(linkOf) };
    return diffReport(diffMaps(content, now), content, now, language, (text) => text);
  }, [nodes, edges, content, language]);

  const show = (id: string) => {
    if (!flow.getNode(id)) return;
    store.getState().selectOnly(id);
    const { width, height } = flowStore.getState();
    frameNodes(flow, [id], { width, height }, 300);
  };

  return (
    <aside className="version-compare" aria-labelledby="version-compare-title" data-testid="version-compare">
      <header className="version-compare__header">
        <h2 id="version-compare-title" className="version-compare__title">
          {t('versions.compareTitle', { label: version.label })}
        </h2>
        <button
          type="button"
          className="button version-compare__close"
          onClick={onClose}
          aria-label={t('versions.compareClose')}
          title={t('versions.compareClose')}
          data-testid="version-compare-close"
        >
          ×
        </button>
      </header>
      <p className="version-compare__summary" data-testid="version-compare-summary">
        {report.summary}
      </p>
      {report.empty ? null : <p className="version-compare__hint">{t('versions.compareHint')}</p>}
      <div className="version-compare__sections">
        {report.sections.map((section) => (
          <section key={section.heading} className="version-compare__section">
            <h3>{section.heading}</h3>
            <ul>
              {section.items.map((item) => (
                <li key={`${item.nodeId} ${item.text}`}>
                  <button
                    type="button"
                    className="version-compare__item"
                    onClick={() => show(item.nodeId)}
                    data-testid="version-compare-item"
                  >
                    {item.text}
                  </button>
                  {item.details.length > 0 ? (
                    <ul className="version-compare__details">
                      {item.details.map((detail) => (
                        <li key={detail}>{detail}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
