import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cardStatuses, cardStatusText } from '../../../shared/model/card-status';
import { localToday } from '../../../shared/model/local-today';
import { useLanguage } from '../i18n/use-language';
import { useMapContent } from '../panels/inspector/use-map-content';

/** How many metrics the caption lists; the rest are counted in the goal's roll-up. */
const SHOWN = 2;

/**
 * The caption's numbers: the goal's roll-up and, for each metric on its execution path, the
 * latest value against the target in its status colour (the same rule as the inspector's).
 */
export function PresentationStatus({ goalId, nodeIds }: { goalId: string; nodeIds: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const content = useMapContent();
  const rows = useMemo(() => {
    const statusOf = cardStatuses(content.nodes, content.links, localToday());
    const goal = statusOf(goalId);
    const metrics = content.nodes
      .filter((n) => n.kind === 'metric' && nodeIds.has(n.id))
      .map((n) => ({ node: n, card: statusOf(n.id) }));
    return { goal, metrics };
  }, [content, goalId, nodeIds]);
  if (!rows.goal && rows.metrics.length === 0) return null;
  const goalText = rows.goal ? cardStatusText(rows.goal, language) : null;
  return (
    <div className="presentation__status" data-testid="presentation-status">
      {rows.goal && goalText ? (
        <span
          className={`card-status card-status--${rows.goal.status}`}
          data-testid="presentation-goal-status"
          data-status={rows.goal.status}
          title={goalText.full}
        >
          <span className="card-status__glyph" aria-hidden="true">
            {goalText.glyph}
          </span>
          <span className="card-status__word">{goalText.word}</span>
          <span className="card-status__detail">{goalText.detail}</span>
        </span>
      ) : null}
      <ul className="presentation__metrics">
        {rows.metrics.slice(0, SHOWN).map(({ node, card }) => {
          const text = card ? cardStatusText(card, language) : null;
          return (
            <li key={node.id} data-testid="presentation-metric" data-status={card?.status ?? 'unknown'}>
              <span className="presentation__metric-title">{node.title.trim() || t('node.untitled')}</span>
              {card && text ? (
                <span className={`card-status card-status--${card.status}`} title={text.full}>
                  <span className="card-status__glyph" aria-hidden="true">
                    {text.glyph}
                  </span>
                  <span className="card-status__word">{text.word}</span>
                  {text.detail ? <span className="card-status__detail">{text.detail}</span> : null}
                </span>
              ) : null}
            </li>
          );
        })}
        {rows.metrics.length > SHOWN ? (
          <li>{t('offsite.moreMetrics', { count: rows.metrics.length - SHOWN })}</li>
        ) : null}
      </ul>
    </div>
  );
}
