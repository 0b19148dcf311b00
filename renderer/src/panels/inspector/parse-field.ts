import {
  GOAL_PRIORITIES,
  GOAL_STATUSES,
  MECHANISM_FUNCTIONS,
  MECHANISM_STATUSES,
  METRIC_CADENCES,
  METRIC_DIRECTIONS,
} from '../../../../shared/model/kinds';
import { LIMITS } from '../../../../shared/model/limits';
import { MapNodeSchema } from '../../../../shared/model/schemas';
import type { MapNode } from '../../../../shared/model/types';
import { typedDay } from '../../i18n/date-locale';

/**
 * What the inspector edits and how a typed value becomes a saved one. Pure: the component only
 * keeps the text being typed and calls commitField when the user leaves the field or presses Enter.
 */

export type FieldType = 'text' | 'textarea' | 'number' | 'date' | 'select';

export type FieldKey =
  | 'title'
  | 'description'
  | 'owner'
  | 'horizon'
  | 'priority'
  | 'status'
  | 'function'
  | 'startDate'
  | 'dueDate'
  | 'unit'
  | 'direction'
  | 'baseline'
  | 'target'
  | 'current'
  | 'cadence'
  | 'source';

export interface FieldSpec {
  key: FieldKey;
  type: FieldType;
  /** Text fields: the most characters the schema accepts. */
  maxLength?: number;
  /** Select fields: the values to choose from. */
  options?: readonly string[];
  /** Select fields: whether "none" (null) is a choice; it is the empty option. */
  nullable?: boolean;
  /** The i18n group naming the options, e.g. inspector.options.priority.high. */
  optionLabels?: string;
}

const TITLE: FieldSpec = { key: 'title', type: 'text', maxLength: LIMITS.title };
const DESCRIPTION: FieldSpec = { key: 'description', type: 'textarea', maxLength: LIMITS.description };
const OWNER: FieldSpec = { key: 'owner', type: 'text', maxLength: LIMITS.owner };

/** The fields of each kind, in the order the inspector shows them. */
export const FIELDS_OF_KIND: Readonly<Record<MapNode['kind'], readonly FieldSpec[]>> = {
  goal: [
    TITLE,
    OWNER,
    { key: 'horizon', type: 'text', maxLength: LIMITS.shortText },
    {
      key: 'priority',
      type: 'select',
      options: GOAL_PRIORITIES,
      nullable: true,
      optionLabels: 'inspector.options.priority',
    },
    { key: 'status', type: 'select', options: GOAL_STATUSES, optionLabels: 'inspector.options.goalStatus' },
    DESCRIPTION,
  ],
  mechanism: [
    TITLE,
    OWNER,
    {
      key: 'function',
      type: 'select',
      options: MECHANISM_FUNCTIONS,
      // A new mechanism's function starts unset (a finding until someone chooses).
      nullable: true,
      optionLabels: 'inspector.options.function',
    },
    {
      key: 'status',
      type: 'select',
      options: MECHANISM_STATUSES,
      optionLabels: 'inspector.options.mechanismStatus',
    },
    { key: 'startDate', type: 'date' },
    { key: 'dueDate', type: 'date' },
    DESCRIPTION,
  ],
  metric: [
    TITLE,
    OWNER,
    { key: 'unit', type: 'text', maxLength: LIMITS.shortText },
    {
      key: 'direction',
      type: 'select',
      options: METRIC_DIRECTIONS,
      optionLabels: 'inspector.options.direction',
    },
    { key: 'baseline', type: 'number' },
    { key: 'target', type: 'number' },
    { key: 'current', type: 'number' },
    { key: 'dueDate', type: 'date' },
    {
      key: 'cadence',
      type: 'select',
      options: METRIC_CADENCES,
      nullable: true,
      optionLabels: 'inspector.options.cadence',
    },
    { key: 'source', type: 'text', maxLength: LIMITS.shortText },
    DESCRIPTION,
  ],
};

/** Why a typed value was not saved. Each code has a message under inspector.errors. */
export type FieldError =
  | { code: 'number' }
  | { code: 'range'; max: number }
  | { code: 'date' }
  | { code: 'dueBeforeStart'; start: string }
  | { code: 'startAfterDue'; due: string }
  | { code: 'tooLong'; max: number }
  | { code: 'choice' }
  | { code: 'invalid' };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: FieldError };

/** The largest amount the schema accepts (AmountSchema), either sign. */
export const AMOUNT_LIMIT = 1e15;

const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?$/;

