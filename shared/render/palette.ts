import type { NodeKind } from '../model/kinds';
import type { Severity } from '../validation/findings';

/**
 * Fonts of the printed map and document. Latin text first in TrueType fonts of Windows, macOS and
 * Linux: Chromium embeds CFF fonts from a collection (Noto Sans CJK's .ttc) as Type 3 glyphs
 * without word spaces, so English text would extract as "Raisetheconversionrate". Ideographs fall
 * through to the CJK families of each system, so a Chinese plan never prints empty boxes.
 */
export const PRINT_FONT_STACK =
  '"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export interface KindStyle {
  fill: string;
  stroke: string;
  /** Dash pattern of the border; metrics are dashed so they differ without colour. */
  dash: string | null;
  ink: string;
  radius: number;
}

/**
 * The app's palette, light theme: the one home of these colours. The screen reads them as CSS
 * custom properties (palette-css.ts, written into the page by renderer/src/palette-style.ts). The
 * kinds differ in lightness too —
 * dark goals with white text, mid mechanisms, light metrics with a dashed border — so a greyscale
 * print keeps them apart.
 */
export const KIND_STYLE: Readonly<Record<NodeKind, KindStyle>> = {
  goal: { fill: '#173a8a', stroke: '#173a8a', dash: null, ink: '#ffffff', radius: 10 },
  mechanism: { fill: '#f3b13b', stroke: '#b07100', dash: null, ink: '#2a1a00', radius: 4 },
  metric: { fill: '#e3f4ef', stroke: '#0f7a62', dash: '6 4', ink: '#0b3d31', radius: 22 },
};

export const SEVERITY_COLOUR: Readonly<Record<Severity, string>> = {
  error: '#b42318',
  warning: '#8a4b00',
  info: '#3f5f8f',
};

export const LINK_COLOUR = '#5b6472';
export const HINT_COLOUR = '#4b5563';
