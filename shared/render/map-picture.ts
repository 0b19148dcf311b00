import type { Language } from '../model/language';
import { localToday } from '../model/local-today';
import type { MapLink, MapNode } from '../model/types';
import type { Finding } from '../validation/findings';
import { type Drawing, prepareDrawing } from './drawing';
import { DRAWING_LABELS } from './drawing-labels';
import { drawingSvg } from './map-svg';

/** The picture exports: the whole map as vector graphics, or as a bitmap for slides and chat. */
export const PICTURE_FORMATS = ['svg', 'png'] as const;
export type PictureFormat = (typeof PICTURE_FORMATS)[number];

export const PICTURE_MIME_TYPES: Readonly<Record<PictureFormat, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
};

export interface PictureMap {
  name: string;
  nodes: readonly MapNode[];
  links: readonly MapLink[];
  /** The map's findings when the caller has them already (the canvas does). */
  findings?: readonly Finding[];
  /** The date metrics are judged on, YYYY-MM-DD; today where the picture is made when left out. */
  today?: string;
}

/** The map as one standalone SVG document, and the size of its picture in CSS pixels. */
export interface MapPicture {
  svg: string;
  width: number;
  height: number;
}

/** Said when a picture of a map with nothing on it is asked for. */
export class EmptyPictureError extends Error {
  constructor() {
    super('The map has no nodes yet, so there is nothing to draw.');
    this.name = 'EmptyPictureError';
  }
}

/**
 * The whole map as the print view draws it (kind colours, function chips, owners, metric values
 * and goal roll-ups in status colours, finding badges and flagged links), on white, in the given language, as a standalone SVG document.
 */
export function mapPicture(map: PictureMap, language: Language): MapPicture {
  return pictureOf(drawMap(map, language), map.name, 1);
}

function drawMap(map: PictureMap, language: Language): Drawing {
  if (map.nodes.length === 0) throw new EmptyPictureError();
  return prepareDrawing({
    nodes: map.nodes,
    links: map.links,
    labels: DRAWING_LABELS[language],
    status: { today: map.today ?? localToday(), language },
    ...(map.findings ? { findings: map.findings } : {}),
  });
}

/**
 * `scale` multiplies the width and height attributes only: the drawing is vector, so a bitmap
 * made from the SVG at its own size is sharp at that scale.
 */
function pictureOf(drawing: Drawing, title: string, scale: number): MapPicture {
  const { bounds } = drawing;
  const width = Math.ceil(bounds.width * scale);
  const height = Math.ceil(bounds.height * scale);
  const svg = drawingSvg(drawing, bounds, {
    width: String(width),
    height: String(height),
    title,
    background: '#ffffff',
  });
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, width, height };
}

/** Sharp on a projector and in slides: twice the canvas's pixels where the size allows. */
export const PNG_PREFERRED_SCALE = 2;
/** Browsers refuse canvases beyond about 16k pixels a side or 268M pixels in all. */
export const PNG_MAX_SIDE = 16_000;
/** Kept well under the engines' limits, so the bitmap (4 bytes a pixel) stays under ~160 MB. */
export const PNG_MAX_PIXELS = 40_000_000;

/**
 * The scale a map's PNG is drawn at: PNG_PREFERRED_SCALE, or less for a map so big that the
 * bitmap would pass a side or area limit. A very large map is still drawn whole, only smaller
 * (the SVG export keeps every detail at any size).
 */
export function pngScale(width: number, height: number): number {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return Math.min(
    PNG_PREFERRED_SCALE,
    PNG_MAX_SIDE / w,
    PNG_MAX_SIDE / h,
    Math.sqrt(PNG_MAX_PIXELS / (w * h)),
  );
}

/** The map's PNG picture as SVG: its size already scaled by pngScale, ready to rasterise 1:1. */
export function pngPicture(map: PictureMap, language: Language): MapPicture {
  const drawing = drawMap(map, language);
  return pictureOf(drawing, map.name, pngScale(drawing.bounds.width, drawing.bounds.height));
}
