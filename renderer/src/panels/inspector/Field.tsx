import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapNode } from '../../../../shared/model/types';
import { useMapStore, useMapStoreApi } from '../../store/context';
import { ownersOf, splitOwners } from '../../store/map-owners';
import { DateInput } from '../DateInput';
import { widthOf } from './field-rows';
import { commitField, type FieldError, type FieldSpec, formatField } from './parse-field';

type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const PLACEHOLDERS: Partial<Record<FieldSpec['key'], string>> = {
  owner: 'inspector.placeholders.owner',
  horizon: 'inspector.placeholders.horizon',
  unit: 'inspector.placeholders.unit',
  source: 'inspector.placeholders.source',
  baseline: 'inspector.placeholders.number',
  target: 'inspector.placeholders.number',
  current: 'inspector.placeholders.number',
};

/** While an input method is composing (Chinese, Japanese…), keys belong to the composition. */
export function isComposing(e: KeyboardEvent): boolean {
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

/** Whether the browser holds a partly typed or impossible value it will not report (dates). */
function badInputOf(element: Editable): boolean {
  return element instanceof HTMLInputElement ? element.validity.badInput : false;
}

/**
 * One field of the selected node. The text being typed lives here; it is saved when the user
 * leaves the field or presses Enter (Ctrl/Cmd+Enter in the description), only if it is valid, as
 * one change. Escape puts the saved value back. Choices in a select are saved at once. A valid
 * draft still being typed when the field goes away (another node selected) is saved then.
 */
export interface FieldProps {
  plan: MapNode;
  spec: FieldSpec;
  readOnly: boolean;
  /** Why the last value typed here was refused; the row shows the message under itself. */
  error: FieldError | null;
  /** The id of that message, for aria-describedby. */
  errorId: string;
  onError(key: FieldSpec['key'], error: FieldError | null): void;
}

export function Field({ plan, spec, readOnly, error, errorId, onError }: FieldProps) {
  const { t } = useTranslation();
  const store = useMapStoreApi();
  const id = useId();
  const saved = formatField(plan, spec.key);
  const [draft, setDraftState] = useState<string | null>(null);
  const setError = (next: FieldError | null) => onError(spec.key, next);
  const value = draft ?? saved;
  // A metric with check-ins takes its current value from the latest one: corrected there, not here.
  const checkinDate = useMapStore((s) =>
    spec.key === 'current' ? (s.checkins.latest(plan.id)?.date ?? null) : null,
  );
  const fromCheckin = checkinDate !== null;
  const fromCheckinId = checkinNoteId(errorId);

  // The draft as of the last keystroke, for the save on unmount (state is gone by then).
  const pending = useRef<string | null>(null);
  const setDraft = (next: string | null) => {
    pending.current = next;
    setDraftState(next);
  };

  /** Checks `raw` against the node as it is now and saves it; the error, or null when saved. */
  const save = (raw: string, badInput: boolean): FieldError | null => {
    const state = store.getState();
    if (state.readOnly) return null;
    const latest = state.nodes.find((n) => n.id === plan.id)?.data.plan;
    if (!latest) return null;
    const result = commitField(latest, spec.key, raw, { badInput });
    if (!result.ok) return result.error;
    if (Object.keys(result.value).length > 0) state.updateNode(plan.id, result.value);
    return null;
  };

  const commit = (raw: string, badInput = false) => {
    if (readOnly || fromCheckin) return;
    const problem = save(raw, badInput);
    setError(problem);
    if (!problem) setDraft(null);
  };

  // Saved through a ref so the cleanup sees the last draft; runs once, when the field goes away.
  const saveOnUnmount = useRef(save);
  saveOnUnmount.current = save;
  useEffect(
    () => () => {
      if (pending.current !== null) saveOnUnmount.current(pending.current, false);
    },
    [],
  );

  const revert = (input: Editable) => {
    setDraft(null);
    setError(null);
    // A partly typed date reads as "" in the DOM and React does not reset it: do it by hand.
    if (spec.type === 'date') input.value = saved;
  };

  const onKeyDown = (e: KeyboardEvent<Editable>) => {
    // Keys typed here are for this field, not for the canvas's shortcuts (Delete, Tab, arrows…).
    e.stopPropagation();
    if (isComposing(e)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      revert(e.currentTarget);
    } else if (e.key === 'Enter' && spec.type !== 'select') {
      if (spec.type === 'textarea' && !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      commit(e.currentTarget.value, badInputOf(e.currentTarget));
    }
  };

  const onBlur = (e: { currentTarget: Editable }) => {
    const badInput = badInputOf(e.currentTarget);
    // A partly typed date fires no change (its value stays ""), so check it even without a draft.
    // After a refused date, its value may have gone from bad to "" (cleared) without a change event.
    const recheck = error !== null && spec.type === 'date';
    if (draft === null && !badInput && !recheck) return;
    commit(e.currentTarget.value, badInput);
  };

  const unit = plan.kind === 'metric' && spec.type === 'number' ? plan.unit.trim() : '';
  const placeholderKey = PLACEHOLDERS[spec.key];
  const common = {
    id,
    className: `inspector__input inspector__input--${spec.type}`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : fromCheckin ? fromCheckinId : undefined,
    'data-field': spec.key,
    'data-from-checkin': fromCheckin || undefined,
    disabled: readOnly,
    onKeyDown,
  };

  let control: ReactNode;
  if (spec.type === 'select') {
    control = (
      <select
        {...common}
        value={value}
        onChange={(e) => {
          setDraft(e.target.value);
          commit(e.target.value);
        }}
      >
        {spec.nullable ? <option value="">{t(`${spec.optionLabels}.none`)}</option> : null}
        {(spec.options ?? []).map((option) => (
          <option key={option} value={option}>
            {t(`${spec.optionLabels}.${option}`)}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'date') {
    // Typed in the UI's language, not in the browser's locale (DateInput).
    control = (
      <DateInput {...common} value={value} onChange={(e) => setDraft(e.target.value)} onBlur={onBlur} />
    );
  } else if (spec.type === 'textarea') {
    control = (
      <textarea
        {...common}
        value={value}
        rows={3}
        maxLength={spec.maxLength}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={onBlur}
      />
    );
  } else {
    control = (
      <input
        {...common}
        // Numbers are typed as text so that "abc" can be explained rather than silently dropped.
        type="text"
        inputMode={spec.type === 'number' ? 'decimal' : undefined}
        autoComplete="off"
        spellCheck={spec.type === 'text' ? undefined : false}
        value={value}
        readOnly={fromCheckin}
        maxLength={spec.maxLength}
        placeholder={placeholderKey ? t(placeholderKey) : undefined}
        // The owner field suggests the owners already on the map, so one person is spelt one way.
        list={spec.key === 'owner' ? `${id}-owners` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={onBlur}
      />
    );
    if (spec.key === 'owner') {
      control = (
        <>
          {control}
          <OwnerSuggestions id={`${id}-owners`} />
        </>
      );
    }
  }

  return (
    <div
      className={`inspector__field inspector__field--${widthOf(spec)}${error ? ' is-invalid' : ''}`}
      data-field-key={spec.key}
    >
      <label className="inspector__label" htmlFor={id}>
        {t(`inspector.labels.${spec.key}`)}
        {unit ? (
          <>
            {' '}
            <span className="inspector__label-unit">{unit}</span>
          </>
        ) : null}
      </label>
      {control}
    </div>
  );
}

/** The id of the note saying a field's value comes from a check-in (FieldRow shows it). */
export function checkinNoteId(errorId: string): string {
  return `${errorId}-checkin`;
}

/** The map's owners as a datalist, for any field where an owner is typed. */
export function OwnerSuggestions({ id }: { id: string }) {
  const joined = useMapStore(ownersOf);
  return (
    <datalist id={id} data-testid="owner-suggestions">
      {splitOwners(joined).map((owner) => (
        <option key={owner} value={owner} />
      ))}
    </datalist>
  );
}
