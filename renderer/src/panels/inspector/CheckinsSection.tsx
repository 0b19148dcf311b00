import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../../shared/model/amount';
import { CONFIDENCES } from '../../../../shared/model/kinds';
import { localToday } from '../../../../shared/model/local-today';
import type { Checkin, MetricNode } from '../../../../shared/model/types';
import { usePresence } from '../../room/presence-store';
import { useMapStore, useMapStoreApi } from '../../store/context';
import { newId } from '../../store/ids';
import { DateInput } from '../DateInput';
import {
  blankDraft,
  type CheckinDraft,
  checkinFromDraft,
  type DraftError,
  type DraftKey,
  draftOf,
  sameCheckin,
} from './checkin-draft';
import { isComposing } from './Field';
import { AMOUNT_LIMIT } from './parse-field';
import { StatusBadge } from './StatusBadge';
import { TrendChart } from './TrendChart';

/**
 * A metric's check-ins: its trend, a form to add this period's number, and the history newest
 * first, where each check-in can be corrected in place or deleted. Every change is one step of the
 * map's undo (writeCheckins), so a deletion is undone with Ctrl+Z. All of it works by keyboard:
 * Enter saves, Escape cancels, and focus comes back to where the user was.
 */
export function CheckinsSection({ metric, readOnly }: { metric: MetricNode; readOnly: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const history = useMapStore((s) => s.checkins.history(metric.id));
  const [editing, setEditing] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const section = useRef<HTMLElement>(null);
  const newest = [...history].reverse();

  /** After a row closes or goes, focus goes to its Correct button, or the next one, or the form. */
  const focusAfter = useRef<{ id: string; index: number; gone?: string } | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    if (!target || !section.current) return;
    const rows = [...section.current.querySelectorAll<HTMLElement>('li[data-checkin-id]')];
    // A deleted row may still be drawn in this pass (the store's change arrives in the next one):
    // focus waits for it to go, or it would land on a button about to vanish.
    if (target.gone !== undefined && rows.some((r) => r.dataset.checkinId === target.gone)) return;
    focusAfter.current = null;
    const row =
      rows.find((r) => r.dataset.checkinId === target.id) ?? rows[Math.min(target.index, rows.length - 1)];
    const button = row?.querySelector<HTMLElement>('[data-action="correct"]');
    if (button) button.focus();
    else section.current.querySelector<HTMLElement>('[data-checkin-field="value"]')?.focus();
  });

  const store = useMapStoreApi();
  const remove = (checkin: Checkin, index: number) => {
    if (store.getState().writeCheckins([], [checkin.id])) {
      setAnnouncement(t('metricCheckins.deleted', { date: checkin.date }));
      focusAfter.current = { id: '', index, gone: checkin.id };
    }
  };

  return (
    <section
      ref={section}
      className="inspector__derived checkins"
      aria-labelledby={headingId}
      data-testid="checkins"
      data-count={history.length}
    >
      <h3 id={headingId} className="inspector__subheading">
        {t('metricCheckins.heading')}
      </h3>
      <p className="inspector__note checkins__intro">{t('metricCheckins.intro')}</p>
      <TrendChart metric={metric} history={history} />
      {readOnly ? null : (
        <CheckinForm
          metric={metric}
          initial={null}
          onSaved={(checkin) => setAnnouncement(t('metricCheckins.added', { date: checkin.date }))}
        />
      )}
      <p className="visually-hidden" role="status" data-testid="checkins-status">
        {announcement}
      </p>
      {history.length === 0 ? (
        <p className="inspector__note" data-testid="checkins-empty">
          {t('metricCheckins.empty')}
        </p>
      ) : (
        <ol className="checkins__list" aria-label={t('metricCheckins.history')}>
          {newest.map((checkin, index) =>
            editing === checkin.id ? (
              <li key={checkin.id} className="checkins__item is-editing" data-checkin-id={checkin.id}>
                <CheckinForm
                  metric={metric}
                  initial={checkin}
                  onSaved={(saved) => {
                    setAnnouncement(t('metricCheckins.corrected', { date: saved.date }));
                    setEditing(null);
                    focusAfter.current = { id: saved.id, index };
                  }}
                  onCancel={() => {
                    setEditing(null);
                    focusAfter.current = { id: checkin.id, index };
                  }}
                />
              </li>
            ) : (
              <CheckinRow
                key={checkin.id}
                metric={metric}
                checkin={checkin}
                readOnly={readOnly}
                onCorrect={() => setEditing(checkin.id)}
                onDelete={() => remove(checkin, index)}
              />
            ),
          )}
        </ol>
      )}
    </section>
  );
}

