import { getViewportForBounds, type ReactFlowInstance, type Rect } from '@xyflow/react';
import { nodeSize, type PlanFlowNode } from '../store/plan-flow';
import { canvasLaneHeaders } from './LaneHeaders';

/**
 * How far the canvas zooms out: far enough that "Fit to screen" frames even a tall map of a few
 * hundred nodes whole (an overview to steer by, not to read), instead of stopping with its ends
 * under the toolbar and the overview map.
 */
export const MIN_ZOOM = 0.02;

/**
 * From this many nodes, React Flow draws only what is on screen (nodes carry their size and handle
 * positions up front, see plan-flow.ts): a 1,000-node map then opens in under a second. A workshop
 * map of a few dozen nodes is drawn whole, so nothing on it ever appears late.
 */
export const VIRTUALIZE_FROM = 150;

/**
 * How far out a large map (past VIRTUALIZE_FROM) is framed when it opens: all of it may not fit,
 * but at 2% every node would be on screen and drawn, which on a 5,000-node map costs seconds; at
 * half size a 1,000-node map opens as fast as before (canvas.open.1k ~720 ms, 880 ms at 25%).
 * Fit to screen, asked for, still goes to MIN_ZOOM.
 */
export const OPEN_LARGE_MIN_ZOOM = 0.5;

/**
 * How the canvas frames the whole map (on opening, "Fit to screen", after a tidy-up): with room at
 * the bottom for the overview map (120 px high, 12 px from the corner) and the zoom buttons, so no
 * node ends up under them, and never zoomed in past 125% on a small map.
 */
const FIT_PADDING = { top: '40px', left: '40px', right: '40px', bottom: '150px' } as const;

/** Width ÷ height of what Fit to screen fills in a pane this big (its margins taken off), or null. */
export function fitAspect(pane: { width: number; height: number }): number | null {
  const width = pane.width - 80;
  const height = pane.height - 190;
  return width > 0 && height > 0 ? width / height : null;
}
const FIT_MAX_ZOOM = 1.25;

/** The box around every node, each at its measured size or, never drawn yet, its usual size. */
export function mapBounds(nodes: readonly PlanFlowNode[]): Rect | null {
  if (nodes.length === 0) return null;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    const { width, height } = nodeSize(node);
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + width);
    bottom = Math.max(bottom, node.position.y + height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** What Fit to screen frames: every node and the lane headers above them. */
export function mapFrame(nodes: readonly PlanFlowNode[]): Rect | null {
  const bounds = mapBounds(nodes);
  if (bounds === null) return null;
  let top = bounds.y;
  for (const header of canvasLaneHeaders(nodes)) top = Math.min(top, header.y);
  return { ...bounds, y: top, height: bounds.height + (bounds.y - top) };
}

/**
 * Frames the whole map, at once. React Flow's own fitView waits until every node has
 * been measured, but past 150 nodes the canvas draws (and so measures) only the nodes in view: on
 * a large map its fit waited for ever and "Fit to screen" did nothing.
 */
export function fitWholeMap(
  flow: Pick<ReactFlowInstance<PlanFlowNode>, 'getNodes' | 'setViewport'>,
  pane: { width: number; height: number },
  duration = 0,
  minZoom = MIN_ZOOM,
): void {
  const bounds = mapFrame(flow.getNodes());
  if (!bounds || pane.width <= 0 || pane.height <= 0) return;
  const viewport = getViewportForBounds(bounds, pane.width, pane.height, minZoom, FIT_MAX_ZOOM, FIT_PADDING);
  void flow.setViewport(viewport, { duration });
}

/**
 * Frames some nodes together in a pane, or in its top part (pass that part's size: the area above
 * the presentation's caption) (what a finding names, a goal with its execution path): all of them
 * in view, zoomed out as far as that takes but never in past 100%, so a finding about a goal and
 * the mechanism far below it shows both, and one card is shown at its real size, not blown up
 * (unless `fit` says how close it may come, and with what margins). Answers whether any was found.
 */
export function frameNodes(
  flow: Pick<ReactFlowInstance<PlanFlowNode>, 'getNodes' | 'setViewport'>,
  ids: Iterable<string>,
  pane: { width: number; height: number },
  duration = 0,
  fit: { maxZoom: number; padding: Parameters<typeof getViewportForBounds>[5] } = {
    maxZoom: FRAME_MAX_ZOOM,
    padding: FIT_PADDING,
  },
): boolean {
  const wanted = new Set(ids);
  const bounds = mapBounds(flow.getNodes().filter((n) => wanted.has(n.id)));
  if (!bounds || pane.width <= 0 || pane.height <= 0) return false;
  const viewport = getViewportForBounds(bounds, pane.width, pane.height, MIN_ZOOM, fit.maxZoom, fit.padding);
  void flow.setViewport(viewport, { duration });
  return true;
}

/** How close framing a few nodes may come: their real size. */
export const FRAME_MAX_ZOOM = 1;
