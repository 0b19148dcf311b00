import { useTranslation } from 'react-i18next';
import { MECHANISM_FUNCTIONS, type MechanismFunction } from '../../../shared/model/kinds';
import type { MechanismNode } from '../../../shared/model/types';
import { functionIcon } from '../../../shared/render/glyphs';
import { useMapStore, useMapStoreApi } from '../store/context';

/**
 * The function after `current` when it is cycled (Shift+F on a selected mechanism): an unset
 * function becomes the first, the last goes round to the first.
 */
export function nextFunction(current: MechanismFunction | null): MechanismFunction {
  const at = current === null ? -1 : MECHANISM_FUNCTIONS.indexOf(current);
  return MECHANISM_FUNCTIONS[(at + 1) % MECHANISM_FUNCTIONS.length] as MechanismFunction;
}

/**
 * The function of a mechanism on its card, and the control that sets it: a native select drawn as a
 * chip, so it opens with a click, works with the keyboard and a screen reader like any select, and
 * never starts a drag (nodrag). While the function is unset the chip says so, in the warning style.
 */
export function FunctionChip({ id, plan }: { id: string; plan: MechanismNode }) {
  const { t } = useTranslation();
  const store = useMapStoreApi();
  const readOnly = useMapStore((s) => s.readOnly);
  const fn = plan.function;
  const title = plan.title.trim() === '' ? t('node.untitled') : plan.title;
  return (
    <span
      className={`plan-node__function plan-node__function--${fn ?? 'unset'}`}
      data-testid="node-function"
      data-function={fn ?? 'unset'}
    >
      <span aria-hidden="true">{functionIcon(fn)}</span>
      <select
        className="plan-node__function-select nodrag nopan"
        aria-label={t('planCheck.functionOf', { title })}
        value={fn ?? ''}
        disabled={readOnly}
        onChange={(e) => {
          const value = e.target.value as MechanismFunction;
          if ((MECHANISM_FUNCTIONS as readonly string[]).includes(value)) {
            store.getState().updateNode(id, { function: value });
          }
        }}
      >
        {fn === null ? (
          <option value="" disabled>
            {t('planCheck.functionUnset')}
          </option>
        ) : null}
        {MECHANISM_FUNCTIONS.map((option) => (
          <option key={option} value={option}>
            {t(`functions.${option}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
