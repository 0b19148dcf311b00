/** The three kinds of node on a strategy map, ordered from strategy towards measurement. */
export const NODE_KINDS = ['goal', 'mechanism', 'metric'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * The functions that run operating mechanisms. They convert differently: sales one customer at a
 * time, marketing by broad reach, operations through systems (funnels, membership, repurchase),
 * which is why the closed-loop rule asks for a mechanism that converts or retains (README, "The
 * JSON interchange format").
 */
export const MECHANISM_FUNCTIONS = ['operations', 'marketing', 'sales', 'product', 'other'] as const;
export type MechanismFunction = (typeof MECHANISM_FUNCTIONS)[number];

export const GOAL_PRIORITIES = ['high', 'medium', 'low'] as const;
export type GoalPriority = (typeof GOAL_PRIORITIES)[number];

export const GOAL_STATUSES = ['proposed', 'active', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const MECHANISM_STATUSES = ['planned', 'running', 'done', 'paused'] as const;
export type MechanismStatus = (typeof MECHANISM_STATUSES)[number];

/** Whether a bigger number is good news for a metric. */
export const METRIC_DIRECTIONS = ['higher', 'lower'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

/** A metric owner's own reading of a number they report (a check-in's confidence). */
export const CONFIDENCES = ['on-track', 'at-risk', 'off-track'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const METRIC_CADENCES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type MetricCadence = (typeof METRIC_CADENCES)[number];

/** Lane of each kind on the canvas and in the layout: Strategy | Operations | Metrics. */
export const LANE_OF_KIND: Readonly<Record<NodeKind, 0 | 1 | 2>> = { goal: 0, mechanism: 1, metric: 2 };
