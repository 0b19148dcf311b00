import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewTable } from '../../../shared/checkins/import-preview';
import { MAX_IMPORT_BYTES, type TableResult } from '../../../shared/checkins/import-table';
import { outcomeText, tableRefusalText } from '../../../shared/checkins/import-words';
import type { ThroughlineApi } from '../../../shared/contract/api';
import { LIMITS } from '../../../shared/model/limits';
import { fileToBase64 } from '../files/browser-files';
import { useLanguage } from '../i18n/use-language';
import { presenceStore } from '../room/presence-store';
import { useMapStore, useMapStoreApi } from '../store/context';
import { newId } from '../store/ids';
import { ModalDialog } from './ModalDialog';
import { useModalDialog } from './use-modal-dialog';

export interface CheckinImportDialogProps {
  api: Pick<ThroughlineApi, 'readCheckinTable'>;
  /** The CSV or XLSX file the user chose. */
  file: File;
  notify(message: string): void;
  onClose(): void;
}

/** Rows shown in the dialog; the summary counts them all. */
const SHOWN_ROWS = 500;

/**
 * File ▸ Import check-ins…: the backend reads the file into rows (readCheckinTable), the shared
 * rule (shared/checkins/import-preview.ts) says row by row what each would do to the open map as it
 * is now, and only the confirm button writes: the rows to add and correct, through the store's
 * writeCheckins, as one undoable step in the live room.
 */
export function CheckinImportDialog({ api, file, notify, onClose }: CheckinImportDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dialog = useModalDialog();
  const store = useMapStoreApi();
  const nodes = useMapStore((s) => s.nodes);
  const checkins = useMapStore((s) => s.checkins);
  const [read, setRead] = useState<TableResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const answer = (result: TableResult) => live && setRead(result);
    if (file.size > MAX_IMPORT_BYTES) {
      answer({ ok: false, refusal: { kind: 'too-big', maxMb: MAX_IMPORT_BYTES / 1_000_000 } });
    } else {
      fileToBase64(file)
        .then((base64) => api.readCheckinTable({ fileName: file.name, base64 }))
        .then(answer, (reason: unknown) => {
          if (live) setError(t('checkinImport.failed', { message: (reason as Error).message }));
        });
    }
    return () => {
      live = false;
    };
  }, [api, file, t]);

  // The preview follows the map as it is now: an edit in the room meanwhile is taken into account.
  const preview = useMemo(() => {
    if (!read?.ok) return read ? { ok: false as const, refusal: read.refusal } : null;
    return previewTable(read.table, {
      nodes: nodes.map((n) => n.data.plan),
      checkins,
      newId: () => newId('c'),
      // Who entered them: this window's name in the room, when it has given one.
      by: presenceStore.getState().name.trim().slice(0, LIMITS.owner),
    });
  }, [read, nodes, checkins]);

  const refusal = preview && !preview.ok ? tableRefusalText(preview.refusal, language) : null;
  const ready = preview?.ok ? preview.preview : null;
  const toWrite = ready?.write.length ?? 0;

  useEffect(() => {
    if (!ready) return;
    dialog.current?.querySelector<HTMLButtonElement>('[data-testid="checkin-import-confirm"]')?.focus();
  }, [ready, dialog]);

  const confirm = () => {
    if (!ready || toWrite === 0) return;
    if (!store.getState().writeCheckins(ready.write)) {
      setError(t('checkinImport.readOnly'));
      return;
    }
    notify(t('checkinImport.done', { count: toWrite }));
    onClose();
  };

  return (
    <ModalDialog ref={dialog} name="checkin-import" className="checkin-import" onCancel={onClose}>
      <header className="dialog__header">
        <h2 id="checkin-import-title" className="dialog__title">
          {t('checkinImport.title', { file: file.name })}
        </h2>
        <p id="checkin-import-intro" className="dialog__intro">
          {t('checkinImport.intro')}
        </p>
      </header>
      <div className="dialog__body">
        {!preview && !error ? <p role="status">{t('checkinImport.reading')}</p> : null}
        {refusal ? (
          <p
            className="dialog__error checkin-import__refusal"
            role="alert"
            data-testid="checkin-import-refusal"
          >
            {refusal}
          </p>
        ) : null}
        {ready ? (
          <>
            <p className="checkin-import__summary" role="status" data-testid="checkin-import-summary">
              {t('checkinImport.summary', ready.counts)}
            </p>
            <table className="checkin-import__rows" aria-label={t('checkinImport.rowsLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('checkinImport.row')}</th>
                  <th scope="col">{t('checkinImport.metric')}</th>
                  <th scope="col">{t('checkinImport.date')}</th>
                  <th scope="col">{t('checkinImport.value')}</th>
                  <th scope="col">{t('checkinImport.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {ready.rows.slice(0, SHOWN_ROWS).map((row) => (
                  <tr
                    key={row.line}
                    className={`checkin-import__row is-${row.outcome.kind}`}
                    data-testid="checkin-import-row"
                    data-outcome={row.outcome.kind}
                  >
                    <td>{row.line}</td>
                    <td>{row.metric?.title ?? row.metricText}</td>
                    <td>{row.dateText}</td>
                    <td>{row.valueText}</td>
                    <td>{outcomeText(row.outcome, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {ready.rows.length > SHOWN_ROWS ? (
              <p className="dialog__intro">
                {t('checkinImport.more', { count: ready.rows.length - SHOWN_ROWS })}
              </p>
            ) : null}
            {toWrite === 0 ? <p className="dialog__intro">{t('checkinImport.nothingToWrite')}</p> : null}
          </>
        ) : null}
      </div>
      {error ? (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <footer className="dialog__actions">
        <button type="button" className="button" onClick={onClose} data-testid="checkin-import-cancel">
          {t(toWrite > 0 ? 'checkinImport.cancel' : 'checkinImport.close')}
        </button>
        {toWrite > 0 ? (
          <button
            type="button"
            className="button button--primary"
            onClick={confirm}
            data-testid="checkin-import-confirm"
          >
            {t('checkinImport.confirm', { count: toWrite })}
          </button>
        ) : null}
      </footer>
    </ModalDialog>
  );
}
