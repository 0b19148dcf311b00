/** Paper sizes the export offers, the names both engines know (Electron pageSize, Playwright format). */
export const PAPERS = ['A4', 'A3', 'Letter', 'Tabloid'] as const;
export type Paper = (typeof PAPERS)[number];

export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** Portrait width and height in millimetres (Letter 8.5 × 11 in, Tabloid 11 × 17 in). */
export const PAPER_MM: Readonly<Record<Paper, { width: number; height: number }>> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
  Letter: { width: 215.9, height: 279.4 },
  Tabloid: { width: 279.4, height: 431.8 },
};

/** The page's width and height in millimetres: landscape is the portrait size turned. */
export function pageSizeMm(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const { width, height } = PAPER_MM[paper];
  return orientation === 'landscape' ? { width: height, height: width } : { width, height };
}

/** CSS pixels per millimetre (96 px to the inch). */
export const PX_PER_MM = 96 / 25.4;
export const MM_PER_INCH = 25.4;
