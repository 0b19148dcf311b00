/**
 * The one classification of links the whole validator shares (see execution-path.ts for the order
 * in which a link's class is decided). Only usable links count towards paths and reachability.
 */
export const LINK_CLASSES = ['usable', 'forbidden', 'dangling', 'cycle', 'duplicate'] as const;
export type LinkClass = (typeof LINK_CLASSES)[number];

/** Numeric codes stored in {@link LinkAnalysis.linkClass}; index into LINK_CLASSES. */
export const LINK_CLASS_CODE = {
  usable: 0,
  forbidden: 1,
  dangling: 2,
  cycle: 3,
  duplicate: 4,
} as const satisfies Record<LinkClass, number>;
