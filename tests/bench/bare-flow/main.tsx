// The benchmark's baseline (tests/bench/canvas.bench.ts): React Flow alone, with its default nodes,
// showing the same nodes at the same sizes, positions and viewport as the app. Never shipped: it is
// built by the benchmark into a temporary directory.
import { type Edge, type Node, ReactFlow, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';

export interface BareMap {
  nodes: { id: string; x: number; y: number; width: number; height: number; label: string }[];
  edges: { id: string; source: string; target: string }[];
  viewport: Viewport;
  pane: { width: number; height: number };
}

function Bare({ map }: { map: BareMap }) {
  const nodes: Node[] = map.nodes.map((n) => ({
    id: n.id,
    position: { x: n.x, y: n.y },
    data: { label: n.label },
    style: { width: n.width, height: n.height },
  }));
  const edges: Edge[] = map.edges.map((e) => ({ ...e, type: 'smoothstep' }));
  return (
    <div style={{ width: map.pane.width, height: map.pane.height }}>
      <ReactFlow defaultNodes={nodes} defaultEdges={edges} defaultViewport={map.viewport} minZoom={0.02} />
    </div>
  );
}

(globalThis as { showBareMap?: (map: BareMap) => void }).showBareMap = (map) => {
  createRoot(document.getElementById('root') as HTMLElement).render(<Bare map={map} />);
};
