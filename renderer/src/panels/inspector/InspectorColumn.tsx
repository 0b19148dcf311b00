import type { ReactNode } from 'react';
import { Inspector } from './Inspector';

/**
 * The right-hand column: the inspector above the findings. Both stay in view, so clicking a
 * finding selects its node and the fix is typed right there; each part scrolls on its own.
 */
export function InspectorColumn({ findings }: { findings: ReactNode }) {
  return (
    <div className="side-column" data-testid="side-column">
      <Inspector />
      <div className="side-column__findings">{findings}</div>
    </div>
  );
}
