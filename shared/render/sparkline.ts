/**
 * The geometry of a small line chart of a metric's numbers, one home for every place that draws
 * one: the card's sparkline, the inspector's trend chart and the PDF's metrics table
 * (sparklinePoints). Pure: points in, SVG path and coordinates out.
 */

export interface ChartPoint {
  /** Position along the time axis: an index, or a day number for a chart spaced by dates. */
  x: number;
  value: number;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room kept free on every side, so the line's ends and dots are not cut. */
  pad: number;
}

export interface ChartGeometry {
  /** The SVG path of the line through every point, oldest first ("M x y L x y …"). */
  line: string;
  /** Each point's position in the box, in the order given. */
  points: { x: number; y: number }[];
  /** Where a value (a target, a baseline) falls vertically in the box. */
  yOf(value: number): number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Fits the points, and the reference values (target, baseline) so their lines are in the box too,
 * into the box: the lowest value at the bottom, the highest at the top. A single point, or points
 * all on one value, sit in the middle; null when there is no point.
 */
export function chartGeometry(
  points: readonly ChartPoint[],
  box: ChartBox,
  references: readonly (number | null)[] = [],
): ChartGeometry | null {
  if (points.length === 0) return null;
  const values = points.map((p) => p.value);
  for (const r of references) if (r !== null && Number.isFinite(r)) values.push(r);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const first = points[0] as ChartPoint;
  const last = points[points.length - 1] as ChartPoint;
  const innerW = box.width - 2 * box.pad;
  const innerH = box.height - 2 * box.pad;
  const xOf = (x: number) =>
    last.x === first.x ? box.pad + innerW / 2 : box.pad + ((x - first.x) / (last.x - first.x)) * innerW;
  const yOf = (value: number) =>
    round(high === low ? box.pad + innerH / 2 : box.pad + ((high - value) / (high - low)) * innerH);
  const placed = points.map((p) => ({ x: round(xOf(p.x)), y: yOf(p.value) }));
  const line = placed.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { line, points: placed, yOf };
}

/**
 * A sparkline of a metric's history (oldest first) as the `points` of an SVG polyline in a
 * `width` × `height` box, `pad` kept clear on every side so a round line cap is never cut. The
 * numbers are scaled to their own range; a flat history is a line through the middle. A history
 * longer than the box is wide in pixels is drawn through one number per pixel (the first and the
 * last always among them): two years of weekly numbers in 56 pixels look the same, and a table of
 * 1,000 of them prints with half the points. Pure: the PDF's metrics table draws it as vector SVG,
 * so it prints crisply at any resolution.
 */
export function sparklinePoints(all: readonly number[], width: number, height: number, pad = 1): string {
  const most = Math.max(2, Math.floor(width));
  const values =
    all.length <= most
      ? all
      : Array.from(
          { length: most },
          (_, i) => all[Math.round((i * (all.length - 1)) / (most - 1))] as number,
        );
  // A single number sits in the middle of the box, as chartGeometry places it.
  const geometry = chartGeometry(
    values.map((value, x) => ({ x, value })),
    { width, height, pad },
  );
  return geometry ? geometry.points.map((p) => `${p.x},${p.y}`).join(' ') : '';
}
