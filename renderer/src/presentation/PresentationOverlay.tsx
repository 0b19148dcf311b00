import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { groupFindings } from '../../../shared/validation/finding-groups';
import { goalFocus } from '../../../shared/validation/goal-focus';
import { frameNodes } from '../canvas/fit-view';
import { useLanguage } from '../i18n/use-language';
import { useMapStore, useMapStoreApi } from '../store/context';
import type { PlanFlowNode } from '../store/plan-flow';
import { PresentationStatus } from './PresentationStatus';
import { presentationStep } from './presentation-goals';

/**
 * How many findings the caption lists, one line each (the whole message in its tooltip), before
 * "and N more": the caption stays under a quarter of a 720 px screen, the path above it.
 */
const FINDINGS_SHOWN = 2;

/** The space kept between the framed path and the caption, in px. */
const CAPTION_GAP = 12;

export interface PresentationOverlayProps {
  goalIds: readonly string[];
  index: number;
  onIndex(index: number): void;
  onExit(): void;
}

/**
 * Presentation mode: full screen, chrome hidden, one goal at a time with its execution path in
 * focus and its findings on screen. Arrow keys, Page Up/Down (what clickers send), Space, Home and
 * End step through the goals; Escape (or leaving full screen) ends it. No key edits the map here.
 */
export function PresentationOverlay({ goalIds, index, onIndex, onExit }: PresentationOverlayProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const store = useMapStoreApi();
  const flow = useReactFlow<PlanFlowNode>();
  const goalId = goalIds[index] ?? null;
  const goal = useMapStore((s) => (goalId ? s.nodes.find((n) => n.id === goalId)?.data.plan : undefined));
  const findings = useMapStore((s) => s.findings);
  const edges = useMapStore((s) => s.edges);

  const focus = useMemo(() => {
    if (!goalId) return null;
    return goalFocus(
      goalId,
      store.getState().nodes.map((n) => n.data.plan),
      edges,
    );
  }, [goalId, edges, store]);

  // The path's findings, strategy first (as the findings panel groups them), so the caption's few
  // lines name the goal's gap before any missing owner.
  const shown = useMemo(
    () =>
      focus
        ? groupFindings(findings.filter((f) => f.nodeIds.some((id) => focus.nodeIds.has(id)))).flatMap(
            (g) => g.findings,
          )
        : [],
    [findings, focus],
  );
  // A path that only brings people in is no green tick: the verdict says the loop is open.
  const noClosedLoop = useMemo(
    () => findings.some((f) => f.code === 'goal-without-closed-loop' && f.nodeIds[0] === goalId),
    [findings, goalId],
  );
  const verdict = !focus?.complete ? 'gap' : noClosedLoop ? 'loop' : 'ok';

  // Full screen while presenting; leaving full screen (Esc in the browser) ends the presentation.
  useEffect(() => {
    const root = document.documentElement;
    let entered = false;
    if (!document.fullscreenElement && root.requestFullscreen) {
      root.requestFullscreen().then(
        () => {
          entered = true;
        },
        () => {
          // Refused (no user gesture, or a kiosk browser): present in the window instead.
        },
      );
    }
    const onChange = () => {
      if (entered && !document.fullscreenElement) onExit();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [onExit]);

  // The presenter's keys, caught before the editing keymap so nothing else reacts.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.keyCode === 229) return;
      const step = presentationStep(e.key);
      if (e.key !== 'F5' && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
      }
      if (step === 'exit') onExit();
      else if (step === 'next') onIndex(Math.min(index + 1, goalIds.length - 1));
      else if (step === 'previous') onIndex(Math.max(index - 1, 0));
      else if (step === 'first') onIndex(0);
      else if (step === 'last') onIndex(goalIds.length - 1);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [goalIds.length, index, onExit, onIndex]);

  // Each step frames the goal's execution path in the area above the caption, centred there, and
  // again whenever the canvas or the caption changes size (entering full screen, the chrome going
  // away, a longer verdict).
  const caption = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus) return;
    let frame = 0;
    const frameThePath = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        const top = caption.current?.getBoundingClientRect().top;
        if (!pane) return;
        const above = { width: pane.width, height: (top ?? pane.bottom) - pane.top - CAPTION_GAP };
        frameNodes(flow, focus.nodeIds, above, 250, { maxZoom: 1.6, padding: '6%' });
      });
    };
    frameThePath();
    const pane = document.querySelector('.react-flow');
    const observer = new ResizeObserver(frameThePath);
    if (pane) observer.observe(pane);
    if (caption.current) observer.observe(caption.current);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [focus, flow]);

  if (!goalId || !goal) {
    return (
      <div className="presentation__caption" data-testid="presentation">
        <p className="presentation__title">{t('presentation.noGoals')}</p>
        <button type="button" className="button" onClick={onExit}>
          {t('presentation.exit')}
        </button>
      </div>
    );
  }

  return (
    <div className="presentation__caption" data-testid="presentation" aria-live="polite" ref={caption}>
      <div className="presentation__head">
        <span className="presentation__step" data-testid="presentation-step">
          {t('presentation.step', { at: index + 1, count: goalIds.length })}
        </span>
        <h2 className="presentation__title" title={goal.title}>
          {goal.title || t('node.untitled')}
        </h2>
        <span
          className={`presentation__verdict presentation__verdict--${verdict}`}
          data-testid="presentation-verdict"
          data-verdict={verdict}
        >
          {verdict === 'ok'
            ? `✓ ${t('presentation.hasPath')}`
            : verdict === 'loop'
              ? `▲ ${t('planCheck.hasPathNoLoop')}`
              : `! ${t('presentation.noPath')}`}
        </span>
      </div>
      {focus ? <PresentationStatus goalId={goalId} nodeIds={focus.nodeIds} /> : null}
      {shown.length > 0 ? (
        <ul className="presentation__findings">
          {shown.slice(0, FINDINGS_SHOWN).map((f) => (
            <li
              key={`${f.code}:${f.nodeIds.join(',')}:${f.linkIds.join(',')}`}
              className={`is-${f.severity}`}
              title={f.message[language]}
            >
              {f.message[language]}
            </li>
          ))}
          {shown.length > FINDINGS_SHOWN ? (
            <li className="presentation__more">
              {t('presentation.more', { count: shown.length - FINDINGS_SHOWN })}
            </li>
          ) : null}
        </ul>
      ) : null}
      <p className="presentation__keys">{t('presentation.keys')}</p>
    </div>
  );
}
