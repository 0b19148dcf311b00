import {
  Background,
  type Connection,
  Controls,
  type FinalConnectionState,
  type IsValidConnection,
  MarkerType,
  MiniMap,
  ReactFlow,
} from '@xyflow/react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { describeLinkRefusal } from '../../../shared/validation/link-messages';
import { useLanguage } from '../i18n/use-language';
import { useMapStore, useMapStoreApi } from '../store/context';
import type { MapState } from '../store/map-store';
import type { PlanFlowEdge } from '../store/plan-flow';
import { nodeTypes } from './node-types';

const selectFlow = (s: MapState) => ({
  nodes: s.nodes,
  edges: s.edges,
  onNodesChange: s.onNodesChange,
  onEdgesChange: s.onEdgesChange,
});

const fitViewOptions = { padding: 0.2, maxZoom: 1.25 };
// Links are directed (strategy → measurement): every edge ends in an arrow.
const defaultEdgeOptions = {
  type: 'smoothstep',
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
};
const proOptions = { hideAttribution: true };
const DELETE_KEYS = ['Delete', 'Backspace'];

/** The map: React Flow over the store, with the link rule enforced while the user drags. */
export function Canvas({ onNotice }: { onNotice: (message: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const store = useMapStoreApi();
  const { nodes, edges, onNodesChange, onEdgesChange } = useMapStore(useShallow(selectFlow));
  const readOnly = useMapStore((s) => s.readOnly);

  const isValidConnection: IsValidConnection<PlanFlowEdge> = useCallback(
    (c) => store.getState().checkLink(c.source, c.target).ok,
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const verdict = store.getState().connect(c.source, c.target);
      if (!verdict.ok)
        onNotice(t('canvas.linkRefused', { reason: describeLinkRefusal(verdict.reason, language) }));
    },
    [store, onNotice, t, language],
  );

  // A refused drop says why, instead of silently snapping back.
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode) return;
      const [source, target] =
        state.fromHandle?.type === 'target'
          ? [state.toNode.id, state.fromNode.id]
          : [state.fromNode.id, state.toNode.id];
      const verdict = store.getState().checkLink(source, target);
      if (!verdict.ok)
        onNotice(t('canvas.linkRefused', { reason: describeLinkRefusal(verdict.reason, language) }));
    },
    [store, onNotice, t, language],
  );

  const onNodeDoubleClick = useCallback(
    (_: unknown, node: { id: string }) => store.getState().setEditing(node.id),
    [store],
  );

  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlow
        aria-label={t('canvas.label')}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onNodeDoubleClick={onNodeDoubleClick}
        isValidConnection={isValidConnection}
        defaultEdgeOptions={defaultEdgeOptions}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        maxZoom={2}
        deleteKeyCode={readOnly ? null : DELETE_KEYS}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        proOptions={proOptions}
      >
        <Background gap={24} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
      {nodes.length === 0 ? <p className="canvas__empty">{t('canvas.empty')}</p> : null}
    </div>
  );
}
