import {
  type ConnectionLineComponentProps,
  getBezierPath,
  getSmoothStepPath,
  useReactFlow,
} from '@xyflow/react';
import { useLayoutEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { LinkCheck } from '../../../shared/model/link-rules';
import { describeLinkRefusal } from '../../../shared/validation/link-messages';
import { useLanguage } from '../i18n/use-language';
import { useMapStoreApi } from '../store/context';
import { nodeSize, type PlanFlowNode } from '../store/plan-flow';

/**
 * The node under a point of the map (flow coordinates), if any: the one drawn on top (last) when
 * several overlap. Each node at its measured size, or its usual size before it was drawn.
 */
export function nodeIdAt(nodes: readonly PlanFlowNode[], x: number, y: number): string | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as PlanFlowNode;
    const { width, height } = nodeSize(node);
    const { x: left, y: top } = node.position;
    if (x >= left && x <= left + width && y >= top && y <= top + height) return node.id;
  }
  return null;
}

/** Marks the node a link is being dragged over as a valid or a refused end; one node at a time. */
function markTarget(id: string | null, ok: boolean | null): () => void {
  if (id === null || ok === null) return () => {};
  const element = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  const name = ok ? 'is-link-target-valid' : 'is-link-target-invalid';
  element?.classList.add(name);
  return () => element?.classList.remove(name);
}

/**
 * The line drawn while a link is dragged. Before the mouse is released it says whether the link
 * would be allowed, by the rules of link-rules.ts: the line turns green or red and dashed, the node
 * under the pointer is outlined the same way, and a label beside the pointer gives the reason a
 * link is refused. Over a node's body as well as over its handle (a drop on the body links too,
 * see Canvas's onConnectEnd).
 */
export function LinkDragLine({
  fromX,
  fromY,
  toX,
  toY,
  fromPosition,
  toPosition,
  fromNode,
  fromHandle,
  toNode,
  connectionStatus,
}: ConnectionLineComponentProps<PlanFlowNode>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const store = useMapStoreApi();
  const flow = useReactFlow<PlanFlowNode>();
  // The line's end is the pointer in map coordinates (or the handle it snapped to).
  const screen = flow.flowToScreenPosition({ x: toX, y: toY });

  // The node the link would end at: the one whose handle React Flow snapped to, else the node
  // under the pointer (not the node the drag started from).
  const under = toNode?.id ?? nodeIdAt(flow.getNodes(), toX, toY);
  const overId = under !== null && under !== fromNode.id ? under : null;
  let verdict: LinkCheck | null = null;
  if (overId !== null) {
    const [source, target] = fromHandle.type === 'target' ? [overId, fromNode.id] : [fromNode.id, overId];
    verdict = store.getState().checkLink(source, target);
  } else if (connectionStatus === 'invalid' && toNode) {
    verdict = { ok: false, reason: 'self-link' };
  }
  const state = verdict === null ? 'pending' : verdict.ok ? 'valid' : 'invalid';

  const ok = verdict === null ? null : verdict.ok;
  useLayoutEffect(() => markTarget(overId, ok), [overId, ok]);

  const ends = {
    sourceX: fromX,
    sourceY: fromY,
    sourcePosition: fromPosition,
    targetX: toX,
    targetY: toY,
    targetPosition: toPosition,
  };
  const [path] = state === 'pending' ? getBezierPath(ends) : getSmoothStepPath(ends);

  const label =
    verdict === null
      ? null
      : verdict.ok
        ? t('offsite.linkAllowed')
        : t('offsite.linkRefused', { reason: describeLinkRefusal(verdict.reason, language) });

  return (
    <g className={`link-drag link-drag--${state}`} data-testid="link-drag-line" data-state={state}>
      <path className="link-drag__path" d={path} fill="none" />
      <circle className="link-drag__end" cx={toX} cy={toY} r={5} />
      {label
        ? createPortal(
            <div
              className={`link-drag-label link-drag-label--${state}`}
              data-testid="link-drag-label"
              data-state={state}
              role="status"
              style={{ left: screen.x + 16, top: screen.y + 18 }}
            >
              <span aria-hidden="true">{verdict?.ok ? '✓ ' : '✕ '}</span>
              {label}
            </div>,
            document.body,
          )
        : null}
    </g>
  );
}
