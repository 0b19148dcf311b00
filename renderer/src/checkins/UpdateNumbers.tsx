import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../shared/model/amount';
import { CONFIDENCES, type Confidence } from '../../../shared/model/kinds';
import { LIMITS } from '../../../shared/model/limits';
import { localToday } from '../../../shared/model/local-today';
import type { MapNode, MetricNode } from '../../../shared/model/types';
import { useCommand, useCommandBus } from '../commands/use-commands';
import { shownDay, typedDay } from '../i18n/date-locale';
import { useLanguage } from '../i18n/use-language';
import { DateInput } from '../panels/DateInput';
import type { FieldError } from '../panels/inspector/parse-field';
import { ModalDialog } from '../panels/ModalDialog';
import { useModalDialog } from '../panels/use-modal-dialog';
import { usePresence } from '../room/presence-store';
import { useMapStore, useMapStoreApi } from '../store/context';
import { newId } from '../store/ids';
import type { MapState } from '../store/map-state';
import {
  type BatchProblem,
  buildBatch,
  countOwed,
  countReady,
  metricOwners,
  type NumberRow,
  numberRows,
  type RowEntry,
  readTyped,
} from './update-numbers';

const EMPTY_ENTRY: RowEntry = { value: '', confidence: null, note: '' };

/** Whether a key belongs to an input method's composition (Pinyin…): then it is never ours. */
const composing = (e: KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

/**
 * Opens "Update the numbers" on its command (the toolbar, View ▸ Update the Numbers…, Ctrl+Shift+M)
 * while a map is open; mounted once by the app.
 */
export function UpdateNumbersHost({ notify }: { notify(message: string): void }) {
  const store = useMapStoreApi();
  // The map it was opened on: another map opened meanwhile closes it (its values were for this one).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const mapId = useMapStore((s) => s.mapId);
  useCommand('update-numbers', () => {
    const id = store.getState().mapId;
    if (id !== null) setOpenOn(id);
  });
  if (openOn === null || openOn !== mapId) return null;
  return <UpdateNumbers onClose={() => setOpenOn(null)} notify={notify} />;
}

/**
 * "metrics owed" of the open map, as one string so the bar re-renders only when it changes. Counted
 * again only when a node's content, the check-ins or the day change: not on every frame of a drag
 * (a dragged node keeps its content object).
 */
let owedCache: {
  plans: readonly MapNode[];
  checkins: MapState['checkins'];
  today: string;
  count: string;
} | null = null;
function owedOf(s: MapState): string {
  const today = localToday();
  const cached = owedCache;
  if (
    cached &&
    cached.checkins === s.checkins &&
    cached.today === today &&
    cached.plans.length === s.nodes.length &&
    s.nodes.every((n, i) => n.data.plan === cached.plans[i])
  ) {
    return cached.count;
  }
  const plans = s.nodes.map((n) => n.data.plan);
  const { metrics, owed } = countOwed(plans, s.checkins, today);
  owedCache = { plans, checkins: s.checkins, today, count: `${metrics} ${owed}` };
  return owedCache.count;
}

/**
 * Above the findings: how many metrics owe a number, and the button that opens "Update the
 * numbers" (also View ▸ Update the Numbers… and Ctrl/Cmd+Shift+M). Nothing on a map without metrics.
 */
export function UpdateNumbersEntry() {
  const { t } = useTranslation();
  const bus = useCommandBus();
  const count = useMapStore(owedOf);
  const [metrics, owed] = count.split(' ').map(Number) as [number, number];
  if (metrics === 0) return null;
  return (
    <div className="update-numbers-entry" data-testid="update-numbers-entry">
      <span className={owed > 0 ? 'update-numbers-entry__owed' : 'update-numbers-entry__fresh'}>
        {owed > 0 ? t('updateNumbers.owed', { count: owed }) : t('updateNumbers.upToDate')}
      </span>
      <button
        type="button"
        className="button"
        title={t('updateNumbers.open')}
        data-testid="open-update-numbers"
        onClick={() => bus.run('update-numbers')}
      >
        {t('updateNumbers.title')}
      </button>
    </div>
  );
}

/**
 * "Update the numbers": every metric of the open map (or of one owner), owed numbers first, with
 * its last value and whether a number is due, and an input for this period's value. Typed values
 * are checked as they are typed; Save writes them all as one undo step (writeCheckins). A
 * view-only window reads the same table without inputs.
 */
export function UpdateNumbers({ onClose, notify }: { onClose(): void; notify(message: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const store = useMapStoreApi();
  const readOnly = useMapStore((s) => s.readOnly);
  const nodes = useMapStore((s) => s.nodes);
  const checkins = useMapStore((s) => s.checkins);
  const by = usePresence((s) => s.name);
  const [today] = useState(localToday);
  const [date, setDate] = useState(today);
  const [owner, setOwner] = useState<string | null>(null);
  const [owedOnly, setOwedOnly] = useState(false);
  const [entries, setEntries] = useState<ReadonlyMap<string, RowEntry>>(new Map());
  const [problems, setProblems] = useState<BatchProblem[]>([]);
  const [refused, setRefused] = useState(false);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const saveButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const imeActive = useRef(false);

  const plans = useMemo(() => nodes.map((n) => n.data.plan), [nodes]);
  const everyRow = useMemo(
    () => numberRows(plans, checkins, today, { owner: null, owedOnly: false }),
    [plans, checkins, today],
  );
  const rows = useMemo(
    () => (owner === null && !owedOnly ? everyRow : numberRows(plans, checkins, today, { owner, owedOnly })),
    [plans, checkins, today, owner, owedOnly, everyRow],
  );
  const owners = useMemo(() => metricOwners(plans), [plans]);
  const everyId = useMemo(() => everyRow.map((r) => r.metric.id), [everyRow]);
  const ready = countReady(everyId, entries);
  const hiddenReady =
    ready -
    countReady(
      rows.map((r) => r.metric.id),
      entries,
    );
  const day = typedDay(date);
  const dateBad = day === null;

  const dialog = useModalDialog(() => {
    const first = rows[0] && !readOnly ? inputs.current.get(rows[0].metric.id) : undefined;
    (first ?? closeButton.current)?.focus();
  });

  const entryOf = (metric: string) => entries.get(metric) ?? EMPTY_ENTRY;
  const edit = (metric: string, patch: Partial<RowEntry>) => {
    setEntries((current) =>
      new Map(current).set(metric, { ...(current.get(metric) ?? EMPTY_ENTRY), ...patch }),
    );
    setProblems([]);
    setRefused(false);
  };

  /** Moves to the value input `step` rows away; past the last row, to Save. */
  const go = (metric: string, step: 1 | -1) => {
    const at = rows.findIndex((r) => r.metric.id === metric);
    const next = rows[at + step];
    if (next) inputs.current.get(next.metric.id)?.focus();
    else if (step === 1) saveButton.current?.focus();
  };

  const onValueKey = (e: KeyboardEvent<HTMLInputElement>, metric: string) => {
    if (composing(e) || e.altKey || e.ctrlKey || e.metaKey) return;
    const forward = (e.key === 'Enter' && !e.shiftKey) || e.key === 'ArrowDown';
    const back = (e.key === 'Enter' && e.shiftKey) || e.key === 'ArrowUp';
    if (!forward && !back) return;
    e.preventDefault();
    // A value that cannot be saved keeps the focus, its message beside it.
    if (readTyped(entryOf(metric).value).kind === 'error') return;
    go(metric, forward ? 1 : -1);
  };

  const onNoteKey = (e: KeyboardEvent<HTMLInputElement>, metric: string) => {
    if (composing(e) || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      go(metric, e.key === 'ArrowUp' || e.shiftKey ? -1 : 1);
    }
  };

  const save = () => {
    if (readOnly) return;
    const batch = buildBatch(everyId, entries, date, by, () => newId('c'));
    if (!batch.ok) {
      setProblems(batch.problems);
      const first = batch.problems[0];
      if (first?.kind === 'date') document.getElementById('update-numbers-date')?.focus();
      else if (first?.kind === 'value' || first?.kind === 'note') inputs.current.get(first.metric)?.focus();
      return;
    }
    if (!store.getState().writeCheckins(batch.checkins)) {
      setRefused(true);
      return;
    }
    const when = shownDay(batch.checkins[0]?.date ?? date, language);
    notify(t('updateNumbers.saved', { count: batch.checkins.length, date: when }));
    onClose();
  };

  const close = () => {
    if (!imeActive.current) onClose();
  };

  const valueError = (metric: string): FieldError | null => {
    const typed = readTyped(entryOf(metric).value);
    return typed.kind === 'error' ? typed.error : null;
  };
  const errorText = (error: FieldError) =>
    error.code === 'number'
      ? t('updateNumbers.errors.number')
      : error.code === 'range'
        ? t('updateNumbers.errors.range', { max: formatAmount(error.max, '', language) })
        : t('updateNumbers.errors.invalid');
  const shownProblems = problems.filter((p) => p.kind !== 'nothing');

  return (
    <ModalDialog
      ref={dialog}
      name="update-numbers"
      className="update-numbers"
      onCancel={close}
      onKeyDown={(e) => {
        if (composing(e)) {
          // Escape ends the input method's composition, never the view.
          if (e.key === 'Escape') e.preventDefault();
          return;
        }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) {
          e.preventDefault();
          save();
        }
      }}
    >
      <div
        className="update-numbers__frame"
        onCompositionStart={() => {
          imeActive.current = true;
        }}
        onCompositionEnd={() => {
          imeActive.current = false;
        }}
      >
        <header className="dialog__header">
          <h2 id="update-numbers-title" className="dialog__title">
            {t('updateNumbers.title')}
          </h2>
          <button ref={closeButton} type="button" className="button dialog__close" onClick={onClose}>
            {t('updateNumbers.cancel')}
          </button>
        </header>
        <p id="update-numbers-intro" className="update-numbers__intro">
          {readOnly ? t('updateNumbers.readOnly') : t('updateNumbers.intro')}
        </p>
        <div className="update-numbers__controls">
          {readOnly ? null : (
            <div className="update-numbers__date">
              <label htmlFor="update-numbers-date">{t('updateNumbers.date')}</label>
              <DateInput
                id="update-numbers-date"
                data-testid="update-numbers-date"
                value={date}
                maxLength={40}
                aria-invalid={dateBad}
                aria-describedby={dateBad ? 'update-numbers-date-error' : undefined}
                onChange={(e) => {
                  setDate(e.target.value);
                  setProblems([]);
                }}
              />
              {dateBad ? (
                <span id="update-numbers-date-error" className="update-numbers__error" role="alert">
                  {t('updateNumbers.dateError')}
                </span>
              ) : null}
            </div>
          )}
          <label className="update-numbers__owner">
            <span>{t('updateNumbers.owner')}</span>
            <select
              value={owner ?? ''}
              data-testid="update-numbers-owner"
              onChange={(e) => setOwner(e.target.value === '' ? null : e.target.value)}
            >
              <option value="">{t('updateNumbers.everyone')}</option>
              {owners.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
          <label className="update-numbers__owed">
            <input
              type="checkbox"
              checked={owedOnly}
              data-testid="update-numbers-owed"
              onChange={(e) => setOwedOnly(e.target.checked)}
            />
            <span>{t('updateNumbers.owedOnly')}</span>
          </label>
        </div>
        <div className="dialog__body update-numbers__body">
          {rows.length === 0 ? (
            <p className="update-numbers__empty" data-testid="update-numbers-empty">
              {everyRow.length === 0 ? t('updateNumbers.empty') : t('updateNumbers.emptyFiltered')}
            </p>
          ) : (
            <table className="update-numbers__table" data-testid="update-numbers-table">
              <caption className="visually-hidden">
                {t('updateNumbers.title')}: {t('updateNumbers.caption', { count: rows.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('updateNumbers.columns.metric')}</th>
                  <th scope="col">{t('updateNumbers.columns.cadence')}</th>
                  <th scope="col">{t('updateNumbers.columns.last')}</th>
                  <th scope="col">{t('updateNumbers.columns.target')}</th>
                  <th scope="col">{t('updateNumbers.columns.state')}</th>
                  {readOnly ? null : (
                    <>
                      <th scope="col">{t('updateNumbers.columns.value')}</th>
                      <th scope="col">{t('updateNumbers.columns.confidence')}</th>
                      <th scope="col">{t('updateNumbers.columns.note')}</th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <NumberRowView
                    key={row.metric.id}
                    row={row}
                    readOnly={readOnly}
                    entry={entryOf(row.metric.id)}
                    error={valueError(row.metric.id)}
                    errorText={errorText}
                    noteTooLong={problems.some((p) => p.kind === 'note' && p.metric === row.metric.id)}
                    batchDay={day}
                    inputRef={(el) => {
                      if (el) inputs.current.set(row.metric.id, el);
                      else inputs.current.delete(row.metric.id);
                    }}
                    onEdit={(patch) => edit(row.metric.id, patch)}
                    onValueKey={(e) => onValueKey(e, row.metric.id)}
                    onNoteKey={(e) => onNoteKey(e, row.metric.id)}
                  />
                ))}
              </tbody>
            </table>
          )}
        </div>
        {readOnly ? null : (
          <div className="dialog__actions update-numbers__actions">
            <p className="update-numbers__status" role="status" data-testid="update-numbers-status">
              {refused
                ? t('updateNumbers.refused')
                : shownProblems.length > 0
                  ? t('updateNumbers.problems', { count: shownProblems.length })
                  : hiddenReady > 0
                    ? t('updateNumbers.hidden', { count: hiddenReady })
                    : ''}
            </p>
            <button type="button" className="button" onClick={onClose}>
              {t('updateNumbers.cancel')}
            </button>
            <button
              ref={saveButton}
              type="button"
              className="button button--primary"
              data-testid="update-numbers-save"
              aria-disabled={ready === 0}
              onClick={save}
            >
              {t('updateNumbers.save', { count: ready })}
            </button>
          </div>
        )}
      </div>
    </ModalDialog>
  );
}

interface RowViewProps {
  row: NumberRow;
  readOnly: boolean;
  entry: RowEntry;
  error: FieldError | null;
  errorText(error: FieldError): string;
  noteTooLong: boolean;
  /** The batch's day (YYYY-MM-DD), or null while the date typed is not a day. */
  batchDay: string | null;
  inputRef(el: HTMLInputElement | null): void;
  onEdit(patch: Partial<RowEntry>): void;
  onValueKey(e: KeyboardEvent<HTMLInputElement>): void;
  onNoteKey(e: KeyboardEvent<HTMLInputElement>): void;
}

/** One metric's row: what it is, where it stands, and (for an editor) this period's inputs. */
function NumberRowView({
  row,
  readOnly,
  entry,
  error,
  errorText,
  noteTooLong,
  batchDay,
  inputRef,
  onEdit,
  onValueKey,
  onNoteKey,
}: RowViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { metric, latest, due } = row;
  const title = metric.title.trim() === '' ? t('node.untitled') : metric.title;
  const id = metric.id;
  const amount = (value: number | null) =>
    value === null ? '—' : formatAmount(value, metric.unit, language);
  const typed = readTyped(entry.value);
  const older = typed.kind === 'number' && latest !== null && batchDay !== null && batchDay < latest.date;
  const described = [error ? `un-error-${id}` : null, older ? `un-older-${id}` : null].filter(Boolean);
  return (
    <tr data-testid="number-row" data-metric-id={id} data-state={due.state}>
      <th scope="row" className="update-numbers__metric">
        <span className="update-numbers__title">{title}</span>
        {metric.owner.trim() ? (
          <span className="update-numbers__who">
            {t('updateNumbers.ownerOf', { owner: metric.owner.trim() })}
          </span>
        ) : null}
      </th>
      <td>{metric.cadence ? t(`updateNumbers.cadence.${metric.cadence}`) : t('updateNumbers.noCadence')}</td>
      <td data-testid="number-last">
        <LastValue
          metric={metric}
          latest={latest?.value ?? null}
          date={latest?.date ?? null}
          amount={amount}
        />
      </td>
      <td>{amount(metric.target)}</td>
      <td className={`update-numbers__state update-numbers__state--${due.state}`} data-testid="number-state">
        <span className="update-numbers__state-word">{t(`updateNumbers.state.${due.state}`)}</span>
        <DueDetail state={due.state} daysOverdue={due.daysOverdue} next={due.next} />
      </td>
      {readOnly ? null : (
        <>
          <td className="update-numbers__value">
            <input
              ref={inputRef}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              className="update-numbers__input"
              data-testid="number-input"
              data-metric-id={id}
              aria-label={t('updateNumbers.valueLabel', { title })}
              aria-invalid={error !== null}
              aria-describedby={described.length > 0 ? described.join(' ') : undefined}
              value={entry.value}
              maxLength={40}
              onChange={(e) => onEdit({ value: e.target.value })}
              onKeyDown={onValueKey}
            />
            {metric.unit.trim() ? <span className="update-numbers__unit">{metric.unit.trim()}</span> : null}
            {error ? (
              <span id={`un-error-${id}`} className="update-numbers__error" data-testid="number-error">
                {errorText(error)}
              </span>
            ) : null}
            {older && latest ? (
              <span id={`un-older-${id}`} className="update-numbers__hint">
                {t('updateNumbers.olderThanLast', { date: shownDay(latest.date, language) })}
              </span>
            ) : null}
          </td>
          <td>
            <select
              className="update-numbers__confidence"
              aria-label={t('updateNumbers.confidenceLabel', { title })}
              data-testid="number-confidence"
              value={entry.confidence ?? ''}
              onChange={(e) =>
                onEdit({ confidence: e.target.value === '' ? null : (e.target.value as Confidence) })
              }
            >
              <option value="">{t('updateNumbers.confidenceNone')}</option>
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {t(`updateNumbers.confidences.${c}`)}
                </option>
              ))}
            </select>
          </td>
          <td>
            <input
              type="text"
              className="update-numbers__note"
              data-testid="number-note"
              aria-label={t('updateNumbers.noteLabel', { title })}
              aria-invalid={noteTooLong}
              aria-describedby={noteTooLong ? `un-note-${id}` : undefined}
              value={entry.note}
              maxLength={LIMITS.checkinNote + 200}
              onChange={(e) => onEdit({ note: e.target.value })}
              onKeyDown={onNoteKey}
            />
            {noteTooLong ? (
              <span id={`un-note-${id}`} className="update-numbers__error">
                {t('updateNumbers.errors.note', { max: LIMITS.checkinNote })}
              </span>
            ) : null}
          </td>
        </>
      )}
    </tr>
  );
}

/** The latest check-in's value and day; a value set before check-ins, without a day; or a dash. */
function LastValue({
  metric,
  latest,
  date,
  amount,
}: {
  metric: MetricNode;
  latest: number | null;
  date: string | null;
  amount(value: number | null): string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (latest === null) return <>{amount(metric.current)}</>;
  return (
    <>
      <span className="update-numbers__last">{amount(latest)}</span>{' '}
      {date ? (
        <span className="update-numbers__when">
          {t('updateNumbers.lastOn', { date: shownDay(date, language) })}
        </span>
      ) : null}
    </>
  );
}

/** Beside the due state: how many days overdue, or when the next number is due. */
function DueDetail({
  state,
  daysOverdue,
  next,
}: {
  state: NumberRow['due']['state'];
  daysOverdue: number;
  next: string | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  let text = '';
  if (state === 'stale' || state === 'due') {
    text = daysOverdue > 0 ? t('updateNumbers.overdue', { count: daysOverdue }) : t('updateNumbers.dueToday');
  } else if (state === 'fresh' && next) {
    text = t('updateNumbers.nextOn', { date: shownDay(next, language) });
  }
  return text ? <span className="update-numbers__state-detail">{text}</span> : null;
}
