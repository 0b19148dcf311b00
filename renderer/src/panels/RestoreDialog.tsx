import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup, DocumentInfo, ThroughlineApi } from '../../../shared/contract/api';
import { dateLocale } from '../i18n/date-locale';
import { ModalDialog } from './ModalDialog';
import { useModalDialog } from './use-modal-dialog';

export interface RestoreDialogProps {
  api: Pick<ThroughlineApi, 'listBackups' | 'restoreBackup'>;
  /** Saves pending edits first, so the backup of the current state has them. */
  flush(): Promise<void>;
  /** The document now holds the backup's content; `date` is how the dialog showed the backup. */
  onRestored(info: DocumentInfo, date: string): void;
  onClose(): void;
}

type Step = 'loading' | 'list' | 'confirm' | 'restoring';

/**
 * File ▸ Restore from backup…: a modal list of the document's automatic backups (date in the
 * user's locale, map count, size), then a confirmation that says the current state is backed up
 * before anything is replaced. Native radio buttons make the list one keyboard stop with arrows.
 */
export function RestoreDialog({ api, flush, onRestored, onClose }: RestoreDialogProps) {
  const { t, i18n } = useTranslation();
  const dialog = useModalDialog();
  const [step, setStep] = useState<Step>('loading');
  const [backups, setBackups] = useState<Backup[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const format = useMemo(
    () => new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'full', timeStyle: 'short' }),
    [i18n.language],
  );
  const dateOf = (backup: Backup | undefined) => (backup ? format.format(new Date(backup.createdAt)) : '');

  useEffect(() => {
    let live = true;
    api.listBackups({}).then(
      (list) => {
        if (!live) return;
        setBackups(list);
        setChosen(list[0]?.id ?? null);
        setStep('list');
      },
      (reason: unknown) => {
        if (!live) return;
        setError(t('backups.loadFailed', { message: (reason as Error).message }));
        setStep('list');
      },
    );
    return () => {
      live = false;
    };
  }, [api, t]);

  // Focus follows the step, so the keyboard is always where the next decision is.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (step === 'list') element.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
    if (step === 'confirm')
      element.querySelector<HTMLButtonElement>('[data-testid="restore-confirm"]')?.focus();
  }, [step, dialog]);

  const backup = backups.find((b) => b.id === chosen);

  const restore = async () => {
    if (!backup) return;
    setStep('restoring');
    setError(null);
    try {
      await flush();
      const info = await api.restoreBackup({ id: backup.id });
      onRestored(info, dateOf(backup));
      onClose();
    } catch (reason) {
      setError(t('backups.failed', { message: (reason as Error).message }));
      setStep('confirm');
    }
  };

  return (
    <ModalDialog
      ref={dialog}
      name="restore-dialog"
      onCancel={() => {
        if (step !== 'restoring') onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id="restore-dialog-title" className="dialog__title">
          {step === 'confirm' || step === 'restoring'
            ? t('backups.confirmTitle', { date: dateOf(backup) })
            : t('backups.title')}
        </h2>
        <p id="restore-dialog-intro" className="dialog__intro">
          {step === 'confirm' || step === 'restoring' ? t('backups.confirmBody') : t('backups.intro')}
        </p>
      </header>
      {step === 'loading' ? (
        <p className="dialog__intro dialog__choices" role="status">
          {t('backups.loading')}
        </p>
      ) : null}
      {step === 'list' && backups.length === 0 && !error ? (
        <p className="dialog__intro dialog__choices" data-testid="restore-empty">
          {t('backups.empty')}
        </p>
      ) : null}
      {step === 'list' && backups.length > 0 ? (
        <div className="dialog__choices" role="radiogroup" aria-label={t('backups.listLabel')}>
          {backups.map((b) => (
            <label
              key={b.id}
              className={`dialog__choice${b.id === chosen ? ' is-selected' : ''}`}
              data-testid="restore-option"
              data-backup-id={b.id}
            >
              <span className="dialog__choice-name">
                <input
                  type="radio"
                  name="backup"
                  value={b.id}
                  checked={b.id === chosen}
                  onChange={() => setChosen(b.id)}
                />{' '}
                {dateOf(b)}
              </span>
              <span className="dialog__choice-meta">{t('backups.maps', { count: b.mapCount })}</span>
              <span className="dialog__choice-summary">
                {t('backups.size', { size: Math.max(1, Math.round(b.sizeBytes / 1024)) })} · {b.fileName}
              </span>
            </label>
          ))}
        </div>
      ) : null}
      {step === 'restoring' ? (
        <p className="dialog__intro dialog__choices" role="status">
          {t('backups.restoring')}
        </p>
      ) : null}
      {error ? (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <footer className="dialog__actions">
        {step === 'confirm' || step === 'restoring' ? (
          <>
            <button
              type="button"
              className="button"
              disabled={step === 'restoring'}
              onClick={() => setStep('list')}
              data-testid="restore-back"
            >
              {t('backups.back')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={step === 'restoring'}
              onClick={() => void restore()}
              data-testid="restore-confirm"
            >
              {t('backups.confirm')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose} data-testid="restore-close">
              {t('backups.close')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={step !== 'list' || !backup}
              onClick={() => {
                setError(null);
                setStep('confirm');
              }}
              data-testid="restore-choose"
            >
              {t('backups.choose')}
            </button>
          </>
        )}
      </footer>
    </ModalDialog>
  );
}
