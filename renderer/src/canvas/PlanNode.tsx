import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../shared/model/local-today';
import { SEVERITY_GLYPH } from '../../../shared/render/glyphs';
import type { Severity } from '../../../shared/validation/findings';
import { useCommandBus } from '../commands/use-commands';
import { RemoteSelectors } from '../room/Presence';
import { useMapStore, useMapStoreApi } from '../store/context';
import type { PlanFlowNode } from '../store/plan-flow';
import { CardStatusBadge } from './CardStatusBadge';
import { decodeCheckins, recentCheckins, staleSince } from './card-checkins';
import { useCompareMarks } from './compare-marks';
import { FunctionChip } from './FunctionChip';
import { MetricSparkline, StaleNote } from './MetricSparkline';

/**
 * Whether a title may be cut at five lines on the node, and so gets a tooltip: past about 80
 * Latin characters, a Chinese character counting as two (it is twice as wide).
 */
function mayBeCut(title: string): boolean {
  let width = 0;
  for (const char of title) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width > 80;
}

/**
 * One node on the canvas. React Flow re-renders it only when its own node object changes; its
 * extra subscriptions (flag, editing) select primitives, so editing one node renders one node.
 */
function PlanNodeView({ id, data, selected }: NodeProps<PlanFlowNode>) {
  const { plan } = data;
  const { t } = useTranslation();
  const flag = useMapStore((s) => s.nodeFlags.get(id));
  const editing = useMapStore((s) => s.editingId === id);
  const searchHit = useMapStore((s) => s.searchHits.has(id));
  const compareMark = useCompareMarks((s) => s.marks.get(id));
  const compareDetail = useCompareMarks((s) => s.details.get(id));
  // A metric's latest check-ins as one string: a check-in of another metric leaves it equal.
  const recentText = useMapStore((s) => (plan.kind === 'metric' ? recentCheckins(s.checkins, id) : ''));
  const recent = useMemo(() => decodeCheckins(recentText), [recentText]);
  const staleDate = plan.kind === 'metric' ? staleSince(plan.cadence, recent, localToday()) : null;
  countRender(id);

  const [severity, count] = flag ? (flag.split(':') as [Severity, string]) : [undefined, '0'];
  const title = plan.title.trim() === '' ? t('node.untitled') : plan.title;

  return (
    <div
      className={`plan-node plan-node--${plan.kind}${severity ? ` plan-node--flag-${severity}` : ''}${selected ? ' is-selected' : ''}${searchHit ? ' is-search-hit' : ''}${compareMark ? ` is-compare-${compareMark}` : ''}${staleDate ? ' is-stale' : ''}`}
      data-testid="plan-node"
      data-node-id={id}
      data-kind={plan.kind}
      data-flag={severity ?? 'none'}
      data-search-hit={searchHit || undefined}
      data-compare={compareMark}
      data-stale={staleDate ?? undefined}
    >
      <RemoteSelectors id={id} />
      <Handle type="target" position={Position.Left} className="plan-handle" />
      <div className="plan-node__kind">
        <span className="plan-node__kind-label">{t(`kinds.${plan.kind}`)}</span>
        {plan.kind === 'mechanism' ? <FunctionChip id={id} plan={plan} /> : null}
        {plan.kind === 'metric' && recent.length > 1 ? (
          <MetricSparkline metric={plan} recent={recent} />
        ) : null}
      </div>
      {editing ? (
        <TitleEditor id={id} initial={plan.title} />
      ) : (
        <div
          className={`plan-node__title${plan.title.trim() === '' ? ' is-empty' : ''}`}
          // Past five lines the title is cut with an ellipsis (styles/canvas.css): hovering shows it whole.
          title={mayBeCut(plan.title) ? plan.title : undefined}
        >
          {title}
        </div>
      )}
      {plan.kind !== 'mechanism' ? <CardStatusBadge id={id} /> : null}
      {staleDate ? <StaleNote date={staleDate} /> : null}
      <div className="plan-node__owner">
        {plan.owner ? t('node.owner', { owner: plan.owner }) : t('node.noOwner')}
      </div>
      {severity ? (
        <span
          className={`plan-node__badge plan-node__badge--${severity}`}
          data-testid="flag-badge"
          role="img"
          aria-label={t('node.flagged', { count: Number(count) })}
          title={t('node.flagged', { count: Number(count) })}
        >
          {SEVERITY_GLYPH[severity]}
          <span className="plan-node__badge-count">{count}</span>
        </span>
      ) : null}
      {compareDetail ? (
        // Changed since the version being compared with: what changed, before → after.
        <span
          className="plan-node__compare"
          data-testid="compare-badge"
          role="img"
          aria-label={compareDetail}
          title={compareDetail}
        >
          Δ
        </span>
      ) : null}
      {/* Links end at metrics: a metric has nothing to start a link from. */}
      {plan.kind !== 'metric' ? (
        <Handle type="source" position={Position.Right} className="plan-handle" />
      ) : null}
    </div>
  );
}

