import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThroughlineApi } from '../../../shared/contract/api';
import { mayCall, type SessionRole } from '../../../shared/contract/method-access';
import type { MapContent } from '../../../shared/model';
import { VERSION_LIMITS, type VersionSummary } from '../../../shared/versions';
import { dateLocale } from '../i18n/date-locale';
import { presenceStore } from '../room/presence-store';
import { useMapStoreApi } from '../store/context';
import { olderFirst } from '../store/version-view';
import { ModalDialog } from './ModalDialog';
import { useModalDialog } from './use-modal-dialog';

export interface VersionsDialogProps {
  api: Pick<ThroughlineApi, 'listVersions' | 'saveVersion' | 'loadVersion' | 'startFromVersion'>;
  mapId: string;
  role: SessionRole;
  /** Sends pending edits to the room first, so a version holds everything typed so far. */
  flush(): Promise<void>;
  notify(message: string): void;
  /** Shows the changes since a version beside the map (VersionCompare). */
  onCompare(version: VersionSummary, content: MapContent): void;
  /**
   * Shows a version on the canvas read-only; with `compareWith` (an older version), the changes
   * since that one are marked on it (Compare the two picked).
   */
  onOpen(
    loaded: { version: VersionSummary; name: string; content: MapContent },
    compareWith: { version: VersionSummary; content: MapContent } | null,
  ): Promise<void>;
  /** A new map was started from a version: open it. */
  onStarted(mapId: string): void;
  onClose(): void;
}

/**
 * File ▸ Save a version… and File ▸ Versions…: one dialog that names the map's present state
 * (a label, saved with the participant's name as author) and lists the versions saved, each with
 * Compare with now, Restore (one undoable change, through the map store) and Start a new map from
 * it. Only what this window may do is offered: a view-only participant lists and compares.
 */
