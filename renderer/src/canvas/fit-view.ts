import type { FitViewOptions } from '@xyflow/react';

/**
 * How the canvas frames the whole map (on opening, "Fit to screen", after a tidy-up): with room at
 * the bottom for the overview map (120 px high, 12 px from the corner) and the zoom buttons, so no
 * node ends up under them, and never zoomed in past 125% on a small map.
 */
export const FIT_VIEW: FitViewOptions = {
  padding: { top: '40px', left: '40px', right: '40px', bottom: '150px' },
  maxZoom: 1.25,
};