/**
 * A number as people type it: optional sign, digits, optional decimals after a point, commas
 * allowed only as thousands separators ("1,234.5"). Full-width digits and punctuation from a
 * Chinese input method are read as their ASCII forms. Empty text clears the value (null).
 * No units, percent signs, exponents or spaces inside.
 */
export function parseNumber(raw: string): Parsed<number | null> {
  const text = raw
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .trim();
  if (text === '') return { ok: true, value: null };
  if (!/\d/.test(text) || !PLAIN_NUMBER.test(text)) return { ok: false, error: { code: 'number' } };
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { ok: false, error: { code: 'number' } };
  if (Math.abs(value) > AMOUNT_LIMIT) return { ok: false, error: { code: 'range', max: AMOUNT_LIMIT } };
  // "-0" is 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * A calendar date, typed as people write it in either language (see typedDay), saved as
 * YYYY-MM-DD. Empty text clears it, unless the browser says the input holds a partly typed date
 * (`badInput`).
 */
export function parseDate(raw: string, badInput = false): Parsed<string | null> {
  const text = raw.trim();
  if (badInput) return { ok: false, error: { code: 'date' } };
  if (text === '') return { ok: true, value: null };
  const day = typedDay(text);
  if (day === null) return { ok: false, error: { code: 'date' } };
  return { ok: true, value: day };
}

/** Text without surrounding white space, at most `max` characters. */
export function parseText(raw: string, max: number): Parsed<string> {
  const text = raw.trim();
  if (text.length > max) return { ok: false, error: { code: 'tooLong', max } };
  return { ok: true, value: text };
}

/** One of the options; the empty string is "none" (null) where that is allowed. */
export function parseChoice(
  raw: string,
  options: readonly string[],
  nullable: boolean,
): Parsed<string | null> {
  if (raw === '' && nullable) return { ok: true, value: null };
  if (options.includes(raw)) return { ok: true, value: raw };
  return { ok: false, error: { code: 'choice' } };
}

/** Whether a due date may follow a start date: due on or after start; either may be unset. */
export function checkDateOrder(
  start: string | null,
  due: string | null,
  changed: 'startDate' | 'dueDate',
): FieldError | null {
  if (start === null || due === null || due >= start) return null;
  return changed === 'dueDate' ? { code: 'dueBeforeStart', start } : { code: 'startAfterDue', due };
}

/** The field's spec for this kind of node, or undefined when the kind has no such field. */
export function fieldSpec(kind: MapNode['kind'], key: FieldKey): FieldSpec | undefined {
  return FIELDS_OF_KIND[kind].find((f) => f.key === key);
}

/** The saved value of a field as the text shown in its input. */
export function formatField(plan: MapNode, key: FieldKey): string {
  const value = (plan as unknown as Record<string, unknown>)[key];
  if (value === null || value === undefined) return '';
  return String(value);
}

function parseValue(spec: FieldSpec, raw: string, badInput: boolean): Parsed<unknown> {
  switch (spec.type) {
    case 'number':
      return parseNumber(raw);
    case 'date':
      return parseDate(raw, badInput);
    case 'select':
      return parseChoice(raw, spec.options ?? [], spec.nullable ?? false);
    default:
      return parseText(raw, spec.maxLength ?? LIMITS.shortText);
  }
}

/**
 * The patch that saves `raw` into field `key` of `plan`, or why nothing may be saved. The value
 * is parsed for its type, start and due dates are checked against each other, and the whole
 * patched node must pass the node schema. An unchanged value gives an empty patch.
 */
export function commitField(
  plan: MapNode,
  key: FieldKey,
  raw: string,
  options: { badInput?: boolean } = {},
): Parsed<Partial<MapNode>> {
  const spec = fieldSpec(plan.kind, key);
  if (!spec) return { ok: false, error: { code: 'invalid' } };
  const parsed = parseValue(spec, raw, options.badInput ?? false);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (plan.kind === 'mechanism' && (key === 'startDate' || key === 'dueDate')) {
    const start = key === 'startDate' ? (value as string | null) : plan.startDate;
    const due = key === 'dueDate' ? (value as string | null) : plan.dueDate;
    const order = checkDateOrder(start, due, key);
    if (order) return { ok: false, error: order };
  }
  if (Object.is((plan as unknown as Record<string, unknown>)[key], value)) return { ok: true, value: {} };
  const next = { ...plan, [key]: value };
  const checked = MapNodeSchema.safeParse(next);
  if (!checked.success) return { ok: false, error: { code: 'invalid' } };
  return { ok: true, value: { [key]: value } as Partial<MapNode> };
}
