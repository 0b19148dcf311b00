import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSummary } from '../../../shared/contract/api';
import type { TemplateId } from '../../../shared/templates/ids';
import type { Language } from '../../../shared/validation/findings';
import { TemplatePicker } from './TemplatePicker';

export interface MapListProps {
  maps: MapSummary[];
  openId: string | null;
  onOpen(id: string): void;
  onCreate(): void;
  onRename(id: string, name: string): void;
  onDuplicate(id: string): void;
  onDelete(id: string): void;
  /** Creates a map from a template in the given language and opens it; rejects with the reason. */
  onCreateFromTemplate(templateId: TemplateId, language: Language): Promise<void>;
}

/**
 * The maps of the open document: new (blank or from a template), open, rename in place, duplicate,
 * delete with confirmation.
 */
export function MapList(props: MapListProps) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const templateButton = useRef<HTMLButtonElement>(null);
  // A cancelled picker gives focus back to its button, once the modal dialog is gone.
  const refocus = useRef(false);
  useEffect(() => {
    if (picking || !refocus.current) return;
    refocus.current = false;
    templateButton.current?.focus();
  }, [picking]);
  return (
    <nav className="maps" aria-labelledby="maps-heading" data-testid="map-list">
      <div className="maps__header">
        <h2 id="maps-heading" className="panel-heading">
          {t('maps.heading')}
        </h2>
        <div className="maps__new">
          <button
            type="button"
            className="button button--primary"
            onClick={props.onCreate}
            data-testid="new-map"
          >
            + {t('maps.new')}
          </button>
          <button
            ref={templateButton}
            type="button"
            className="button"
            aria-haspopup="dialog"
            onClick={() => setPicking(true)}
            data-testid="new-from-template"
          >
            {t('templates.open')}
          </button>
        </div>
      </div>
      {picking ? (
        <TemplatePicker
          onCreate={props.onCreateFromTemplate}
          onClose={(created) => {
            refocus.current = !created;
            setPicking(false);
          }}
        />
      ) : null}
      {props.maps.length === 0 ? <p className="maps__empty">{t('maps.empty')}</p> : null}
      <ul className="maps__list">
        {props.maps.map((m) => (
          <MapRow key={m.id} map={m} open={m.id === props.openId} {...props} />
        ))}
      </ul>
    </nav>
  );
}

type RowMode = 'view' | 'rename' | 'confirm-delete';

function MapRow({
  map,
  open,
  onOpen,
  onRename,
  onDuplicate,
  onDelete,
}: MapListProps & { map: MapSummary; open: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<RowMode>('view');
  const [name, setName] = useState(map.name);

  if (mode === 'rename') {
    const commit = () => {
      const trimmed = name.trim();
      if (trimmed && trimmed !== map.name) onRename(map.id, trimmed);
      setMode('view');
    };
    return (
      <li className="map-row is-editing">
        <input
          className="map-row__input"
          aria-label={t('maps.nameLabel')}
          value={name}
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this map
          autoFocus
          onChange={(e) => setName(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing || e.keyCode === 229) return;
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setName(map.name);
              setMode('view');
            }
          }}
        />
      </li>
    );
  }

  if (mode === 'confirm-delete') {
    return (
      <li className="map-row is-confirming" data-testid="confirm-delete">
        <span className="map-row__confirm">{t('maps.deleteConfirm', { name: map.name })}</span>
        <span className="map-row__confirm-actions">
          <button type="button" className="button button--danger" onClick={() => onDelete(map.id)}>
            {t('maps.deleteYes')}
          </button>
          <button type="button" className="button" onClick={() => setMode('view')}>
            {t('maps.deleteNo')}
          </button>
        </span>
      </li>
    );
  }

  return (
    <li className={`map-row${open ? ' is-open' : ''}`} data-testid="map-row" data-map-id={map.id}>
      <button
        type="button"
        className="map-row__open"
        aria-current={open ? 'page' : undefined}
        onClick={() => onOpen(map.id)}
        onDoubleClick={() => setMode('rename')}
      >
        <span className="map-row__name">{map.name}</span>
        <span className="map-row__meta">{t('maps.nodes', { count: map.nodeCount })}</span>
      </button>
      <span className="map-row__actions">
        <button
          type="button"
          className="icon-button"
          title={t('maps.rename')}
          aria-label={`${t('maps.rename')}: ${map.name}`}
          onClick={() => {
            setName(map.name);
            setMode('rename');
          }}
        >
          <Icon path="M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4" />
        </button>
        <button
          type="button"
          className="icon-button"
          title={t('maps.duplicate')}
          aria-label={`${t('maps.duplicate')}: ${map.name}`}
          onClick={() => onDuplicate(map.id)}
        >
          <Icon path="M8 8h11v11H8zM5 16V5h11" />
        </button>
        <button
          type="button"
          className="icon-button"
          title={t('maps.delete')}
          aria-label={`${t('maps.delete')}: ${map.name}`}
          onClick={() => setMode('confirm-delete')}
        >
          <Icon path="M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12M10 11v5M14 11v5" />
        </button>
      </span>
    </li>
  );
}

/** A line icon drawn in the text colour, so it renders the same on every OS (no emoji fonts needed). */
function Icon({ path }: { path: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
