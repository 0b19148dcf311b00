import type { MapNode } from '../../../shared/model';

/** Lower-cased and width-folded, so "ＧＭＶ" finds "gmv" and case never matters. */
function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

/**
 * The nodes whose title, owner or description contain the query, in reading order (lane, then
 * top to bottom). An empty query finds nothing.
 */
export function searchNodes(nodes: readonly MapNode[], query: string): string[] {
  const wanted = fold(query.trim());
  if (wanted === '') return [];
  const lane = { goal: 0, mechanism: 1, metric: 2 } as const;
  return nodes
    .filter((n) => [n.title, n.owner, n.description].some((field) => fold(field).includes(wanted)))
    .sort((a, b) => lane[a.kind] - lane[b.kind] || a.position.y - b.position.y)
    .map((n) => n.id);
}