/**
 * Inline rename: Enter or leaving the field keeps the title, Escape drops the edit (and a node just
 * added and never named with it), Tab keeps it
 * and goes on to add a child (the facilitator's goal → mechanism → metric chain without the mouse).
 * Started by typing on a selected node, it starts from what was typed.
 */
function TitleEditor({ id, initial }: { id: string; initial: string }) {
  const { t } = useTranslation();
  const store = useMapStoreApi();
  const bus = useCommandBus();
  const [seed] = useState(() => store.getState().editSeed);
  const [value, setValue] = useState(seed ?? initial);
  // The text as typed, readable from the handlers below before React re-renders.
  const latest = useRef(value);
  latest.current = value;
  const cancelled = useRef(false);
  const input = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    // React Flow shows a new node only once it is measured, and a hidden field cannot take focus:
    // try on the next frames until it does, so typing right after "add" lands in the title.
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const field = input.current;
      if (!field) return;
      field.focus({ preventScroll: true });
      if (document.activeElement !== field) {
        if (++tries < 30) frame = requestAnimationFrame(focus);
        return;
      }
      // Select the old title to replace it, unless letters already arrived (seed or typed early):
      // selecting those would let the next key wipe them.
      if (seed === null && latest.current === initial) field.select();
      else field.setSelectionRange(field.value.length, field.value.length);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, [seed, initial]);

  // Until the field has focus, what the facilitator types is meant for it, not for the canvas:
  // catch it (capture phase, before the keymap) so no letter is lost and Enter/Tab act as in the field.
  const finish = useRef<(key: 'Enter' | 'Tab' | 'Escape', shift: boolean) => void>(() => {});
  useLayoutEffect(() => {
    const early = (e: KeyboardEvent) => {
      const field = input.current;
      // Only the editor the store says is open: one being closed must not swallow the next letters.
      if (!field || document.activeElement === field || store.getState().editingId !== id) return;
      if (e.isComposing || e.keyCode === 229 || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key.length === 1) {
        latest.current += e.key;
        setValue(latest.current);
      } else if (e.key === 'Enter' || e.key === 'Tab' || e.key === 'Escape')
        finish.current(e.key, e.shiftKey);
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', early, true);
    return () => window.removeEventListener('keydown', early, true);
  }, [id, store]);
  const commit = useCallback(() => {
    if (cancelled.current) return;
    store.getState().renameNode(id, latest.current.trim());
    store.getState().setEditing(null);
  }, [id, store]);
  finish.current = (key, shift) => {
    if (key === 'Escape') {
      cancelled.current = true;
      // A node just added and never named goes again: a stray Enter leaves nothing behind.
      if (!store.getState().cancelNewNode(id)) store.getState().setEditing(null);
    } else commit();
    focusCanvas();
    // Tab goes on to a child, Shift+Tab to a sub-goal, exactly as from a selected node.
    if (key === 'Tab') bus.run(shift ? 'add-sub-goal' : 'add-child');
  };
  return (
    // A text area that grows with the title (field-sizing), so a long title is seen whole while it
    // is typed; a title is one line, so Enter keeps it and a pasted line break becomes a space.
    <textarea
      ref={input}
      className="plan-node__title-input nodrag"
      aria-label={t('node.titleLabel')}
      rows={1}
      value={value}
      maxLength={300}
      onChange={(e) => setValue(e.target.value.replace(/\s*[\r\n]+\s*/g, ' '))}
      onBlur={commit}
      onKeyDown={(e) => {
        // While an IME composition is in progress, Enter confirms the composition, not the title.
        if (e.nativeEvent.isComposing || e.keyCode === 229) return;
        if (e.key === 'Enter' || e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          finish.current(e.key, e.shiftKey);
        }
        e.stopPropagation();
      }}
    />
  );
}

/** After a rename the keyboard goes on from the canvas, not from wherever focus fell. */
function focusCanvas() {
  document.querySelector<HTMLElement>('[data-canvas-scope]')?.focus({ preventScroll: true });
}

/** Render counts per node id, read by the performance tests and benchmarks. */
const renderCounts = new Map<string, number>();
function countRender(id: string) {
  renderCounts.set(id, (renderCounts.get(id) ?? 0) + 1);
}
(globalThis as { __throughlineRenderCounts?: Map<string, number> }).__throughlineRenderCounts = renderCounts;

export const PlanNode = memo(PlanNodeView);
