import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FindingGroup, groupFindings } from '../../../shared/validation/finding-groups';
import type { Finding, Severity } from '../../../shared/validation/findings';
import { goalFocus } from '../../../shared/validation/goal-focus';
import { healthSummary } from '../../../shared/validation/summary';
import { frameNodes } from '../canvas/fit-view';
import { useLanguage } from '../i18n/use-language';
import { useMapStore, useMapStoreApi } from '../store/context';
import type { PlanFlowNode } from '../store/plan-flow';
import { healthHeadline } from './health-headline';

/**
 * How many findings the panel lists before a "Show more" button. A large map has thousands (a
 * 1,000-node map about 650), more than anyone reads in a list, and drawing them all again after
 * every edit made each edit about a third slower at 1,000 nodes. The strategy comes first, so the
 * first hundred are the ones that matter most.
 */
export const FINDINGS_SHOWN_AT_ONCE = 100;

/** Groups whose findings are folded until opened: the notes (who owns what) would bury the rest. */
const FOLDED_AT_FIRST: ReadonlySet<FindingGroup> = new Set(['notes']);

/** The validator's findings, live; a click selects the node concerned and frames all the finding names. */
export function FindingsPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const findings = useMapStore((s) => s.findings);
  const mapId = useMapStore((s) => s.mapId);
  const store = useMapStoreApi();
  // How far the list was opened, and on which map: another map starts with the first hundred again
  // in its very first render (an effect would draw the old, longer list once first).
  const [opened, setOpened] = useState({ mapId, limit: FINDINGS_SHOWN_AT_ONCE });
  const limit = opened.mapId === mapId ? opened.limit : FINDINGS_SHOWN_AT_ONCE;
  // After "Show more", focus goes to the first finding it added, so a keyboard user reads on.
  const list = useRef<HTMLDivElement>(null);
  const focusFrom = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the longer list is drawn.
  useEffect(() => {
    if (focusFrom.current === null) return;
    const at = focusFrom.current;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLButtonElement>('.finding')[at]?.focus();
  }, [limit]);
  const severityLabel = useMemo<Record<Severity, string>>(
    () => ({
      error: t('findings.severity.error'),
      warning: t('findings.severity.warning'),
      info: t('findings.severity.info'),
    }),
    [t],
  );
  // Which groups the user opened or folded, on which map; the notes start folded.
  const [toggled, setToggled] = useState<{ mapId: string | null; groups: ReadonlySet<FindingGroup> }>({
    mapId,
    groups: new Set(),
  });
  const flipped = toggled.mapId === mapId ? toggled.groups : new Set<FindingGroup>();
  const isOpen = (group: FindingGroup) => FOLDED_AT_FIRST.has(group) === flipped.has(group);
  const toggle = (group: FindingGroup) => {
    const next = new Set(flipped);
    if (!next.delete(group)) next.add(group);
    setToggled({ mapId, groups: next });
  };
  const groups = useMemo(() => groupFindings(findings), [findings]);
  // The first `limit` findings of the open groups, in group order; folded groups list none.
  let budget = limit;
  let openTotal = 0;
  const lists = groups.map(({ group, findings: all }) => {
    if (!isOpen(group)) return { group, all, shown: [] as Finding[] };
    openTotal += all.length;
    const shown = budget >= all.length ? all : all.slice(0, Math.max(budget, 0));
    budget -= shown.length;
    return { group, all, shown };
  });
  const shownCount = limit - budget;
  const hidden = openTotal - shownCount;
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

  const flowStore = useStoreApi<PlanFlowNode>();
  // A click selects the node concerned and frames everything the finding names: for a goal's
  // finding, the goal with its whole execution path, as the presentation shows it.
  const show = useCallback(
    (finding: Finding) => {
      const id = finding.nodeIds[0];
      if (!id || !flow.getNode(id)) return;
      store.getState().selectOnly(id);
      const state = store.getState();
      const framed = new Set(finding.nodeIds);
      const plans = state.nodes.map((n) => n.data.plan);
      if (plans.find((n) => n.id === id)?.kind === 'goal') {
        for (const pathNode of goalFocus(id, plans, state.edges)?.nodeIds ?? []) framed.add(pathNode);
      }
      const { width, height } = flowStore.getState();
      frameNodes(flow, framed, { width, height }, 300);
    },
    [flow, flowStore, store],
  );

  return (
    <aside className="findings" aria-labelledby="findings-heading" data-testid="findings-panel">
      <h2 id="findings-heading" className="panel-heading">
        {t('findings.heading')} <span className="findings__count">{findings.length}</span>
      </h2>
      {mapId === null ? (
        // No map at all: nothing to check, and no "No goals yet" about a map that is not there.
        <p className="findings__none" data-testid="findings-no-map">
          {t('findings.noMap')}
        </p>
      ) : (
        <p className="findings__summary" data-testid="health-summary">
          {healthHeadline(summary, t)}
        </p>
      )}
      {mapId === null ? null : findings.length === 0 ? (
        // "Every goal has an execution path" would reassure about a map with no goal at all.
        <p className="findings__none">{t(summary.goals === 0 ? 'findings.noGoalsHint' : 'findings.none')}</p>
      ) : (
        <div className="findings__groups" ref={list}>
          {lists.map(({ group, all, shown }) => {
            const open = isOpen(group);
            const name = t(`planCheck.groups.${group}`);
            return (
              <section
                key={group}
                className={`findings__group findings__group--${group}`}
                data-testid="finding-group"
                data-group={group}
                data-count={all.length}
                aria-label={t('planCheck.groupLabel', { group: name, count: all.length })}
              >
                <h3 className="findings__group-heading">
                  <button
                    type="button"
                    className="findings__group-toggle"
                    aria-expanded={open}
                    data-testid="finding-group-toggle"
                    onClick={() => toggle(group)}
                  >
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span> {name}{' '}
                    <span className="findings__group-count">{all.length}</span>
                  </button>
                </h3>
                {open && shown.length > 0 ? (
                  <ul className="findings__list">
                    {shown.map((f) => (
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
                            {severityLabel[f.severity]}
                          </span>
                          <span className="finding__message">{f.message[language]}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </section>
            );
          })}
        </div>
      )}
      {hidden > 0 && (
        <div className="findings__more">
          <p className="findings__shown" data-testid="findings-shown">
            {t('findings.shown', { shown: shownCount, total: openTotal })}
          </p>
          <button
            type="button"
            className="button"
            data-testid="findings-more"
            onClick={() => {
              focusFrom.current = shownCount;
              setOpened({ mapId, limit: shownCount + FINDINGS_SHOWN_AT_ONCE });
            }}
          >
            {t('findings.more', { count: Math.min(hidden, FINDINGS_SHOWN_AT_ONCE) })}
          </button>
        </div>
      )}
    </aside>
  );
}
