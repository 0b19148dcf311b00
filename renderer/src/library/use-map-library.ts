import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import type { DocumentInfo, MapSummary, ThroughlineApi } from '../../../shared/contract/api';
import type { SessionRole } from '../../../shared/contract/method-access';
import type { MapContent } from '../../../shared/model';
import type { Language } from '../../../shared/model/language';
import type { TemplateId } from '../../../shared/templates/ids';
import type { VersionSummary } from '../../../shared/versions';
import { layoutInput } from '../canvas/use-canvas-commands';
import { layoutLanes } from '../layout/lane-layout';
import { needsLayout } from '../layout/needs-layout';
import type { NoticeOptions } from '../panels/Notices';
import type { MapRooms } from '../room/map-rooms';
import type { RoomEnd } from '../room/room-connection';
import { deletionUndo } from '../store/deletion-undo';
import type { MapState } from '../store/map-store';
import { useVersionView } from '../store/version-view';

export interface MapLibraryOptions {
  api: ThroughlineApi;
  store: StoreApi<MapState>;
  rooms: MapRooms;
  notify: (message: string, options?: NoticeOptions) => void;
}

/**
 * The map library's controller: the maps of the open document, the map in view (in its room),
 * and the workflows on them (open, create, create from a template, rename, duplicate, delete with
 * Undo, another document opened). Failures become notices.
 */
