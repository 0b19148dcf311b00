import { useStore as useFlowStore, useReactFlow } from '@xyflow/react';
import { type PointerEvent, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapStore, useMapStoreApi } from '../store/context';

const WIDTH = 180;
const HEIGHT = 120;
/** The size a node is drawn at in the overview (nodes are about this big on the canvas). */
const NODE = { width: 240, height: 100 };
const MARGIN = 200;

interface Shape {
  id: string;
  kind: string;
  x: number;
  y: number;
}

/**
 * The minimap: every node as a small shape in its kind's colour, and the part of the map on screen.
 * Drawn from the stored positions, so it redraws when the content changes (a drop, an edit), never
 * per drag frame — React Flow's own MiniMap re-renders all its nodes on every frame, which at 1,000
 * nodes cost more than the drag itself. A click or drag on it moves the view there.
 */
export function OverviewMap() {
  const { t } = useTranslation();
  const store = useMapStoreApi();
  const findings = useMapStore((s) => s.findings);
  const flow = useReactFlow();
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const dragging = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the findings change exactly when the content (positions included) does
  const { shapes, box } = useMemo(() => {
    const list: Shape[] = store
      .getState()
      .nodes.map((n) => ({ id: n.id, kind: n.data.plan.kind, ...n.data.plan.position }));
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const s of list) {
      minX = Math.min(minX, s.x);
      minY = Math.min(minY, s.y);
      maxX = Math.max(maxX, s.x + NODE.width);
      maxY = Math.max(maxY, s.y + NODE.height);
    }
    if (list.length === 0) return { shapes: list, box: { x: 0, y: 0, width: 1000, height: 700 } };
    return {
      shapes: list,
      box: {
        x: minX - MARGIN,
        y: minY - MARGIN,
        width: maxX - minX + 2 * MARGIN,
        height: maxY - minY + 2 * MARGIN,
      },
    };
  }, [findings, store]);

  // The shapes change with the content only; panning redraws the view's frame, not 1,000 shapes
  // (re-rendering them every frame made panning a 1,000-node map three times slower than React Flow's).
  const drawn = useMemo(
    () =>
      shapes.map((s) => (
        <rect
          key={s.id}
          x={s.x}
          y={s.y}
          width={NODE.width}
          height={NODE.height}
          rx={16}
          className={`overview-map__node overview-map__node--${s.kind}`}
        />
      )),
    [shapes],
  );

  const view = { x: -tx / zoom, y: -ty / zoom, width: paneWidth / zoom, height: paneHeight / zoom };
  // The viewBox covers the map and the part on screen, keeping the overview's aspect ratio.
  const left = Math.min(box.x, view.x);
  const top = Math.min(box.y, view.y);
  const right = Math.max(box.x + box.width, view.x + view.width);
  const bottom = Math.max(box.y + box.height, view.y + view.height);
  const scale = Math.max((right - left) / WIDTH, (bottom - top) / HEIGHT);
  const viewBox = `${left} ${top} ${WIDTH * scale} ${HEIGHT * scale}`;

  const moveTo = (event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = left + ((event.clientX - rect.left) / rect.width) * WIDTH * scale;
    const y = top + ((event.clientY - rect.top) / rect.height) * HEIGHT * scale;
    void flow.setCenter(x, y, { zoom, duration: dragging.current ? 0 : 150 });
  };

  return (
    <div className="overview-map" data-testid="overview-map">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={viewBox}
        role="img"
        aria-label={t('canvas.minimap')}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
          dragging.current = true;
        }}
        onPointerMove={(e) => {
          if (dragging.current) moveTo(e);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
      >
        {drawn}
        <rect
          className="overview-map__view"
          x={view.x}
          y={view.y}
          width={view.width}
          height={view.height}
          strokeWidth={2 * scale}
        />
      </svg>
    </div>
  );
}
