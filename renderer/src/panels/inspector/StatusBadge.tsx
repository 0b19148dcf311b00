import { useTranslation } from 'react-i18next';
import { STATUS_GLYPH } from '../../../../shared/model/card-status';
import type { ProgressStatus } from '../../../../shared/model/metric-progress';

/** A shape per status, so the status never rests on colour alone (one home: card-status.ts). */
export const STATUS_ICON = STATUS_GLYPH;

/** A metric's or a goal's status: icon, word and colour. */
export function StatusBadge({ status, testId }: { status: ProgressStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`inspector-status inspector-status--${status}`}
      data-testid={testId}
      data-status={status}
    >
      <span className="inspector-status__icon" aria-hidden="true">
        {STATUS_ICON[status]}
      </span>
      {t(`inspector.status.${status}`)}
    </span>
  );
}