export function useMapLibrary({ api, store, rooms, notify }: MapLibraryOptions) {
  const { t, i18n } = useTranslation();
  const [maps, setMaps] = useState<MapSummary[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [documentInfo, setDocumentInfo] = useState<DocumentInfo | null>(null);
  /** What this window may do (the host's own window everything): which items the UI offers. */
  const [role, setRole] = useState<SessionRole>('host');
  const started = useRef(false);

  const fail = useCallback(
    (error: unknown) => notify(t('errors.generic', { message: (error as Error).message })),
    [notify, t],
  );

  const refresh = useCallback(async () => setMaps(await api.listMaps({})), [api]);

  const open = useCallback(
    async (id: string, { imported = false } = {}) => {
      try {
        // A version shown read-only gives way to the map in its room.
        useVersionView.getState().close();
        const head = await api.mapSummary({ mapId: id });
        // An imported map without a layout is tidied into lanes the moment its content arrives,
        // before it is first drawn: the positions are the first change the room shares after it.
        const layOut = () => {
          const { nodes, edges } = store.getState();
          if (needsLayout(nodes.map((n) => n.data.plan)))
            store.getState().applyPositions(layoutLanes(layoutInput(nodes, edges)));
        };
        rooms.open(head, {
          readOnly: rooms.viewOnly,
          ...(imported && !rooms.viewOnly ? { onArrive: layOut } : {}),
        });
        setOpenId(id);
        await rooms.contentArrived();
        await refresh();
      } catch (error) {
        notify(t('errors.loadFailed', { message: (error as Error).message }));
      }
    },
    [api, rooms, notify, refresh, store, t],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        setDocumentInfo(await api.documentInfo({}));
        // How this window joins rooms (its key, view-only or not) before the first map opens.
        const access = await api.roomAccess({});
        rooms.setAccess(access);
        setRole(access.host ? 'host' : access.access);
        api.setUiLanguage({ language: i18n.language as Language }).catch(() => {});
        const list = await api.listMaps({});
        setMaps(list);
        if (list[0]) await open(list[0].id);
      } catch (error) {
        fail(error);
      }
    })();
  }, [api, open, fail, i18n.language, rooms]);

  // Keep the map list's node counts current once the room has stored what changed.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.sync.status === 'synced' && previous.sync.status !== 'synced')
          void refresh().catch(() => {});
      }),
    [store, refresh],
  );

  // The room ended this window's connection for good: say why, and where the map can be had
  // again (replaced, or a change refused), load it afresh from the room.
  useEffect(() => {
    rooms.setEndHandler((end: RoomEnd, mapId: string) => {
      notify(t(`room.end.${end}`), { kind: 'room-end' });
      if ((end === 'replaced' || end === 'refused') && store.getState().mapId === mapId) void open(mapId);
      else if (end === 'gone') void refresh().catch(() => {});
    });
  }, [rooms, notify, open, refresh, store, t]);

  const create = useCallback(async () => {
    try {
      const created = await api.createMap({ name: t('maps.newName') });
      await open(created.id);
    } catch (error) {
      fail(error);
    }
  }, [api, open, fail, t]);

  const rename = useCallback(
    async (id: string, name: string) => {
      try {
        await api.renameMap({ mapId: id, name });
        if (id === store.getState().mapId) store.setState({ name });
        await refresh();
      } catch (error) {
        fail(error);
      }
    },
    [api, fail, refresh, store],
  );

  const duplicate = useCallback(
    async (id: string) => {
      try {
        await rooms.flush();
        const source = maps.find((m) => m.id === id);
        const copy = await api.duplicateMap({
          mapId: id,
          name: t('maps.copyOf', { name: source?.name ?? '' }).slice(0, 200),
        });
        await open(copy.id);
      } catch (error) {
        fail(error);
      }
    },
    [api, rooms, fail, maps, open, t],
  );

  /** Maps deleted in this window that Undo has not brought back yet. */
  const restorable = useRef(new Set<string>());
  /** Brings a deleted map back (Undo), and opens it again when it was the map in view. */
  const restoreDeleted = useCallback(
    async (id: string, name: string, wasOpen: boolean) => {
      deletionUndo.withdraw(id);
      // Back already (Ctrl+Z, then the notice's button): once is all.
      if (!restorable.current.delete(id)) return;
      try {
        await api.restoreMap({ mapId: id });
        if (wasOpen) await open(id);
        else await refresh();
        // Replaces the deletion's notice: its Undo is done, so its button must not stay on screen.
        notify(t('mapDeletion.restored', { name }), { kind: `map-deletion:${id}` });
      } catch (error) {
        fail(error);
      }
    },
    [api, fail, notify, open, refresh, t],
  );

  const remove = useCallback(
    async (id: string) => {
      try {
        const wasOpen = id === store.getState().mapId;
        const name = maps.find((m) => m.id === id)?.name ?? '';
        if (wasOpen) {
          useVersionView.getState().close();
          rooms.leave();
          store.getState().clear();
          setOpenId(null);
        }
        await api.deleteMap({ mapId: id });
        const list = await api.listMaps({});
        setMaps(list);
        if (wasOpen && list[0]) await open(list[0].id);
        // Undo (Ctrl+Z, or the notice's button) now brings this map back, not an edit of another.
        restorable.current.add(id);
        const restore = () => void restoreDeleted(id, name, wasOpen);
        deletionUndo.offer({ mapId: id, restore });
        notify(t('mapDeletion.deleted', { name }), {
          kind: `map-deletion:${id}`,
          action: {
            label: t('mapDeletion.undo'),
            ariaLabel: t('mapDeletion.undoLabel', { name }),
            run: restore,
          },
        });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    [api, fail, maps, notify, open, restoreDeleted, rooms, store, t],
  );

  // An edit of the map in view after a delete is what Undo takes back next, not the delete.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.undoDepth > previous.undoDepth) deletionUndo.withdraw();
      }),
    [store],
  );

  const documentChanged = useCallback(
    async (info: DocumentInfo) => {
      setDocumentInfo(info);
      useVersionView.getState().close();
      rooms.leave();
      store.getState().clear();
      setOpenId(null);
      const list = await api.listMaps({});
      setMaps(list);
      if (list[0]) await open(list[0].id);
    },
    [api, open, rooms, store],
  );

  const createFromTemplate = useCallback(
    async (templateId: TemplateId, language: Language) => {
      const created = await api.createMapFromTemplate({ templateId, language });
      await open(created.id);
    },
    [api, open],
  );

  /**
   * Shows a saved version of the map in view, read-only: this window leaves the map's room (so
   * nothing reaches it while the version is shown: no edit, no selection, no presence) and the
   * store holds the version as a map without a room. `compareWith`, an older version, is marked
   * on it as the changes since. The live map comes back with backToLive (or any map opened).
   */
  const openVersion = useCallback(
    async (
      mapId: string,
      loaded: { version: VersionSummary; name: string; content: MapContent },
      compareWith: { version: VersionSummary; content: MapContent } | null = null,
    ) => {
      // Edits typed before go to the room first; its connection stays until they are stored.
      await rooms.flush();
      rooms.leave();
      const { version, name, content } = loaded;
      store.getState().load(
        {
          ...content,
          id: mapId,
          name,
          revision: 0,
          createdAt: version.createdAt,
          updatedAt: version.createdAt,
        },
        { readOnly: true },
      );
      useVersionView.getState().show({ mapId, version, compareWith });
    },
    [rooms, store],
  );

  /** Back from a version to the live map, in its room. */
  const backToLive = useCallback(() => {
    const viewing = useVersionView.getState().viewing;
    if (viewing) void open(viewing.mapId);
  }, [open]);

  /** Another map chosen from the list: Undo no longer reaches back to a map deleted before. */
  const choose = useCallback(
    (id: string) => {
      deletionUndo.withdraw();
      void open(id);
    },
    [open],
  );

  return {
    maps,
    openId,
    documentInfo,
    role,
    fail,
    open,
    choose,
    openVersion,
    backToLive,
    create,
    createFromTemplate,
    rename,
    duplicate,
    remove,
    documentChanged,
  };
}
