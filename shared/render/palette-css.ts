import { STATUS_FILL } from '../model/card-status';
import { PROGRESS_STATUSES } from '../model/metric-progress';
import { KIND_STYLE, SEVERITY_COLOUR } from './palette';

/**
 * The palette of palette.ts (and the status fills of card-status.ts) as CSS custom properties, so
 * the screen's stylesheets (renderer/src/styles/) and the printed and exported pictures take
 * their colours from one home. The renderer writes them into a <style> at startup
 * (renderer/src/palette-style.ts); the sheets use `var(--palette-…)`, in light-dark() where the dark theme has colours of its own.
 */
export function paletteProperties(): Record<string, string> {
  const properties: Record<string, string> = {
    '--palette-goal': KIND_STYLE.goal.fill,
    '--palette-goal-ink': KIND_STYLE.goal.ink,
    '--palette-mechanism': KIND_STYLE.mechanism.fill,
    '--palette-mechanism-border': KIND_STYLE.mechanism.stroke,
    '--palette-mechanism-ink': KIND_STYLE.mechanism.ink,
    '--palette-metric': KIND_STYLE.metric.fill,
    '--palette-metric-border': KIND_STYLE.metric.stroke,
    '--palette-metric-ink': KIND_STYLE.metric.ink,
    '--palette-error': SEVERITY_COLOUR.error,
    '--palette-warning': SEVERITY_COLOUR.warning,
    '--palette-info': SEVERITY_COLOUR.info,
  };
  for (const status of PROGRESS_STATUSES) properties[`--palette-status-${status}`] = STATUS_FILL[status];
  return properties;
}

/** The properties as one `:root { … }` rule. */
export function paletteCss(): string {
  const lines = Object.entries(paletteProperties()).map(([name, value]) => `  ${name}: ${value};`);
  return `:root {\n${lines.join('\n')}\n}\n`;
}
