import { z } from 'zod';
import {
  CONFIDENCES,
  GOAL_PRIORITIES,
  GOAL_STATUSES,
  MECHANISM_FUNCTIONS,
  MECHANISM_STATUSES,
  METRIC_CADENCES,
  METRIC_DIRECTIONS,
} from './kinds';
import { LIMITS } from './limits';

/** Ids are short opaque tokens; no spaces or markup so they are safe in URLs, file names and DOM ids. */
export const IdSchema = z
  .string()
  .min(1)
  .max(LIMITS.idLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids may contain only letters, digits, "_" and "-"');

const text = (max: number) => z.string().max(max);
const coordinate = z.number().min(-LIMITS.position).max(LIMITS.position);
/** A calendar date as YYYY-MM-DD, or null when not set. */
export const DateSchema = z.iso.date().nullable();
/** A finite number, or null when not set. */
export const AmountSchema = z.number().min(-1e15).max(1e15).nullable();

export const PositionSchema = z.object({ x: coordinate, y: coordinate });

const nodeBase = {
  id: IdSchema,
  title: text(LIMITS.title),
  description: text(LIMITS.description).default(''),
  owner: text(LIMITS.owner).default(''),
  position: PositionSchema.default({ x: 0, y: 0 }),
};

export const GoalNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal('goal'),
  horizon: text(LIMITS.shortText).default(''),
  priority: z.enum(GOAL_PRIORITIES).nullable().default(null),
  status: z.enum(GOAL_STATUSES).default('proposed'),
});

export const MechanismNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal('mechanism'),
  // Unset until someone says what the mechanism does: a new mechanism is not assumed to convert or
  // retain (validate.ts), and an imported one without the field stays unset rather than guessed.
  function: z.enum(MECHANISM_FUNCTIONS).nullable().default(null),
  startDate: DateSchema.default(null),
  dueDate: DateSchema.default(null),
  status: z.enum(MECHANISM_STATUSES).default('planned'),
});

export const MetricNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal('metric'),
  unit: text(LIMITS.shortText).default(''),
  direction: z.enum(METRIC_DIRECTIONS).default('higher'),
  baseline: AmountSchema.default(null),
  target: AmountSchema.default(null),
  current: AmountSchema.default(null),
  dueDate: DateSchema.default(null),
  cadence: z.enum(METRIC_CADENCES).nullable().default(null),
  source: text(LIMITS.shortText).default(''),
});

export const MapNodeSchema = z.discriminatedUnion('kind', [
  GoalNodeSchema,
  MechanismNodeSchema,
  MetricNodeSchema,
]);

/**
 * A directed link. Its meaning follows from the kinds at its ends (see link-rules.ts); whether it
 * is allowed is a finding, not a schema error, so imported maps with bad links still load.
 */
export const MapLinkSchema = z.object({
  id: IdSchema,
  source: IdSchema,
  target: IdSchema,
});

export const MapNameSchema = z.string().trim().min(1, 'a map needs a name').max(LIMITS.mapName);

/**
 * One number a metric's owner reported for one day (checkins.ts), as a JSON map file nests it under
 * its metric (interchange version 2).
 */
export const MetricCheckinSchema = z.object({
  id: IdSchema,
  date: z.iso.date(),
  value: z.number().min(-1e15).max(1e15),
  confidence: z.enum(CONFIDENCES).nullable().default(null),
  note: text(LIMITS.checkinNote).default(''),
  by: text(LIMITS.owner).default(''),
});

/** A check-in naming its metric: how the document, the tables and the app hold it. */
export const CheckinSchema = MetricCheckinSchema.extend({ metric: IdSchema });

/**
 * The content of a map: what the validator, the canvas and the exports work on. Its check-ins are
 * left out by whatever does not need them (a map made before them, a template).
 */
export const MapContentSchema = z.object({
  nodes: z.array(MapNodeSchema).max(LIMITS.nodesPerMap),
  links: z.array(MapLinkSchema).max(LIMITS.linksPerMap),
  checkins: z.array(CheckinSchema).max(LIMITS.checkinsPerMap).optional(),
});
