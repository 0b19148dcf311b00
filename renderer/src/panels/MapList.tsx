import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAP_PAGE_SIZE, MAX_MAP_PAGE, type MapPage, type MapSummary } from '../../../shared/contract/api';
import { mayCall, type SessionRole } from '../../../shared/contract/method-access';
import type { Language } from '../../../shared/model/language';
import type { TemplateId } from '../../../shared/templates/ids';
import { MapRow, type RowMode } from './MapRow';
import { TemplatePicker } from './TemplatePicker';

export interface MapListProps {
  /** What this window may do: an observer sees the maps and changes none. */
  role: SessionRole;
  maps: MapSummary[];
  openId: string | null;
  onOpen(id: string): void;
  onCreate(): void;
  onRename(id: string, name: string): void;
  onDuplicate(id: string): void;
  /** Deletes a map; resolves false when the delete failed (the reason is shown elsewhere). */
  onDelete(id: string): Promise<boolean>;
  /** Creates a map from a template in the given language and opens it; rejects with the reason. */
  onCreateFromTemplate(templateId: TemplateId, language: Language): Promise<void>;
  /** `limit` maps from `offset` on: `maps` is the first page, the rest come on request. */
  loadPage?(offset: number, limit: number): Promise<MapPage>;
}

/** Pages loaded after the first, for the first page they follow (a new list starts over). */
interface MorePages {
  after: MapSummary[];
  maps: MapSummary[];
  total: number;
}

/** A map that is being renamed, or whose delete is being confirmed; one at a time. */
interface RowAction {
  id: string;
  mode: Exclude<RowMode, 'view'>;
}

/** Where focus goes once a deleted map's row is gone: the first of these rows still there. */
interface AfterDelete {
  id: string;
  candidates: string[];
}

/** The `.map-row__open` button of a map's row, if it is on screen. */
function openButtonOf(list: HTMLElement | null, id: string): HTMLElement | null {
  return list?.querySelector<HTMLElement>(`[data-map-id="${CSS.escape(id)}"] .map-row__open`) ?? null;
}

/** Focus was lost (the element holding it went away) or is still inside `within`. */
function focusIsFree(within: HTMLElement | null): boolean {
  const active = document.activeElement;
  return !active || active === document.body || (within?.contains(active) ?? false);
}

/**
 * The maps of the open document: new (blank or from a template), open, rename in place, duplicate,
 * delete with confirmation. Only one map is renamed or asked about at a time: starting anything
 * else in the list ends the one before. Focus never falls to the page: a cancelled rename or delete
 * gives it back to the button that started it, a confirmed delete moves it to the next map (or the
 * previous, or New map once none is left), a map made from a template puts it on the canvas.
 */
