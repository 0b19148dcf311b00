import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapStore, useMapStoreApi } from '../store/context';
import type { PlanFlowNode } from '../store/plan-flow';

/**
 * One node on the canvas. React Flow re-renders it only when its own node object changes; its
 * extra subscriptions (flag, editing) select primitives, so editing one node renders one node.
 */
function PlanNodeView({ id, data, selected }: NodeProps<PlanFlowNode>) {
  const { plan } = data;
  const { t } = useTranslation();
  const flag = useMapStore((s) => s.nodeFlags[id]);
  const editing = useMapStore((s) => s.editingId === id);
  countRender(id);

  const [severity, count] = flag ? (flag.split(':') as [string, string]) : [undefined, '0'];
  const title = plan.title.trim() === '' ? t('node.untitled') : plan.title;

  return (
    <div
      className={`plan-node plan-node--${plan.kind}${severity ? ` plan-node--flag-${severity}` : ''}${selected ? ' is-selected' : ''}`}
      data-testid="plan-node"
      data-node-id={id}
      data-kind={plan.kind}
      data-flag={severity ?? 'none'}
    >
      <Handle type="target" position={Position.Left} className="plan-handle" />
      <div className="plan-node__kind">
        <span className="plan-node__kind-label">{t(`kinds.${plan.kind}`)}</span>
        {plan.kind === 'mechanism' ? (
          <span className={`plan-node__function plan-node__function--${plan.function}`}>{plan.function}</span>
        ) : null}
      </div>
      {editing ? (
        <TitleEditor id={id} initial={plan.title} />
      ) : (
        <div className={`plan-node__title${plan.title.trim() === '' ? ' is-empty' : ''}`}>{title}</div>
      )}
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
          {severity === 'error' ? '!' : severity === 'warning' ? '▲' : 'i'}
          <span className="plan-node__badge-count">{count}</span>
        </span>
      ) : null}
      <Handle type="source" position={Position.Right} className="plan-handle" />
    </div>
  );
}

/** Inline rename: Enter or leaving the field keeps the title, Escape drops the edit. */
function TitleEditor({ id, initial }: { id: string; initial: string }) {
  const { t } = useTranslation();
  const store = useMapStoreApi();
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const commit = useCallback(() => {
    store.getState().renameNode(id, value.trim());
    store.getState().setEditing(null);
  }, [id, store, value]);
  return (
    <input
      ref={input}
      className="plan-node__title-input nodrag"
      aria-label={t('node.titleLabel')}
      value={value}
      maxLength={300}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        // While an IME composition is in progress, Enter confirms the composition, not the title.
        if (e.nativeEvent.isComposing || e.keyCode === 229) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          store.getState().setEditing(null);
        }
        e.stopPropagation();
      }}
    />
  );
}

/** Render counts per node id, read by the performance tests and benchmarks. */
const renderCounts = new Map<string, number>();
function countRender(id: string) {
  renderCounts.set(id, (renderCounts.get(id) ?? 0) + 1);
}
(globalThis as { __throughlineRenderCounts?: Map<string, number> }).__throughlineRenderCounts = renderCounts;

export const PlanNode = memo(PlanNodeView);
