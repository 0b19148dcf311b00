import { useDeferredValue, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapNode } from '../../../../shared/model/types';
import { functionIcon } from '../../../../shared/render/glyphs';
import { usePresence } from '../../room/presence-store';
import { useMapStore } from '../../store/context';
import { CheckinsSection } from './CheckinsSection';
import { FieldRow } from './FieldRow';
import { fieldRows } from './field-rows';
import { GoalHealthView } from './GoalHealthView';
import { LinksSection } from './LinksSection';
import { MetricProgressView } from './MetricProgressView';
import { FIELDS_OF_KIND } from './parse-field';
import { selectionOf } from './selection';

/**
 * The side panel for the selected node: every field of its kind, validated before anything is
 * saved, and what follows from them (a metric's progress, a goal's health, a mechanism's function).
 * It subscribes to the selection and to the selected node's plan only.
 */
export function Inspector() {
  const { t } = useTranslation();
  // Deferred: a click paints the node selected first, then the panel follows (on a 1,000-node map
  // its fields and its list of nodes to link to made selecting take several frames).
  const selection = useDeferredValue(useMapStore(selectionOf));
  const readOnly = useMapStore((s) => s.readOnly);
  const id = typeof selection === 'string' ? selection : null;
  const plan = useMapStore((s) =>
    id === null ? null : (s.nodes.find((n) => n.id === id)?.data.plan ?? null),
  );

  // A newly selected node is shown from its top, not scrolled to where the last one was left.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (panel.current && id !== null) panel.current.scrollTop = 0;
  }, [id]);

  return (
    <aside
      ref={panel}
      className="inspector"
      aria-labelledby="inspector-heading"
      data-testid="inspector"
      data-node-id={plan?.id ?? ''}
      data-kind={plan?.kind ?? ''}
    >
      <div className="inspector__top">
        <h2 id="inspector-heading" className="panel-heading">
          {t('inspector.heading')}
        </h2>
        {plan ? (
          <span className={`inspector__kind inspector__kind--${plan.kind}`} data-testid="inspector-kind">
            {t(`kindsLong.${plan.kind}`)}
          </span>
        ) : null}
      </div>
      {plan ? (
        <NodeDetails key={plan.id} plan={plan} readOnly={readOnly} />
      ) : (
        <p className="inspector__empty" data-testid="inspector-empty">
          {typeof selection === 'number' && selection > 1
            ? t('inspector.many', { count: selection })
            : t('inspector.none')}
        </p>
      )}
    </aside>
  );
}

function NodeDetails({ plan, readOnly }: { plan: MapNode; readOnly: boolean }) {
  // An editor paused by the facilitator is read-only for the pause, not a view-only participant.
  const paused = usePresence((s) => s.frozen && !s.viewOnly && !s.host);
  const { t } = useTranslation();
  return (
    <div className="inspector__body">
      {plan.kind === 'mechanism' ? (
        <div className="inspector__header">
          <span
            className={`inspector__function inspector__function--${plan.function ?? 'unset'}`}
            data-testid="function-chip"
            data-function={plan.function ?? 'unset'}
          >
            <span className="inspector__function-icon" aria-hidden="true">
              {functionIcon(plan.function)}
            </span>
            {t('inspector.functionChip', {
              function:
                plan.function === null
                  ? t('planCheck.functionUnset')
                  : t(`inspector.options.function.${plan.function}`),
            })}
          </span>
          <p className="inspector__function-hint">
            {t(`inspector.functionHint.${plan.function ?? 'unset'}`)}
          </p>
        </div>
      ) : null}
      {readOnly ? (
        <p className="inspector__read-only" data-testid="inspector-read-only">
          {paused ? t('presence.frozenBanner') : t('inspector.readOnly')}
        </p>
      ) : null}
      {plan.kind === 'metric' ? <MetricProgressView metric={plan} /> : null}
      {plan.kind === 'goal' ? <GoalHealthView goalId={plan.id} /> : null}
      <form
        className="inspector__fields"
        aria-label={t('inspector.fieldsLabel')}
        noValidate
        onSubmit={(e) => e.preventDefault()}
      >
        {fieldRows(FIELDS_OF_KIND[plan.kind]).map((specs) => (
          <FieldRow key={specs[0]?.key} plan={plan} specs={specs} readOnly={readOnly} />
        ))}
      </form>
      {plan.kind === 'metric' ? <CheckinsSection metric={plan} readOnly={readOnly} /> : null}
      <LinksSection plan={plan} readOnly={readOnly} />
    </div>
  );
}
