import { type FocusEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSummary } from '../../../shared/contract/api';
import { mayCall } from '../../../shared/contract/method-access';
import { useMapStore } from '../store/context';
import type { MapListProps } from './MapList';

/** What a row shows: the map, its name being edited, or the question whether to delete it. */
export type RowMode = 'view' | 'rename' | 'confirm-delete';

/** The control a row gives focus back to when its rename or delete confirmation ends. */
type ReturnTo = 'open' | 'rename' | 'delete';

/** One map of the list: open it, rename it in place, copy it, delete it after asking. */
export function MapRow({
  role,
  map,
  open,
  mode,
  onMode,
  onOpen,
  onRename,
  onDuplicate,
  onDelete,
}: MapListProps & { map: MapSummary; open: boolean; mode: RowMode; onMode(mode: RowMode): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(map.name);
  const openButton = useRef<HTMLButtonElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  // Where a rename started (the pencil or a double-click), so Enter or Escape can give focus back.
  const startedFrom = useRef<ReturnTo>('open');
  // Set when the row itself ends its rename or confirmation from the keyboard or its own buttons;
  // not when another action in the list closed it, which has focus where it wants it.
  const returnFocus = useRef<ReturnTo | null>(null);
  // The rename was kept or dropped already: the blur of the field going away must not save again.
  const renameDone = useRef(false);

  useEffect(() => {
    if (mode === 'confirm-delete') {
      // The safe choice, as a destructive confirmation should.
      keepButton.current?.focus();
      return;
    }
    const to = returnFocus.current;
    returnFocus.current = null;
    if (mode !== 'view' || !to) return;
    const button = { open: openButton, rename: renameButton, delete: deleteButton }[to].current;
    button?.focus();
  }, [mode]);

  const startRename = (from: ReturnTo) => {
    setName(map.name);
    startedFrom.current = from;
    renameDone.current = false;
    onMode('rename');
  };
  const endWith = (to: ReturnTo | null) => {
    returnFocus.current = to;
    onMode('view');
  };

  if (mode === 'rename') {
    const commit = (refocus: boolean) => {
      if (renameDone.current) return;
      renameDone.current = true;
      const trimmed = name.trim();
      if (trimmed && trimmed !== map.name) onRename(map.id, trimmed);
      endWith(refocus ? startedFrom.current : null);
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
          onBlur={() => commit(false)}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing || e.keyCode === 229) return;
            // Focus goes back to a button at once: its keypress must not press that button.
            if (e.key === 'Enter' || e.key === 'Escape') e.preventDefault();
            if (e.key === 'Enter') commit(true);
            if (e.key === 'Escape') {
              renameDone.current = true;
              setName(map.name);
              endWith(startedFrom.current);
            }
          }}
        />
      </li>
    );
  }

  if (mode === 'confirm-delete') {
    const questionId = `map-delete-question-${map.id}`;
    // Escape is Keep. Tabbing (or clicking) away from both choices leaves the map alone too.
    const choiceProps = {
      'aria-describedby': questionId,
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
        e.preventDefault();
        e.stopPropagation();
        endWith('delete');
      },
      onBlur: (e: FocusEvent) => {
        const to = e.relatedTarget;
        const row = e.currentTarget.closest('li');
        if (to instanceof Node && row && !row.contains(to)) endWith(null);
      },
    };
    return (
      <li className="map-row is-confirming" data-testid="confirm-delete">
        <span id={questionId} className="map-row__confirm">
          {t('maps.deleteConfirm', { name: map.name })}
        </span>
        <span className="map-row__confirm-actions">
          <button
            type="button"
            className="button button--danger"
            onClick={() => void onDelete(map.id)}
            {...choiceProps}
          >
            {t('maps.deleteYes')}
          </button>
          <button
            ref={keepButton}
            type="button"
            className="button"
            onClick={() => endWith('delete')}
            {...choiceProps}
          >
            {t('maps.deleteNo')}
          </button>
        </span>
      </li>
    );
  }

  return (
    <li className={`map-row${open ? ' is-open' : ''}`} data-testid="map-row" data-map-id={map.id}>
      <button
        ref={openButton}
        type="button"
        className="map-row__open"
        aria-current={open ? 'page' : undefined}
        onClick={() => onOpen(map.id)}
        onDoubleClick={() => {
          if (mayCall(role, 'renameMap')) startRename('open');
        }}
      >
        <span className="map-row__name">{map.name}</span>
        {open ? (
          <OpenMapMeta listed={map.nodeCount} />
        ) : (
          <span className="map-row__meta">{t('maps.nodes', { count: map.nodeCount })}</span>
        )}
      </button>
      {mayCall(role, 'renameMap') ? (
        <span className="map-row__actions">
          <button
            ref={renameButton}
            type="button"
            className="icon-button"
            title={t('maps.rename')}
            aria-label={`${t('maps.rename')}: ${map.name}`}
            onClick={() => startRename('rename')}
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
            ref={deleteButton}
            type="button"
            className="icon-button"
            title={t('maps.delete')}
            aria-label={`${t('maps.delete')}: ${map.name}`}
            onClick={() => onMode('confirm-delete')}
          >
            <Icon path="M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12M10 11v5M14 11v5" />
          </button>
        </span>
      ) : null}
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

/**
 * The open map's node count follows the canvas, so another participant's additions and deletions
 * show at once; until the room's copy has arrived, the count the list was given.
 */
function OpenMapMeta({ listed }: { listed: number }) {
  const { t } = useTranslation();
  const count = useMapStore((s) => (s.ready ? s.nodes.length : listed));
  return <span className="map-row__meta">{t('maps.nodes', { count })}</span>;
}