export function VersionsDialog({
  api,
  mapId,
  role,
  flush,
  notify,
  onCompare,
  onOpen,
  onStarted,
  onClose,
}: VersionsDialogProps) {
  const { t, i18n } = useTranslation();
  const dialog = useModalDialog();
  const store = useMapStoreApi();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The versions picked to be compared with each other (two at most), by id. */
  const [picked, setPicked] = useState<readonly string[]>([]);
  const format = useMemo(
    () => new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );
  const maySave = mayCall(role, 'saveVersion') && !store.getState().readOnly;
  const mayStart = mayCall(role, 'startFromVersion');

  const reload = useCallback(
    () =>
      api.listVersions({ mapId }).then(
        (list) => setVersions([...list].reverse()),
        (reason: unknown) => {
          setVersions([]);
          setError(t('versions.failed', { message: (reason as Error).message }));
        },
      ),
    [api, mapId, t],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs one action; a failure is said in the dialog and changes nothing. */
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (reason) {
      setError(t('versions.failed', { message: (reason as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      await flush();
      // The name this participant gave the room, if any: the version's author.
      const author = presenceStore.getState().name;
      const saved = await api.saveVersion({ mapId, label, author });
      setLabel('');
      notify(t('versions.saved', { label: saved.label }));
      await reload();
    });

  const compare = (version: VersionSummary) =>
    run(async () => {
      const loaded = await api.loadVersion({ mapId, versionId: version.id });
      onCompare(version, loaded.content);
      onClose();
    });

  const openVersion = (version: VersionSummary) =>
    run(async () => {
      const loaded = await api.loadVersion({ mapId, versionId: version.id });
      onClose();
      await onOpen(loaded, null);
    });

  const pick = (id: string, on: boolean) =>
    setPicked((current) =>
      on ? [...current.filter((p) => p !== id), id].slice(-2) : current.filter((p) => p !== id),
    );

  /** The two picked, the newer shown read-only with the changes since the older marked on it. */
  const compareTwo = () =>
    run(async () => {
      const chosen = (versions ?? []).filter((v) => picked.includes(v.id));
      if (chosen.length !== 2) return;
      const [older, newer] = olderFirst(chosen[0] as VersionSummary, chosen[1] as VersionSummary);
      const [before, after] = await Promise.all([
        api.loadVersion({ mapId, versionId: older.id }),
        api.loadVersion({ mapId, versionId: newer.id }),
      ]);
      onClose();
      await onOpen(after, { version: older, content: before.content });
    });

  const restore = (version: VersionSummary) =>
    run(async () => {
      const loaded = await api.loadVersion({ mapId, versionId: version.id });
      const changed = store.getState().restoreContent(loaded.content);
      notify(t(changed ? 'versions.restored' : 'versions.unchanged', { label: version.label }));
      onClose();
    });

  const startFrom = (version: VersionSummary) =>
    run(async () => {
      const name = t('versions.nextName', { name: store.getState().name, label: version.label }).slice(
        0,
        200,
      );
      const summary = await api.startFromVersion({ mapId, versionId: version.id, name });
      notify(t('versions.started', { name: summary.name, label: version.label }));
      onStarted(summary.id);
      onClose();
    });

  return (
    <ModalDialog
      ref={dialog}
      name="versions-dialog"
      className="versions-dialog"
      onCancel={() => {
        if (!busy) onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id="versions-dialog-title" className="dialog__title">
          {t('versions.title')}
        </h2>
        <p id="versions-dialog-intro" className="dialog__intro">
          {t('versions.intro')}
        </p>
      </header>
      {maySave ? (
        <form
          className="versions-dialog__save"
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy && label.trim() !== '') void save();
          }}
        >
          <label className="versions-dialog__label">
            <span>{t('versions.labelField')}</span>
            <input
              // biome-ignore lint/a11y/noAutofocus: the dialog opens to name a version; typing starts here
              autoFocus
              value={label}
              maxLength={VERSION_LIMITS.label}
              placeholder={t('versions.labelPlaceholder')}
              onChange={(event) => setLabel(event.target.value)}
              data-testid="version-label"
            />
          </label>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || label.trim() === ''}
            data-testid="version-save"
          >
            {busy ? t('versions.saving') : t('versions.save')}
          </button>
        </form>
      ) : null}
      {versions === null ? (
        <p className="dialog__intro dialog__choices" role="status">
          {t('versions.loading')}
        </p>
      ) : null}
      {versions?.length === 0 && !error ? (
        <p className="dialog__intro dialog__choices" data-testid="versions-empty">
          {t('versions.empty')}
        </p>
      ) : null}
      <ul className="dialog__choices versions-dialog__list" aria-label={t('versions.listLabel')}>
        {versions?.map((v) => (
          <li key={v.id} className="versions-dialog__row" data-testid="version-row">
            <div className="versions-dialog__name">{v.label}</div>
            <div className="versions-dialog__meta">
              {format.format(new Date(v.createdAt))}
              {v.author ? ` · ${t('versions.by', { author: v.author })}` : ''} ·{' '}
              {t('versions.nodes', { count: v.nodeCount })}
            </div>
            <label className="versions-dialog__pick">
              <input
                type="checkbox"
                checked={picked.includes(v.id)}
                onChange={(event) => pick(v.id, event.target.checked)}
                aria-label={t('versions.pickLabel', { label: v.label })}
                data-testid="version-pick"
              />
              <span>{t('versions.pick')}</span>
            </label>
            <div className="versions-dialog__actions">
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void openVersion(v)}
                aria-label={t('versions.openLabel', { label: v.label })}
                data-testid="version-open"
              >
                {t('versions.open')}
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void compare(v)}
                data-testid="version-compare"
              >
                {t('versions.compare')}
              </button>
              {maySave ? (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void restore(v)}
                  data-testid="version-restore"
                >
                  {t('versions.restore')}
                </button>
              ) : null}
              {mayStart ? (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void startFrom(v)}
                  data-testid="version-start"
                >
                  {t('versions.startFrom')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <footer className="dialog__actions">
        {versions && versions.length > 1 ? (
          <button
            type="button"
            className="button"
            onClick={() => void compareTwo()}
            disabled={busy || picked.length !== 2}
            title={picked.length !== 2 ? t('versions.compareTwoHint') : undefined}
            data-testid="versions-compare-two"
          >
            {t('versions.compareTwo')}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={onClose}
          disabled={busy}
          data-testid="versions-close"
        >
          {t('versions.close')}
        </button>
      </footer>
    </ModalDialog>
  );
}
