import { useReactFlow, useStoreApi, ViewportPortal } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffMaps } from '../../../shared/diff';
import { diffReport } from '../../../shared/exports/diff-report';
import type { MapContent } from '../../../shared/model';
import type { VersionSummary } from '../../../shared/versions';
import { type CompareMark, useCompareMarks } from '../canvas/compare-marks';
import { frameNodes } from '../canvas/fit-view';
import { useLanguage } from '../i18n/use-language';
import { useMapStore, useMapStoreApi } from '../store/context';
import { linkOf, type PlanFlowNode, planOf } from '../store/plan-flow';

/** How a link added since the version is drawn (versions.css cannot name the links). */
const ADDED_LINK = 'stroke: light-dark(#15803d, #4ade80); stroke-width: 3px;';

export interface VersionCompareProps {
  version: VersionSummary;
  /** The version's content, compared with the map as it is now (followed live). */
  content: MapContent;
  /** The heading, when the map shown is not the live one (two versions compared). */
  title?: string;
  onClose(): void;
}

/**
 * The changes since a saved version, beside the map: the same report as the command line's and the
 * Markdown's (shared/exports/diff-report.ts) in the UI's language, following the map as it changes.
 * A click on a change selects its node and frames it on the canvas (a removed node is not there).
 */
export function VersionCompare({ version, content, title, onClose }: VersionCompareProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nodes = useMapStore((s) => s.nodes);
  const edges = useMapStore((s) => s.edges);
  const store = useMapStoreApi();
  const flow = useReactFlow<PlanFlowNode>();
  const flowStore = useStoreApi<PlanFlowNode>();
  const { diff, report } = useMemo(() => {
    const now: MapContent = { nodes: nodes.map(planOf), links: edges.map(linkOf) };
    const diff = diffMaps(content, now);
    return { diff, report: diffReport(diff, content, now, language, (text) => text) };
  }, [nodes, edges, content, language]);

  // The canvas marks what was added and changed while the comparison is open.
  useEffect(() => {
    const marks = new Map<string, CompareMark>();
    for (const node of diff.nodes.added) marks.set(node.id, 'added');
    for (const change of diff.nodes.changed) marks.set(change.id, 'changed');
    // What changed on each node, as the side list says it (a metric's value move included).
    const details = new Map<string, string[]>();
    for (const section of report.sections) {
      if (section.kind !== 'nodesChanged' && section.kind !== 'metricsMoved') continue;
      for (const item of section.items) {
        const lines = details.get(item.nodeId) ?? [];
        lines.push(...(item.details.length > 0 ? item.details : [item.text]));
        details.set(item.nodeId, lines);
      }
    }
    useCompareMarks.getState().set(marks, new Map([...details].map(([id, lines]) => [id, lines.join('\n')])));
  }, [diff, report]);
  useEffect(() => () => useCompareMarks.getState().set(new Map()), []);
  // Removed nodes, as ghosts where they were in the version, and removed links between the places
  // their ends had then (a card is 240 by about 88: a link runs from the right middle to the left).
  const ghosts = useMemo(() => {
    const removed = new Set(diff.nodes.removed.map((n) => n.id));
    const at = new Map(content.nodes.map((n) => [n.id, n.position]));
    const links = diff.links.removed.flatMap((link) => {
      const from = at.get(link.source);
      const to = at.get(link.target);
      return from && to ? [{ id: link.id, x1: from.x + 240, y1: from.y + 44, x2: to.x, y2: to.y + 44 }] : [];
    });
    return { nodes: content.nodes.filter((n) => removed.has(n.id)), links };
  }, [diff, content]);
  // Links added since: drawn green by their React Flow element's id (ids are letters, digits, _ and -).
  const addedLinkStyle = diff.links.added
    .map((link) => link.id)
    .filter((id) => /^[A-Za-z0-9_-]+$/.test(id))
    .map((id) => `.react-flow__edge[data-id="${id}"] .react-flow__edge-path`)
    .join(',\n');

  const show = (id: string) => {
    if (!flow.getNode(id)) return;
    store.getState().selectOnly(id);
    const { width, height } = flowStore.getState();
    frameNodes(flow, [id], { width, height }, 300);
  };

  return (
    <>
      {addedLinkStyle ? <style>{`${addedLinkStyle} { ${ADDED_LINK} }`}</style> : null}
      <ViewportPortal>
        <svg className="compare-ghost-links" aria-hidden="true">
          {ghosts.links.map((line) => (
            <line
              key={line.id}
              x1={line.x1}
              y1={line.y1}
              x2={line.x2}
              y2={line.y2}
              data-testid="compare-ghost-link"
            />
          ))}
        </svg>
        {ghosts.nodes.map((node) => (
          <div
            key={node.id}
            className={`compare-ghost compare-ghost--${node.kind}`}
            style={{ transform: `translate(${node.position.x}px, ${node.position.y}px)` }}
            data-testid="compare-ghost"
            aria-hidden="true"
          >
            <div className="compare-ghost__kind">{t(`kinds.${node.kind}`)}</div>
            <div className="compare-ghost__title">{node.title || t('node.untitled')}</div>
          </div>
        ))}
      </ViewportPortal>
      <aside
        className="version-compare"
        aria-labelledby="version-compare-title"
        data-testid="version-compare"
      >
        <header className="version-compare__header">
          <h2 id="version-compare-title" className="version-compare__title">
            {title ?? t('versions.compareTitle', { label: version.label })}
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
    </>
  );
}
