import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapDocument } from '../../../shared/contract/api';
import { VALUE_LABELS } from '../../../shared/exports/outline-labels';
import { CheckinIndex } from '../../../shared/model/checkins';
import { localToday } from '../../../shared/model/local-today';
import { hasSection, type PdfChoices } from '../../../shared/print/export-choices';
import { pdfEngineOptions } from '../../../shared/print/pdf-options';
import { planOutline } from '../../../shared/print/plan-outline';
import { formatPrintDate } from '../../../shared/print/print-date';
import { legendEntries, type MapSvgLabels, prepareDrawing, swatchSvg } from '../../../shared/render';
import { DRAWING_LABELS } from '../../../shared/render/drawing-labels';
import { healthSummary } from '../../../shared/validation/summary';
import { validateMap } from '../../../shared/validation/validate';
import { healthHeadline } from '../panels/health-headline';
import { ChangesSection, type PrintedVersion } from './ChangesSection';
import { FindingsSection } from './FindingsSection';
import { joinList } from './format';
import { MapPages } from './MapPages';
import { MetricTable } from './MetricRows';
import { metricStates } from './metric-status';
import { OutlineSection } from './OutlineSection';
import { mapPageLayout } from './print-layout';

interface PrintDocumentProps {
  map: MapDocument;
  choices: PdfChoices;
  /** The saved version of the "Changes since …" section (choices.changesSince), when chosen. */
  changesSince?: PrintedVersion | null;
  /** Called once, after the last layout: the page is complete. */
  onLaidOut(): void;
}

/**
 * The document: a header (title, subtitle, date, health in one line), the map with its legend,
 * the outline, the metrics and the findings, in the chosen sections and language. The page box is
 * fixed to the paper's content width, so what is measured on screen is what prints.
 */
