import { useTranslation } from 'react-i18next';
import { useMapStore } from '../store/context';

/** Says the map is being edited elsewhere, how many edits wait here, and offers to take over. */
export function ReadOnlyBanner({ onTakeOver }: { onTakeOver(): void }) {
  const { t } = useTranslation();
  const readOnly = useMapStore((s) => s.readOnly);
  const waiting = useMapStore(
    (s) =>
      s.pending.nodes.size + s.pending.links.size + s.pending.deletedNodes.size + s.pending.deletedLinks.size,
  );
  if (!readOnly) return null;
  return (
    <div className="read-only-banner" role="alert" data-testid="read-only-banner">
      <span>
        {t('session.readOnly')}
        {waiting > 0 ? ` ${t('session.waiting', { count: waiting })}` : ''}
      </span>
      <button type="button" className="button button--primary" onClick={onTakeOver} data-testid="take-over">
        {t('session.takeOver')}
      </button>
    </div>
  );
}
