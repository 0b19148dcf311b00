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
  if (all.length === 0) return '';
  const most = Math.max(2, Math.floor(width));
  const values =
    all.length <= most
      ? all
      : Array.from(
          { length: most },
          (_, i) => all[Math.round((i * (all.length - 1)) / (most - 1))] as number,
        );
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const w = width - 2 * pad;
  const h = height - 2 * pad;
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const range = max - min;
  const round = (n: number) => Math.round(n * 100) / 100;
  const points: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const x = values.length > 1 ? pad + i * step : pad + w / 2;
    const y = range === 0 ? pad + h / 2 : pad + h - (((values[i] as number) - min) / range) * h;
    points.push(`${round(x)},${round(y)}`);
  }
  return points.join(' ');
}
