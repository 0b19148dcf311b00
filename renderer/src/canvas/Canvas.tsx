import {
  Background,
  type Connection,
  ControlButton,
  Controls,
  type FinalConnectionState,
  type IsValidConnection,
  MarkerType,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { describeLinkRefusal } from '../../../shared/validation/link-messages';
import { CANVAS_SCOPE_ATTRIBUTE, useCommandBus } from '../commands/use-commands';
import { useLanguage } from '../i18n/use-language';
import type { NoticeOptions } from '../panels/Notices';
import { PresenceCanvas } from '../room/Presence';
import { useMapStore, useMapStoreApi } from '../store/context';
import type { MapState } from '../store/map-store';
import type { PlanFlowEdge, PlanFlowNode } from '../store/plan-flow';
import { useViewPrefs } from '../store/view-prefs';
import { MIN_ZOOM, VIRTUALIZE_FROM } from './fit-view';
import { LaneHeaders } from './LaneHeaders';
import { LinkDragLine, nodeIdAt } from './LinkDragLine';
import { nodeTypes } from './node-types';
import { OverviewMap } from './OverviewMap';
import { SelectionAnnouncer } from './SelectionAnnouncer';
import { useCanvasCommands } from './use-canvas-commands';
import { useEdgeLabels } from './use-edge-labels';
import { useFitOnOpen } from './use-fit-on-open';
import { useMapEmphasis } from './use-map-emphasis';

const selectFlow = (s: MapState) => ({
  nodes: s.nodes,
  edges: s.edges,
  onNodesChange: s.onNodesChange,
  onEdgesChange: s.onEdgesChange,
});

// Links are directed (strategy → measurement): every edge ends in an arrow.
const defaultEdgeOptions = {
  type: 'smoothstep',
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
};
const proOptions = { hideAttribution: true };
const GRID: [number, number] = [20, 20];
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];

/**
 * The map: React Flow over the store, with the link rule enforced while the user drags. The keys
 * are the app's own (commands/keymap.ts), so React Flow's keyboard handling is off: deleting,
 * moving the selection and renaming go through the store as single undo steps.
 */
export function Canvas({
  onNotice,
  presenting = false,
  presentedGoal = null,
}: {
  onNotice: (message: string, options?: NoticeOptions) => void;
  /** Presentation mode: editing is off and the presented goal's execution paths are in focus. */
  presenting?: boolean;
  presentedGoal?: string | null;
}) {
  const { t } = useTranslation();
  const bus = useCommandBus();
  useFitOnOpen();
  const language = useLanguage();
  const store = useMapStoreApi();
  const flow = useMapStore(useShallow(selectFlow));
  const reactFlow = useReactFlow<PlanFlowNode>();
  const { onNodesChange, onEdgesChange } = flow;
  const labelled = useEdgeLabels(flow.edges);
  const { nodes, edges } = useMapEmphasis(flow.nodes, labelled, presentedGoal);
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeHelp'),
      'node.a11yDescription.ariaLiveMessage': ({ direction }: { direction: string }) =>
        t('flow.moved', { direction }),
      'edge.a11yDescription.default': t('flow.edgeHelp'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );
  const readOnly = useMapStore((s) => s.readOnly) || presenting;
  // Whether the open map's content is here (in a room it arrives after the map opens).
  const ready = useMapStore((s) => s.ready);
  const snap = useViewPrefs((s) => s.snapToGrid);
  const readingSize = useViewPrefs((s) => s.readingSize);
  const colorMode = useViewPrefs((s) => s.theme);
  useCanvasCommands(onNotice);

  const isValidConnection: IsValidConnection<PlanFlowEdge> = useCallback(
    (c) => store.getState().checkLink(c.source, c.target).ok,
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const verdict = store.getState().connect(c.source, c.target);
      if (!verdict.ok)
        onNotice(t('canvas.linkRefused', { reason: describeLinkRefusal(verdict.reason, language) }), {
          kind: 'link-refused',
        });
    },
    [store, onNotice, t, language],
  );

  // A refused drop says why, instead of silently snapping back. A drop on a node's body, away
  // from its handle, links as a drop on the handle would (the drag line said so beforehand). React
  // Flow leaves `isValid` null when the pointer is not within reach of a handle, and `toNode` null
  // off its handles, so the node under the pointer decides; connect() links or says why not.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid === true || !state.fromNode) return;
      let to = state.toNode?.id ?? null;
      if (!to && 'clientX' in event) {
        const point = reactFlow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
        to = nodeIdAt(reactFlow.getNodes(), point.x, point.y);
      }
      if (to === null || to === state.fromNode.id) return;
      const [source, target] =
        state.fromHandle?.type === 'target' ? [to, state.fromNode.id] : [state.fromNode.id, to];
      onConnect({ source, target, sourceHandle: null, targetHandle: null });
    },
    [onConnect, reactFlow],
  );

  const onNodeDoubleClick = useCallback(
    (_: unknown, node: { id: string }) => store.getState().setEditing(node.id),
    [store],
  );

  return (
    <section
      className={readingSize ? 'canvas canvas--reading' : 'canvas'}
      data-testid="canvas"
      data-reading-size={readingSize || undefined}
      data-map-ready={ready}
      aria-label={t('canvas.label')}
      aria-describedby="canvas-help"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes keyboard focus; its keys are listed in the shortcut sheet
      tabIndex={0}
      {...{ [CANVAS_SCOPE_ATTRIBUTE]: '' }}
    >
      <p id="canvas-help" className="visually-hidden">
        {t('canvas.keyboardHelp')}
      </p>
      <SelectionAnnouncer />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        connectionLineComponent={LinkDragLine}
        onNodeDoubleClick={onNodeDoubleClick}
        isValidConnection={isValidConnection}
        defaultEdgeOptions={defaultEdgeOptions}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        deleteKeyCode={null}
        onlyRenderVisibleElements={nodes.length > VIRTUALIZE_FROM}
        disableKeyboardA11y
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        colorMode={colorMode}
        ariaLabelConfig={ariaLabelConfig}
        snapToGrid={snap}
        snapGrid={GRID}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        proOptions={proOptions}
      >
        <Background gap={GRID[0] * 2} />
        <LaneHeaders />
        <OverviewMap />
        <PresenceCanvas />
        {/* React Flow's own fit button waits for every node to be measured (see fitWholeMap). */}
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton
            className="react-flow__controls-fitview"
            onClick={() => bus.run('fit-view')}
            title={t('flow.fitView')}
            aria-label={t('flow.fitView')}
          >
            <FitIcon />
          </ControlButton>
        </Controls>
      </ReactFlow>
      {nodes.length === 0 && ready && !readOnly ? <p className="canvas__empty">{t('canvas.empty')}</p> : null}
    </section>
  );
}

/** Four corners of a frame: "fit the whole map", as on React Flow's own control. */
function FitIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
      <path d="M0 10V4.6Q0 0 4.7 0h5.1v3.7H4.6q-.9 0-.9.9V10zM22.2 0h5.1Q32 0 32 4.6V10h-3.7V4.6q0-.9-1-.9h-5.1zM32 19.8v5.1q0 4.7-4.6 4.7h-5.2v-3.8h5.2q.9 0 .9-.9v-5.1zM9.8 29.6H4.7Q0 29.6 0 24.9v-5.1h3.7v5.1q0 .9.9.9h5.2z" />
    </svg>
  );
}