export function MapList(props: MapListProps) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const [action, setAction] = useState<RowAction | null>(null);
  const list = useRef<HTMLElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const templateButton = useRef<HTMLButtonElement>(null);
  // Once the picker's modal dialog is gone: cancelled gives focus back to its button, created
  // puts it on the new map's canvas.
  const pickerClosed = useRef<'cancelled' | 'created' | null>(null);
  const [more, setMore] = useState<MorePages | null>(null);
  const [moreFailed, setMoreFailed] = useState<string | null>(null);
  const loaded = more?.after === props.maps ? more : null;
  const firstIds = new Set(props.maps.map((m) => m.id));
  const shown = loaded ? [...props.maps, ...loaded.maps.filter((m) => !firstIds.has(m.id))] : props.maps;
  const mayHaveMore = loaded ? shown.length < loaded.total : props.maps.length >= MAP_PAGE_SIZE;
  /** Lists `count` more maps after the first page and those already shown (or again, from the start). */
  const load = (count: number, again: boolean) => {
    const { loadPage } = props;
    if (!loadPage) return;
    const after = props.maps;
    const earlier = again ? [] : (loaded?.maps ?? []);
    loadPage(after.length + earlier.length, Math.min(count, MAX_MAP_PAGE)).then(
      (page) => {
        setMoreFailed(null);
        setMore({ after, maps: [...earlier, ...page.maps], total: page.total });
      },
      (error: unknown) => setMoreFailed((error as Error).message),
    );
  };
  // A new first page (a map opened, renamed, deleted…): the maps shown after it are listed again,
  // so none is missing, doubled or stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new first page starts this
  useEffect(() => {
    if (more && more.after !== props.maps && more.maps.length > 0) load(more.maps.length, true);
  }, [props.maps]);
  useEffect(() => {
    const closed = pickerClosed.current;
    if (picking || !closed) return;
    pickerClosed.current = null;
    if (!focusIsFree(list.current)) return;
    const canvas = closed === 'created' ? document.querySelector<HTMLElement>('[data-canvas-scope]') : null;
    const target =
      canvas ?? (closed === 'created' && props.openId ? openButtonOf(list.current, props.openId) : null);
    (target ?? templateButton.current)?.focus({ preventScroll: Boolean(canvas) });
  }, [picking, props.openId]);

  const afterDelete = useRef<AfterDelete | null>(null);
  useEffect(() => {
    const pending = afterDelete.current;
    if (!pending || props.maps.some((m) => m.id === pending.id)) return;
    afterDelete.current = null;
    // The confirmation ends with its row: a map brought back by Undo returns as a plain row.
    setAction((current) => (current?.id === pending.id ? null : current));
    if (!focusIsFree(list.current)) return;
    const next = pending.candidates.find((id) => props.maps.some((m) => m.id === id));
    ((next ? openButtonOf(list.current, next) : null) ?? newButton.current)?.focus();
  }, [props.maps]);

  /** Anything started in the list ends a rename or delete confirmation that was open. */
  const start = (next: RowAction | null) => {
    afterDelete.current = null;
    setAction(next);
  };
  const rowProps = {
    ...props,
    onOpen: (id: string) => {
      start(null);
      props.onOpen(id);
    },
    onDuplicate: (id: string) => {
      start(null);
      props.onDuplicate(id);
    },
    // The confirmation stays until the row goes, with focus on its Delete button; then focus moves on.
    onDelete: async (id: string): Promise<boolean> => {
      if (afterDelete.current?.id === id) return false; // asked already: a second Enter is not a second delete
      const at = props.maps.findIndex((m) => m.id === id);
      const ids = props.maps.map((m) => m.id);
      afterDelete.current = { id, candidates: [...ids.slice(at + 1), ...ids.slice(0, at).reverse()] };
      const deleted = await props.onDelete(id);
      // A failed delete (a full disk…) may be tried again from the confirmation still open.
      if (!deleted && afterDelete.current?.id === id) afterDelete.current = null;
      return deleted;
    },
  };

  return (
    <nav ref={list} className="maps" aria-labelledby="maps-heading" data-testid="map-list">
      <div className="maps__header">
        <h2 id="maps-heading" className="panel-heading">
          {t('maps.heading')}
        </h2>
        {mayCall(props.role, 'createMap') ? (
          <div className="maps__new">
            <button
              ref={newButton}
              type="button"
              className="button button--primary"
              onClick={() => {
                start(null);
                props.onCreate();
              }}
              data-testid="new-map"
            >
              + {t('maps.new')}
            </button>
            <button
              ref={templateButton}
              type="button"
              className="button"
              aria-haspopup="dialog"
              onClick={() => {
                start(null);
                setPicking(true);
              }}
              data-testid="new-from-template"
            >
              {t('templates.open')}
            </button>
          </div>
        ) : null}
      </div>
      {picking ? (
        <TemplatePicker
          onCreate={props.onCreateFromTemplate}
          onClose={(created) => {
            pickerClosed.current = created ? 'created' : 'cancelled';
            setPicking(false);
          }}
        />
      ) : null}
      {props.maps.length === 0 ? <p className="maps__empty">{t('maps.empty')}</p> : null}
      <ul className="maps__list">
        {shown.map((m) => (
          <MapRow
            key={m.id}
            map={m}
            open={m.id === props.openId}
            mode={action?.id === m.id ? action.mode : 'view'}
            onMode={(mode) => {
              if (mode !== 'view') return start({ id: m.id, mode });
              // Only this row's own action ends: a late blur must not close the next one.
              if (afterDelete.current?.id === m.id) afterDelete.current = null;
              setAction((current) => (current?.id === m.id ? null : current));
            }}
            {...rowProps}
          />
        ))}
      </ul>
      {props.loadPage && mayHaveMore ? (
        <div className="maps__more">
          {loaded ? (
            <p className="maps__shown" data-testid="maps-shown">
              {t('mapPages.shown', { shown: shown.length, total: loaded.total })}
            </p>
          ) : null}
          <button
            type="button"
            className="button"
            onClick={() => load(MAP_PAGE_SIZE, false)}
            data-testid="maps-more"
          >
            {t('mapPages.more')}
          </button>
          {moreFailed ? <p role="alert">{t('mapPages.failed', { message: moreFailed })}</p> : null}
        </div>
      ) : null}
    </nav>
  );
}
