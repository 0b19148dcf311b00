/**
 * Size limits of user-typed values. They are generous for real plans and keep a hostile or
 * corrupted file from filling memory or the database.
 */
export const LIMITS = {
  idLength: 64,
  mapName: 200,
  title: 300,
  description: 5000,
  owner: 120,
  shortText: 120,
  position: 1_000_000,
  nodesPerMap: 20_000,
  linksPerMap: 60_000,
  /** Five years of weekly numbers for 1,000 metrics, with room to spare. */
  checkinsPerMap: 300_000,
  checkinNote: 1000,
} as const;
