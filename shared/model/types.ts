import type { z } from 'zod';
import type {
  CheckinSchema,
  GoalNodeSchema,
  MapContentSchema,
  MapLinkSchema,
  MapNodeSchema,
  MechanismNodeSchema,
  MetricCheckinSchema,
  MetricNodeSchema,
  PositionSchema,
} from './schemas';

export type Position = z.output<typeof PositionSchema>;
export type GoalNode = z.output<typeof GoalNodeSchema>;
export type MechanismNode = z.output<typeof MechanismNodeSchema>;
export type MetricNode = z.output<typeof MetricNodeSchema>;
export type MapNode = z.output<typeof MapNodeSchema>;
export type MapLink = z.output<typeof MapLinkSchema>;
export type MapContent = z.output<typeof MapContentSchema>;
/** A node as it may be written by hand in a JSON file: kind-specific fields may be left out. */
export type MapNodeInput = z.input<typeof MapNodeSchema>;
export type MetricCheckin = z.output<typeof MetricCheckinSchema>;
export type Checkin = z.output<typeof CheckinSchema>;
