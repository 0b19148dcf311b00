import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomLogEntry } from '../../../shared/contract/api';
import { ModalDialog } from '../panels/ModalDialog';
import { useModalDialog } from '../panels/use-modal-dialog';
import { usePresence } from './presence-store';

interface KeyedEntry extends RoomLogEntry {
  key: string;
  keyedItems: (RoomLogEntry['items'][number] & { key: string })[];
}

/** Newest first, each entry and item with a key of its own (the log only grows at its end). */
function keyed(entries: readonly RoomLogEntry[]): KeyedEntry[] {
  return entries
    .map((entry, n) => ({
      ...entry,
      key: `e${n}`,
      keyedItems: entry.items.map((item, m) => ({ ...item, key: `e${n}i${m}` })),
    }))
    .reverse();
}

/** The facilitator's session log of the map in view: who changed what, newest first. */
export function SessionLogDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const dialog = useModalDialog();
  const readLog = usePresence((s) => s.readLog);
  const [entries, setEntries] = useState<KeyedEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    readLog?.().then(
      (read) => {
        if (live) setEntries(keyed(read));
      },
      (reason: unknown) => {
        if (live) setError(t('presence.logFailed', { message: (reason as Error).message }));
      },
    );
    return () => {
      live = false;
    };
  }, [readLog, t]);

  /** A node given no title yet reads as the canvas says it. */
  const named = (title: string) => (title.trim() === '' ? t('node.untitled') : title);
  const time = new Intl.DateTimeFormat(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (
    <ModalDialog ref={dialog} name="session-log" className="session-log" onCancel={onClose}>
      <header className="dialog__header">
        <h2 id="session-log-title" className="dialog__title">
          {t('presence.logTitle')}
        </h2>
        <p id="session-log-intro" className="dialog__intro">
          {t('presence.logIntro')}
        </p>
      </header>
      {error ? (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      ) : entries === null ? (
        <p className="session-log__status" role="status">
          …
        </p>
      ) : entries.length === 0 ? (
        <p className="session-log__status" role="status">
          {t('presence.logEmpty')}
        </p>
      ) : (
        <ol className="session-log__entries" data-testid="session-log-entries">
          {entries.map((entry) => (
            <li key={entry.key} className="session-log__entry">
              <time dateTime={entry.at} className="session-log__time">
                {time.format(new Date(entry.at))}
              </time>{' '}
              <strong className="session-log__who">{entry.who ?? t('presence.someone')}</strong>
              <ul className="session-log__items">
                {entry.keyedItems.map((item) => (
                  <li key={item.key}>
                    {t(`presence.action.${item.action}`)} {t(`presence.kind.${item.kind}`)}{' '}
                    {item.action === 'renamed' && item.from !== undefined
                      ? t('presence.renamedFrom', {
                          from: named(item.from),
                          title: named(item.title),
                          interpolation: { escapeValue: false },
                        })
                      : `“${named(item.title)}”`}
                  </li>
                ))}
                {entry.more > 0 ? <li>{t('presence.more', { count: entry.more })}</li> : null}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <footer className="dialog__actions">
        <button type="button" className="button" onClick={onClose} data-testid="session-log-close">
          {t('presence.close')}
        </button>
      </footer>
    </ModalDialog>
  );
}
