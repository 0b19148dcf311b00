import type { Rect } from '../../../shared/render';

/**
 * Below this scale a title (16 map units) prints under 6 pt: the overview is then followed by
 * tiles. A4 portrait fits the three lanes of a map at about 0.55, which still reads.
 */
export const READABLE_SCALE = 0.5;
/** An overview printed smaller than this shows boxes and links only (titles would be under 4 pt). */
export const SHAPES_ONLY_BELOW = 0.3;
/** Tiles are printed at most this big (titles about 10 pt): larger would only add pages. */
export const MAX_TILE_SCALE = 0.8;
/** Tiles must be this much larger than the overview to be worth their pages. */
const WORTH_TILING = 1.25;
/** Height of a tile page's caption line, in CSS px (print.css: .print-caption). */
export const CAPTION_PX = 30;
/** Rounding must never push a block onto a page of its own. */
const SAFETY_PX = 6;

export interface MapPageLayout {
  /** Scale of the overview on the first page, at most 1 (a small map is not blown up). */
  overviewScale: number;
  /** Whether tiles follow: the overview is too small to read and tiles would be much larger. */
  tiled: boolean;
  /** Scale of the tiles: the page width when that is readable (one column of tiles), else the readable scale. */
  tileScale: number;
  /** A tile's drawing area in map units. */
  tilePage: { width: number; height: number };
}

/** How the map goes on the pages, given the page's content box and what the first page already holds. */
export function mapPageLayout(
  bounds: Rect,
  content: { width: number; height: number },
  aboveMapPx: number,
): MapPageLayout {
  const width = content.width - SAFETY_PX;
  const available = Math.max(80, content.height - aboveMapPx - SAFETY_PX);
  const overviewScale = Math.min(1, width / bounds.width, available / bounds.height);
  const tileScale = Math.min(MAX_TILE_SCALE, Math.max(READABLE_SCALE, width / bounds.width));
  return {
    overviewScale,
    tiled: overviewScale < READABLE_SCALE && tileScale >= overviewScale * WORTH_TILING,
    tileScale,
    tilePage: {
      width: width / tileScale,
      height: (content.height - CAPTION_PX - SAFETY_PX) / tileScale,
    },
  };
}
