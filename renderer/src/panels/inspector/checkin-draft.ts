import { CONFIDENCES, type Confidence } from '../../../../shared/model/kinds';
import { LIMITS } from '../../../../shared/model/limits';
import { CheckinSchema } from '../../../../shared/model/schemas';
import type { Checkin } from '../../../../shared/model/types';
import { type FieldError, parseDate, parseNumber, parseText } from './parse-field';

/**
 * A check-in as typed in the inspector (a new one, or one being corrected) and how it becomes a
 * saved one. Pure: the component keeps the texts and calls checkinFromDraft on Enter.
 */
export interface CheckinDraft {
  date: string;
  value: string;
  /** '' for "not given". */
  confidence: string;
  note: string;
}

export type DraftKey = keyof CheckinDraft;

/** Why a draft was refused, per field; a required field left empty has its own code. */
export type DraftError = FieldError | { code: 'valueRequired' } | { code: 'dateRequired' };

export type DraftResult =
  | { ok: true; checkin: Checkin }
  | { ok: false; errors: Partial<Record<DraftKey, DraftError>> };

/** A blank draft for a new check-in on `today`. */
export function blankDraft(today: string): CheckinDraft {
  return { date: today, value: '', confidence: '', note: '' };
}

/** The draft of an existing check-in, to correct it. */
export function draftOf(checkin: Checkin): CheckinDraft {
  return {
    date: checkin.date,
    value: String(checkin.value),
    confidence: checkin.confidence ?? '',
    note: checkin.note,
  };
}

/**
 * The check-in the draft describes, for metric `metric` with id `id`, entered by `by`; or every
 * field that cannot be saved (a missing or impossible date, a missing value, one that is not a
 * number or out of range, a note too long). `badDate` is the browser's word that the date input
 * holds a partly typed day.
 */
export function checkinFromDraft(
  draft: CheckinDraft,
  ids: { id: string; metric: string; by: string },
  badDate = false,
): DraftResult {
  const errors: Partial<Record<DraftKey, DraftError>> = {};
  const date = parseDate(draft.date, badDate);
  if (!date.ok) errors.date = date.error;
  else if (date.value === null) errors.date = { code: 'dateRequired' };
  const value = parseNumber(draft.value);
  if (!value.ok) errors.value = value.error;
  else if (value.value === null) errors.value = { code: 'valueRequired' };
  const note = parseText(draft.note, LIMITS.checkinNote);
  if (!note.ok) errors.note = note.error;
  const confidence = draft.confidence === '' ? null : draft.confidence;
  if (confidence !== null && !(CONFIDENCES as readonly string[]).includes(confidence)) {
    errors.confidence = { code: 'choice' };
  }
  if (Object.keys(errors).length > 0 || !date.ok || !value.ok || !note.ok) return { ok: false, errors };
  const checkin: Checkin = {
    id: ids.id,
    metric: ids.metric,
    date: date.value as string,
    value: value.value as number,
    confidence: confidence as Confidence | null,
    note: note.value,
    by: ids.by.trim().slice(0, LIMITS.owner),
  };
  const checked = CheckinSchema.safeParse(checkin);
  if (!checked.success) return { ok: false, errors: { value: { code: 'invalid' } } };
  return { ok: true, checkin };
}

/** Whether a corrected check-in differs from the saved one (an unchanged one is not written). */
export function sameCheckin(a: Checkin, b: Checkin): boolean {
  return (
    a.date === b.date &&
    a.value === b.value &&
    a.confidence === b.confidence &&
    a.note === b.note &&
    a.by === b.by
  );
}
