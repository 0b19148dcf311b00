import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MECHANISM_FUNCTIONS } from '../../../shared/model';
import { FUNCTION_ICON } from '../../../shared/render/glyphs';
import { useMapStore } from '../store/context';
import { ownersOf, splitOwners } from '../store/map-owners';
import { useViewPrefs } from '../store/view-prefs';

/**
 * Filters that dim what they leave out: flagged nodes only, stale metrics only, mechanisms by
 * function, one owner.
 */
export function FilterBar() {
  const { t } = useTranslation();
  const ownerList = useMapStore(ownersOf);
  const owners = useMemo(() => splitOwners(ownerList), [ownerList]);
  const {
    flaggedOnly,
    functions,
    owner,
    staleOnly,
    setFlaggedOnly,
    toggleFunction,
    setOwner,
    setStaleOnly,
    clearFilters,
  } = useViewPrefs();
  const active = flaggedOnly || functions.length > 0 || owner !== '' || staleOnly;

  return (
    <section className="filter-bar" data-testid="filter-bar" aria-labelledby="filter-bar-title">
      <h2 id="filter-bar-title" className="filter-bar__title">
        {t('filters.title')}
      </h2>
      <label className="filter-bar__check">
        <input
          type="checkbox"
          checked={flaggedOnly}
          onChange={(e) => setFlaggedOnly(e.target.checked)}
          data-testid="filter-flagged"
        />
        {t('filters.flaggedOnly')}
      </label>
      <label className="filter-bar__check">
        <input
          type="checkbox"
          checked={staleOnly}
          onChange={(e) => setStaleOnly(e.target.checked)}
          data-testid="filter-stale"
        />
        {t('metricCheckins.staleOnly')}
      </label>
      <fieldset className="filter-bar__group">
        <legend className="visually-hidden">{t('filters.byFunction')}</legend>
        {MECHANISM_FUNCTIONS.map((fn) => (
          <button
            key={fn}
            type="button"
            className={`chip chip--${fn}`}
            aria-pressed={functions.includes(fn)}
            onClick={() => toggleFunction(fn)}
            data-testid={`filter-function-${fn}`}
          >
            <span aria-hidden="true">{FUNCTION_ICON[fn]}</span> {t(`functions.${fn}`)}
          </button>
        ))}
      </fieldset>
      <label className="filter-bar__owner">
        {t('filters.owner')}
        <select value={owner} onChange={(e) => setOwner(e.target.value)} data-testid="filter-owner">
          <option value="">{t('filters.anyOwner')}</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--small" onClick={clearFilters} disabled={!active}>
        {t('filters.clear')}
      </button>
    </section>
  );
}
