import type { Language } from '../model/language';

/** How much a finding matters. Errors break the method (no execution path, invalid links). */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Stable codes of every finding; the CLI's --json output and the UI's translations key on them. */
export const FINDING_CODES = [
  'goal-without-execution-path',
  'goal-without-closed-loop',
  'mechanism-serves-no-goal',
  'mechanism-without-metric',
  'mechanism-function-unset',
  'metric-unlinked',
  'metric-without-target-or-baseline',
  'metric-stale',
  'node-without-owner',
  'node-empty-title',
  'link-forbidden',
  'link-dangling',
  'link-duplicate',
  'link-cycle',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** One thing wrong with a map: what, how bad, where, and a sentence a non-engineer understands. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The nodes it concerns; the first is the one to take the user to. */
  readonly nodeIds: readonly string[];
  /** The links it concerns, for link findings. */
  readonly linkIds: readonly string[];
  /** The same sentence in each supported language. */
  message: Record<Language, string>;
}
