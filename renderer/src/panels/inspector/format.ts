/** A share (0.5) as a whole percentage ("50%"). */
export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A share clamped to 0..1, for the width of a bar. */
export function clampShare(share: number): number {
  return Math.min(1, Math.max(0, share));
}
