import type { MapState } from './map-state';

/**
 * The owners named on the map, sorted, joined into one string so a selector over it returns a
 * primitive and only fires when the set of owners changes. The one home of the map's owner list:
 * the owner filter chooses from it and every owner field suggests from it.
 */
export const ownersOf = (s: MapState): string =>
  [...new Set(s.nodes.map((n) => n.data.plan.owner).filter((o) => o.trim() !== ''))].sort().join('\n');

/** The list behind {@link ownersOf}'s string. */
export const splitOwners = (joined: string): string[] => (joined === '' ? [] : joined.split('\n'));
