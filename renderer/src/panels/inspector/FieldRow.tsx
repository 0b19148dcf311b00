import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapNode } from '../../../../shared/model/types';
import { shownDay } from '../../i18n/date-locale';
import { useMapStore } from '../../store/context';
import { checkinNoteId, Field } from './Field';
import { AMOUNT_LIMIT, type FieldError, type FieldKey, type FieldSpec } from './parse-field';

/**
 * A row of fields, with the message of any refused value under it, across the panel's width (a
 * message squeezed into a third of the panel would be hard to read). Each message is tied to its
 * input by aria-describedby and announced when it appears.
 */
export function FieldRow({
  plan,
  specs,
  readOnly,
}: {
  plan: MapNode;
  specs: readonly FieldSpec[];
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const rowId = useId();
  const [errors, setErrors] = useState<Partial<Record<FieldKey, FieldError | null>>>({});
  const onError = useCallback(
    (key: FieldKey, error: FieldError | null) =>
      setErrors((current) => (current[key] === error ? current : { ...current, [key]: error })),
    [],
  );
  const errorId = (key: FieldKey) => `${rowId}-${key}-error`;
  // A metric's current value, when it has check-ins, is its latest one's: say which.
  const hasCurrent = plan.kind === 'metric' && specs.some((s) => s.key === 'current');
  const checkinDate = useMapStore((s) => (hasCurrent ? (s.checkins.latest(plan.id)?.date ?? null) : null));

  return (
    <div className="inspector__row">
      <div className="inspector__row-fields">
        {specs.map((spec) => (
          <Field
            key={spec.key}
            plan={plan}
            spec={spec}
            readOnly={readOnly}
            error={errors[spec.key] ?? null}
            errorId={errorId(spec.key)}
            onError={onError}
          />
        ))}
      </div>
      {checkinDate !== null && !errors.current ? (
        <p
          id={checkinNoteId(errorId('current'))}
          className="checkins__current"
          data-testid="current-from-checkin"
        >
          {t('metricCheckins.current', { date: checkinDate })}
        </p>
      ) : null}
      {specs.map((spec) => {
        const error = errors[spec.key];
        if (!error) return null;
        return (
          <p
            key={spec.key}
            id={errorId(spec.key)}
            className="inspector__error"
            role="alert"
            data-testid="inspector-error"
            data-error-for={spec.key}
          >
            <span aria-hidden="true" className="inspector__error-icon">
              !
            </span>{' '}
            {specs.length > 1 ? (
              <strong className="inspector__error-field">{t(`inspector.labels.${spec.key}`)}</strong>
            ) : null}
            {t(`inspector.errors.${error.code}`, errorParams(error, i18n.language))}
          </p>
        );
      })}
    </div>
  );
}

function errorParams(error: FieldError, language: string): Record<string, string | number> {
  switch (error.code) {
    case 'range':
      return { max: new Intl.NumberFormat(language).format(AMOUNT_LIMIT) };
    case 'tooLong':
      return { max: error.max };
    case 'dueBeforeStart':
      return { start: shownDay(error.start, language) };
    case 'startAfterDue':
      return { due: shownDay(error.due, language) };
    default:
      return {};
  }
}
