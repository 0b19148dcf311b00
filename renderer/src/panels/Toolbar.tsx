import { useReactFlow } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS, type NodeKind } from '../../../shared/model';
import { LANGUAGES, type Language } from '../../../shared/validation/findings';
import { placeInLane } from '../canvas/placement';
import { useMapStore, useMapStoreApi } from '../store/context';

const KIND_ICON: Record<NodeKind, string> = { goal: '◆', mechanism: '⚙', metric: '◔' };

/** Adds each kind of node, fits the view, shows save state and switches language. */
export function Toolbar({
  onLanguage,
  fileMenu,
}: {
  onLanguage(language: Language): void;
  fileMenu: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const store = useMapStoreApi();
  const flow = useReactFlow();
  const name = useMapStore((s) => s.name);
  const saveState = useMapStore((s) => s.saveState);
  const saveError = useMapStore((s) => s.saveError);
  const canEdit = useMapStore((s) => s.mapId !== null && !s.readOnly);
  const hasMap = useMapStore((s) => s.mapId !== null);

  const add = (kind: NodeKind) => {
    const position = placeInLane(kind, store.getState().nodes);
    store.getState().addNode(kind, position);
    void flow.setCenter(position.x + 120, position.y + 48, {
      zoom: Math.max(flow.getZoom(), 0.9),
      duration: 200,
    });
  };

  const saveLabel =
    saveState === 'failed'
      ? t('toolbar.saveFailed', { message: saveError ?? '' })
      : saveState === 'saving'
        ? t('toolbar.saving')
        : saveState === 'pending'
          ? t('toolbar.unsaved')
          : t('toolbar.saved');

  return (
    <div className="toolbar" role="toolbar" aria-label={t('app.name')}>
      {fileMenu}
      <h1 className="toolbar__title" title={name}>
        {name || t('app.name')}
      </h1>
      <div className="toolbar__group">
        {NODE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`button button--add button--${kind}`}
            data-testid={`add-${kind}`}
            disabled={!canEdit}
            onClick={() => add(kind)}
          >
            <span aria-hidden="true">{KIND_ICON[kind]}</span> {t('toolbar.add', { kind: t(`kinds.${kind}`) })}
          </button>
        ))}
        <button
          type="button"
          className="button"
          disabled={!hasMap}
          onClick={() => void flow.fitView({ padding: 0.2, duration: 200 })}
        >
          {t('toolbar.fit')}
        </button>
      </div>
      <span
        className={`save-state save-state--${saveState}`}
        role="status"
        data-testid="save-state"
        data-state={saveState}
      >
        {saveLabel}
      </span>
      <label className="toolbar__language">
        <span className="visually-hidden">{t('toolbar.language')}</span>
        <select
          value={i18n.language}
          onChange={(e) => onLanguage(e.target.value as Language)}
          data-testid="language"
          aria-label={t('toolbar.language')}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
