import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Direction } from '../../../shared/graph';
import { useCommand } from '../commands/use-commands';
import { type LaneLayoutInput, layoutLanes } from '../layout/lane-layout';
import { useMapStoreApi } from '../store/context';
import { deletionUndo } from '../store/deletion-undo';
import { nodeSize, type PlanFlowNode } from '../store/plan-flow';
import { nextFunction } from './FunctionChip';
import { fitAspect, fitWholeMap } from './fit-view';
import { placeInLane } from './placement';

const MOVES: ReadonlyArray<readonly ['move-left' | 'move-right' | 'move-up' | 'move-down', Direction]> = [
  ['move-left', 'left'],
  ['move-right', 'right'],
  ['move-up', 'up'],
  ['move-down', 'down'],
];

/** The canvas's share of the commands: editing, selection, clipboard, history and view. */
export function useCanvasCommands(onNotice: (message: string) => void): void {
  const { t } = useTranslation();
  const store = useMapStoreApi();
  const flow = useReactFlow<PlanFlowNode>();
  const flowStore = useStoreApi<PlanFlowNode>();
  /** The canvas's size now, as React Flow measured it. */
  const pane = () => ({ width: flowStore.getState().width, height: flowStore.getState().height });

  /** Pans just enough to bring the node into view; a node already visible does not move the view. */
  const reveal = useCallback(
    (id: string | null) => {
      if (!id) return;
      // A new node reaches React Flow a frame or two later; reveal it once it is there.
      let tries = 0;
      const attempt = () => {
        const node = flow.getNode(id);
        if (!node) {
          if (++tries < 10) requestAnimationFrame(attempt);
          return;
        }
        const { width, height } = nodeSize(node);
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        if (!pane) return;
        const topLeft = flow.flowToScreenPosition(node.position);
        const bottomRight = flow.flowToScreenPosition({
          x: node.position.x + width,
          y: node.position.y + height,
        });
        const inside =
          topLeft.x >= pane.left &&
          topLeft.y >= pane.top &&
          bottomRight.x <= pane.right &&
          bottomRight.y <= pane.bottom;
        if (!inside)
          void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
            zoom: flow.getZoom(),
            duration: 200,
          });
      };
      requestAnimationFrame(attempt);
    },
    [flow],
  );

  const state = () => store.getState();

  useCommand('add-child', () => {
    const parent = state().nodes.find((n) => n.selected)?.data.plan;
    const id = state().addChild();
    if (id) reveal(id);
    else if (parent?.kind === 'metric') onNotice(t('canvas.metricEndsChain'));
  });
  useCommand('add-sub-goal', () => {
    const parent = state().nodes.find((n) => n.selected)?.data.plan;
    const id = state().addChild({ subGoal: true });
    if (id) reveal(id);
    // Shift+Tab on a mechanism or a metric: say why nothing happened.
    else if (parent && parent.kind !== 'goal' && !state().readOnly) onNotice(t('canvas.subGoalsOfGoals'));
  });
  useCommand('add-sibling', () => reveal(state().addSibling()));
  // Enter with nothing selected: a new goal in the goals' lane, named by typing (an empty map's first).
  useCommand('add-goal', () => {
    if (state().readOnly || state().mapId === null) return;
    reveal(state().addNode('goal', placeInLane('goal', state().nodes)));
  });
  // Shift+F: the selected mechanism's next function, without leaving the keyboard.
  useCommand('cycle-function', () => {
    const plan = state().nodes.find((n) => n.selected)?.data.plan;
    if (!plan || state().readOnly) return;
    if (plan.kind !== 'mechanism') onNotice(t('planCheck.onlyMechanisms'));
    else state().updateNode(plan.id, { function: nextFunction(plan.function) });
  });
  useCommand('rename', ({ seed }) => {
    const id = state().selectedId();
    if (!id) return;
    // Letters typed before a just-opened editor appears are kept, in order.
    const { editingId, editSeed } = state();
    state().setEditing(id, editingId === id && seed !== undefined ? (editSeed ?? '') + seed : seed);
  });
  for (const [command, direction] of MOVES) {
    // biome-ignore lint/correctness/useHookAtTopLevel: MOVES is a fixed module-level list, so the hooks run in the same order every render
    useCommand(command, () => {
      if (state().moveSelection(direction)) reveal(state().selectedId());
    });
  }
  useCommand('clear-selection', () => state().clearSelection());
  useCommand('select-all', () => state().selectAll());
  useCommand('delete', () => state().deleteSelection());
  useCommand('copy', () => {
    const count = state().copySelection();
    if (count > 0) onNotice(t('canvas.copied', { count }));
  });
  useCommand('cut', () => state().cutSelection());
  useCommand('paste', () => {
    if (state().paste() === 0 && !state().readOnly) onNotice(t('canvas.nothingToPaste'));
  });
  useCommand('duplicate', () => state().duplicateSelection());
  useCommand('undo', () => {
    // Right after a map was deleted, Undo brings it back: never an edit of the map in view.
    const deletion = deletionUndo.take();
    if (deletion) deletion.restore();
    else if (!state().undo()) onNotice(t('canvas.nothingToUndo'));
  });
  useCommand('redo', () => {
    if (!state().redo()) onNotice(t('canvas.nothingToRedo'));
  });
  useCommand('zoom-in', () => void flow.zoomIn({ duration: 150 }));
  useCommand('zoom-out', () => void flow.zoomOut({ duration: 150 }));
  useCommand('fit-view', () => fitWholeMap(flow, pane(), 200));
  useCommand('auto-layout', () => {
    if (state().readOnly || state().nodes.length === 0) return;
    // Synchronous and fast (a 1,000-node map in about a tenth of a second): no worker, no wait.
    const positions = layoutLanes(layoutInput(state().nodes, state().edges), {
      aspect: fitAspect(pane()) ?? undefined,
    });
    state().applyPositions(positions);
    requestAnimationFrame(() => fitWholeMap(flow, pane(), 250));
  });
}

/** What the lane layout needs of the canvas's nodes and links: kinds, sizes and ends. */
export function layoutInput(
  nodes: readonly PlanFlowNode[],
  edges: readonly { id: string; source: string; target: string }[],
): LaneLayoutInput {
  return {
    nodes: nodes.map((n) => ({ id: n.id, kind: n.data.plan.kind, ...nodeSize(n) })),
    links: edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}
