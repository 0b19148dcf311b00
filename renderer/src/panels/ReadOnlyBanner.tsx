import { useTranslation } from 'react-i18next';
import { usePresence } from '../room/presence-store';
import { useMapStore } from '../store/context';
import { useVersionView } from '../store/version-view';

/** Tells a view-only participant that the map follows the room but cannot be changed here. */
export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const readOnly = useMapStore((s) => s.readOnly);
  // An editor paused by the facilitator sees the freeze banner instead (FreezeBanner).
  const paused = usePresence((s) => s.frozen && !s.viewOnly);
  // A saved version shown read-only says so itself (VersionBanner).
  const version = useVersionView((s) => s.viewing !== null);
  if (!readOnly || paused || version) return null;
  return (
    <div className="read-only-banner" role="status" data-testid="read-only-banner">
      <span>{t('room.viewOnly')}</span>
    </div>
  );
}
