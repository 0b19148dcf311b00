import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n/date-locale';
import { useVersionView } from '../store/version-view';

export interface VersionBannerProps {
  /** Leaves the version for the live map, in its room. */
  onBack(): void;
}

/**
 * Says, above the canvas, that what it shows is a saved version and cannot be changed, with the
 * way back to the live map. Focus starts on that button when a version opens, so the keyboard
 * finds its way back at once.
 */
export function VersionBanner({ onBack }: VersionBannerProps) {
  const { t, i18n } = useTranslation();
  const viewing = useVersionView((s) => s.viewing);
  const back = useRef<HTMLButtonElement>(null);
  const format = useMemo(
    () => new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );
  const versionId = viewing?.version.id;
  useEffect(() => {
    if (versionId) back.current?.focus({ preventScroll: true });
  }, [versionId]);
  if (!viewing) return null;
  const { version } = viewing;
  return (
    <div className="read-only-banner version-banner" role="status" data-testid="version-banner">
      <span>
        <strong data-testid="version-banner-title">
          {t('versions.viewing', { label: version.label, date: format.format(new Date(version.createdAt)) })}
        </strong>
        <span className="version-banner__note"> {t('versions.viewingNote')}</span>
      </span>
      <button ref={back} type="button" className="button" onClick={onBack} data-testid="version-back">
        {t('versions.backToLive')}
      </button>
    </div>
  );
}
