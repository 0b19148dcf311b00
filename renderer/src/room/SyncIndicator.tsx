import { useTranslation } from 'react-i18next';
import { type ErrorReason, wordError } from '../../../shared/contract/error-wording';
import { useMapStore } from '../store/context';
import { usePresence } from './presence-store';

/** The room's reason for not storing a change, in the UI's language (its own sentence when unknown). */
function wordedProblem(reason: string, language: string): string {
  try {
    return wordError(
      { reason: reason as ErrorReason, params: {} } as never,
      language === 'zh-CN' ? 'zh-CN' : 'en',
    );
  } catch {
    return reason;
  }
}

/**
 * Whether the room has everything made here: "All changes saved" once it confirmed it stored, the
 * changes still on their way, offline with what this window keeps, or why the room could not store
 * them, or that the window only views. `data-state` names the state for styles and tests (saved,
 * pending, offline, connecting, failed, paused, view).
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { status, waiting, problem } = useMapStore((s) => s.sync);
  // Changes made just before the facilitator paused editing wait for the pause to end (the room
  // refuses them meanwhile and takes them after): said so, not "offline".
  const frozen = usePresence((s) => s.frozen && !s.host);
  const paused = frozen && waiting > 0 && status !== 'synced';
  // A view-only window has nothing to save: it says what it is rather than "All changes saved".
  const viewing = useMapStore((s) => s.readOnly) && !frozen && waiting === 0 && !problem;
  const state = paused
    ? 'paused'
    : viewing
      ? 'view'
      : problem
        ? 'failed'
        : status === 'synced'
          ? 'saved'
          : status === 'waiting'
            ? 'pending'
            : status === 'offline'
              ? 'offline'
              : 'connecting';
  const label = paused
    ? t('presence.pausedWaiting', { count: waiting })
    : viewing
      ? t('room.viewOnlyState')
      : problem
        ? t('room.notStored', { message: wordedProblem(problem, i18n.language) })
        : status === 'synced'
          ? t('toolbar.saved')
          : status === 'waiting'
            ? t('room.waiting', { count: waiting })
            : status === 'offline'
              ? waiting > 0
                ? t('room.offlineKept', { count: waiting })
                : t('room.offline')
              : t('room.connecting');
  return (
    <span
      className={`save-state save-state--${state}`}
      role="status"
      data-testid="save-state"
      data-state={state}
      data-waiting={waiting}
      title={status === 'offline' ? t('room.offlineHint', { label }) : label}
    >
      {state === 'saved' ? (
        <span aria-hidden="true" className="save-state__tick">
          ✓
        </span>
      ) : null}
      <span className="save-state__text">{label}</span>
    </span>
  );
}