export function PrintDocument({ map, choices, changesSince = null, onLaidOut }: PrintDocumentProps) {
  const { t } = useTranslation();
  const language = choices.language;
  const title = choices.title.trim() || map.name;
  const today = choices.date || localToday();
  const engine = useMemo(() => pdfEngineOptions(choices, map.name), [choices, map.name]);
  // Built once from the map's check-ins: the metrics table's dates and trends, and staleness.
  const history = useMemo(() => new CheckinIndex(map.checkins ?? []), [map.checkins]);
  const findings = useMemo(
    () => validateMap({ nodes: map.nodes, links: map.links, history, today }),
    [map.nodes, map.links, history, today],
  );
  const summary = healthSummary(map.nodes, findings);
  const nodesById = useMemo(() => new Map(map.nodes.map((n) => [n.id, n])), [map.nodes]);
  const states = useMemo(() => metricStates(map.nodes, map.links, today), [map, today]);
  const withoutPath = useMemo(
    () =>
      new Set(
        findings
          .filter((f) => f.code === 'goal-without-execution-path')
          .flatMap((f) => f.nodeIds.slice(0, 1)),
      ),
    [findings],
  );
  const showMap = hasSection(choices, 'map') && map.nodes.length > 0;

  const labels: MapSvgLabels = DRAWING_LABELS[language];
  const drawing = useMemo(
    () =>
      showMap
        ? prepareDrawing({
            nodes: map.nodes,
            links: map.links,
            labels,
            findings,
            status: { today, language },
          })
        : null,
    [showMap, map, labels, findings, today, language],
  );

  // What the first page holds above the map decides how big the overview can be: measured, then
  // checked: if the overview (with its note) still ends below the first page, the space it may
  // take shrinks by the overflow and the layout runs again, so tile page numbers stay true.
  const doc = useRef<HTMLElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const [aboveMap, setAboveMap] = useState<number | null>(null);
  const [fitted, setFitted] = useState(false);
  const attempts = useRef(0);
  useLayoutEffect(() => {
    setAboveMap(top.current?.getBoundingClientRect().height ?? 0);
  }, []);
  const layout = useMemo(
    () => (drawing && aboveMap !== null ? mapPageLayout(drawing.bounds, engine.contentPx, aboveMap) : null),
    [drawing, aboveMap, engine.contentPx],
  );
  useLayoutEffect(() => {
    if (!layout || fitted) return;
    const overview = doc.current?.querySelector('.print-overview');
    const start = top.current?.getBoundingClientRect().top ?? 0;
    const bottom = overview ? overview.getBoundingClientRect().bottom - start : 0;
    const overflow = bottom - (engine.contentPx.height - 2);
    if (overflow > 0 && attempts.current < 4) {
      attempts.current += 1;
      setAboveMap((above) => (above ?? 0) + overflow + 4);
    } else setFitted(true);
  }, [layout, fitted, engine.contentPx.height]);
  const complete = !showMap || (layout !== null && fitted);

  useEffect(() => {
    document.title = title;
  }, [title]);
  const signalled = useRef(false);
  useEffect(() => {
    if (!complete || signalled.current) return;
    signalled.current = true;
    onLaidOut();
  }, [complete, onLaidOut]);

  const outline = useMemo(() => planOutline(map.nodes, map.links), [map]);
  const measures = useMemo(() => measuredBy(map, labels.untitled), [map, labels.untitled]);
  const metrics = map.nodes.filter((n) => n.kind === 'metric');
  const counts = joinList(
    [
      t('export.print.errors', { count: summary.errors }),
      t('export.print.warnings', { count: summary.warnings }),
      t('export.print.infos', { count: summary.infos }),
    ],
    language,
  );

  return (
    <main
      ref={doc}
      className="print-doc"
      style={{ width: `${engine.contentPx.width}px` }}
      data-testid="print-doc"
    >
      <style>{engine.pageCss}</style>
      <div ref={top}>
        <header className="print-header">
          <h1>{title}</h1>
          {choices.subtitle.trim() !== '' ? <p className="print-subtitle">{choices.subtitle}</p> : null}
          <p className="print-health">
            {choices.date !== '' ? <span>{formatPrintDate(choices.date, language)} · </span> : null}
            <strong data-testid="print-headline">{healthHeadline(summary, t)}</strong>
            <span> · {counts}</span>
          </p>
        </header>
        {showMap ? (
          <>
            <h2 className="print-map-heading">{t('export.print.mapHeading')}</h2>
            <ul className="print-legend">
              {legendEntries({
                kinds: labels.kinds,
                link: t('export.print.legend.link'),
                flaggedLink: t('export.print.legend.flaggedLink'),
                severities: {
                  error: t('findings.severity.error'),
                  warning: t('findings.severity.warning'),
                  info: t('findings.severity.info'),
                },
                statuses: VALUE_LABELS[language].progress,
              }).map((entry) => (
                <li key={entry.label}>
                  <span
                    // biome-ignore lint/security/noDangerouslySetInnerHtml: fixed swatch markup from shared/render
                    dangerouslySetInnerHTML={{ __html: swatchSvg(entry) }}
                  />
                  {entry.label}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {drawing && layout ? <MapPages drawing={drawing} layout={layout} firstTilePage={2} /> : null}
      {/* The body waits for the header's height: measured alone, the first layout is a
          header's, not the whole document's (on a 200-node plan that layout cost a fifth of a second). */}
      {aboveMap === null ? null : (
        <div className={showMap ? 'print-after-map' : undefined}>
          {changesSince ? <ChangesSection since={changesSince} now={map} language={language} /> : null}
          {hasSection(choices, 'outline') ? (
            <OutlineSection outline={outline} states={states} language={language} withoutPath={withoutPath} />
          ) : null}
          {hasSection(choices, 'metrics') && metrics.length > 0 ? (
            <section className="print-section" aria-labelledby="print-metrics-heading">
              <h2 id="print-metrics-heading">{t('export.print.metricsHeading')}</h2>
              <MetricTable
                metrics={metrics}
                states={states}
                language={language}
                measures={measures}
                history={history.size > 0 ? history : undefined}
              />
            </section>
          ) : null}
          {hasSection(choices, 'findings') ? (
            <FindingsSection findings={findings} nodes={nodesById} language={language} />
          ) : null}
        </div>
      )}
    </main>
  );
}

/** For each metric, the titles of what it measures (its mechanisms, or goals for outcome metrics). */
function measuredBy(map: MapDocument, untitled: string): Map<string, string> {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const result = new Map<string, string[]>();
  for (const link of map.links) {
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    if (!source || target?.kind !== 'metric' || source.kind === 'metric') continue;
    const list = result.get(target.id) ?? [];
    list.push(source.title.trim() === '' ? untitled : source.title);
    result.set(target.id, list);
  }
  return new Map([...result].map(([id, titles]) => [id, titles.join(' / ')]));
}
