import type { FieldSpec } from './parse-field';

export type FieldWidth = 'wide' | 'half' | 'third';

/** Fields that take the panel's full width; numbers go three to a row, the rest two. */
const WIDE_KEYS: ReadonlySet<FieldSpec['key']> = new Set(['title', 'owner', 'description', 'source']);

const SPAN: Readonly<Record<FieldWidth, number>> = { wide: 6, half: 3, third: 2 };

export function widthOf(spec: FieldSpec): FieldWidth {
  if (WIDE_KEYS.has(spec.key) || spec.type === 'textarea') return 'wide';
  return spec.type === 'number' ? 'third' : 'half';
}

/**
 * The fields in rows of the panel's six columns, in order: a row ends when the next field would
 * not fit. A refused value's message goes under its row, across the panel's width.
 */
export function fieldRows(specs: readonly FieldSpec[]): FieldSpec[][] {
  const rows: FieldSpec[][] = [];
  let row: FieldSpec[] = [];
  let used = 0;
  for (const spec of specs) {
    const span = SPAN[widthOf(spec)];
    if (used + span > 6 && row.length > 0) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(spec);
    used += span;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