function CheckinRow({
  metric,
  checkin,
  readOnly,
  onCorrect,
  onDelete,
}: {
  metric: MetricNode;
  checkin: Checkin;
  readOnly: boolean;
  onCorrect(): void;
  onDelete(): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li className="checkins__item" data-testid="checkin" data-checkin-id={checkin.id}>
      <div className="checkins__line">
        <span className="checkins__date" data-testid="checkin-date">
          {checkin.date}
        </span>
        <strong className="checkins__value" data-testid="checkin-value">
          {formatAmount(checkin.value, metric.unit, i18n.language)}
        </strong>
        {readOnly ? null : (
          <span className="checkins__actions">
            <button
              type="button"
              className="button button--small"
              data-action="correct"
              aria-label={t('metricCheckins.correctLabel', { date: checkin.date })}
              onClick={onCorrect}
            >
              {t('metricCheckins.correct')}
            </button>
            <button
              type="button"
              className="button button--small"
              data-action="delete"
              aria-label={t('metricCheckins.deleteLabel', { date: checkin.date })}
              onClick={onDelete}
            >
              {t('metricCheckins.delete')}
            </button>
          </span>
        )}
      </div>
      {checkin.confidence || checkin.note || checkin.by ? (
        <p className="checkins__meta">
          {checkin.confidence ? (
            <StatusBadge status={checkin.confidence} testId="checkin-confidence" />
          ) : null}
          {checkin.note ? <span data-testid="checkin-note">{checkin.note}</span> : null}
          {checkin.by ? (
            <span className="checkins__by" data-testid="checkin-by">
              {t('metricCheckins.by', { name: checkin.by })}
            </span>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The form of a new check-in (`initial` null: dated today, entered by this window's participant)
 * or of one being corrected. Enter in any of its fields saves, only when every field is valid;
 * Escape cancels (a new one's draft is cleared). Refused fields say why beside themselves.
 */
function CheckinForm({
  metric,
  initial,
  onSaved,
  onCancel,
}: {
  metric: MetricNode;
  initial: Checkin | null;
  onSaved(checkin: Checkin): void;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const store = useMapStoreApi();
  const name = usePresence((s) => s.name);
  const formId = useId();
  const [draft, setDraft] = useState<CheckinDraft>(() =>
    initial ? draftOf(initial) : blankDraft(localToday()),
  );
  const [errors, setErrors] = useState<Partial<Record<DraftKey, DraftError>>>({});
  const form = useRef<HTMLFormElement>(null);

  // Correcting starts in the value, the usual thing to correct.
  useEffect(() => {
    if (initial) form.current?.querySelector<HTMLInputElement>('[data-checkin-field="value"]')?.focus();
  }, [initial]);

  const set = (key: DraftKey, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const save = () => {
    const dateInput = form.current?.querySelector<HTMLInputElement>('[data-checkin-field="date"]');
    const result = checkinFromDraft(
      draft,
      {
        id: initial?.id ?? newId('c'),
        metric: metric.id,
        by: initial ? initial.by : name,
      },
      dateInput?.validity.badInput ?? false,
    );
    if (!result.ok) {
      setErrors(result.errors);
      const key = (['date', 'value', 'confidence', 'note'] as const).find((k) => result.errors[k]);
      form.current?.querySelector<HTMLElement>(`[data-checkin-field="${key}"]`)?.focus();
      return;
    }
    setErrors({});
    if (initial && sameCheckin(initial, result.checkin)) {
      onSaved(initial);
      return;
    }
    if (!store.getState().writeCheckins([result.checkin])) return;
    if (!initial) {
      // Ready for the next number: same day, the value field again.
      setDraft({ ...blankDraft(result.checkin.date) });
      form.current?.querySelector<HTMLInputElement>('[data-checkin-field="value"]')?.focus();
    }
    onSaved(result.checkin);
  };

  const cancel = () => {
    setErrors({});
    if (onCancel) onCancel();
    else setDraft(blankDraft(localToday()));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    // Keys typed here are for the form, never the canvas's shortcuts.
    e.stopPropagation();
    if (isComposing(e)) return;
    const onButton = e.target instanceof HTMLButtonElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter' && !onButton && !e.shiftKey) {
      e.preventDefault();
      save();
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save();
  };

  const errorId = (key: DraftKey) => `${formId}-${key}-error`;
  const fieldId = (key: DraftKey) => `${formId}-${key}`;
  const common = (key: DraftKey) => ({
    id: fieldId(key),
    'data-checkin-field': key,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? errorId(key) : undefined,
    className: `inspector__input checkins__input checkins__input--${key}`,
  });
  const message = (error: DraftError) =>
    error.code === 'valueRequired' || error.code === 'dateRequired'
      ? t(`metricCheckins.errors.${error.code}`)
      : t(`inspector.errors.${error.code}`, {
          max:
            error.code === 'tooLong' ? error.max : new Intl.NumberFormat(i18n.language).format(AMOUNT_LIMIT),
        });
  const title = initial
    ? t('metricCheckins.editing', { date: initial.date })
    : t('metricCheckins.newHeading');

  return (
    <form
      ref={form}
      className={`checkins__form${initial ? ' checkins__form--edit' : ''}`}
      aria-label={title}
      data-testid={initial ? 'checkin-edit' : 'checkin-add'}
      noValidate
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      {initial ? null : <p className="checkins__form-title">{title}</p>}
      <div className="checkins__fields">
        <div className="checkins__field checkins__field--date">
          <label className="inspector__label" htmlFor={fieldId('date')}>
            {t('metricCheckins.labels.date')}
          </label>
          <DateInput {...common('date')} value={draft.date} onChange={(e) => set('date', e.target.value)} />
        </div>
        <div className="checkins__field checkins__field--value">
          <label className="inspector__label" htmlFor={fieldId('value')}>
            {t('metricCheckins.labels.value')}
            {metric.unit.trim() ? <span className="inspector__label-unit"> {metric.unit.trim()}</span> : null}
          </label>
          <input
            {...common('value')}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('inspector.placeholders.number')}
            value={draft.value}
            onChange={(e) => set('value', e.target.value)}
          />
        </div>
        <div className="checkins__field checkins__field--confidence">
          <label className="inspector__label" htmlFor={fieldId('confidence')}>
            {t('metricCheckins.labels.confidence')}
          </label>
          <select
            {...common('confidence')}
            value={draft.confidence}
            onChange={(e) => set('confidence', e.target.value)}
          >
            <option value="">{t('metricCheckins.noConfidence')}</option>
            {CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {t(`inspector.status.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="checkins__field checkins__field--note">
          <label className="inspector__label" htmlFor={fieldId('note')}>
            {t('metricCheckins.labels.note')}
          </label>
          <input
            {...common('note')}
            type="text"
            autoComplete="off"
            placeholder={t('metricCheckins.notePlaceholder')}
            value={draft.note}
            onChange={(e) => set('note', e.target.value)}
          />
        </div>
      </div>
      {(['date', 'value', 'confidence', 'note'] as const).map((key) => {
        const error = errors[key];
        if (!error) return null;
        return (
          <p
            key={key}
            id={errorId(key)}
            className="inspector__error"
            role="alert"
            data-testid="checkin-error"
            data-error-for={key}
          >
            <span aria-hidden="true" className="inspector__error-icon">
              !
            </span>{' '}
            <strong className="inspector__error-field">{t(`metricCheckins.labels.${key}`)}</strong>
            {message(error)}
          </p>
        );
      })}
      <div className="checkins__buttons">
        <span className="checkins__keys">{t('metricCheckins.keys')}</span>
        {initial ? (
          <button
            type="button"
            className="button button--small"
            onClick={cancel}
            data-testid="checkin-cancel"
          >
            {t('metricCheckins.cancel')}
          </button>
        ) : null}
        <button type="submit" className="button button--small button--primary" data-testid="checkin-save">
          {initial ? t('metricCheckins.save') : t('metricCheckins.add')}
        </button>
      </div>
    </form>
  );
}
