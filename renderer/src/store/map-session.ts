import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { ThroughlineApi } from '../../../shared/contract/api';
import type { MapState } from './map-store';

const KEEP_EVERY_MS = 2000;

type SessionApi = Pick<ThroughlineApi, 'keepMapSession' | 'openMapSession' | 'releaseMapSession'>;

/**
 * Keeps this window's hold on the open map: says every two seconds that it is still here, turns
 * the view read-only as soon as another window takes the map over, and, while read-only, picks the
 * map up by itself (with the other window's latest edits) once that window has let it go or gone
 * quiet. Leaving the map for another gives it back at once (closing the window: useSessionEnd).
 */
export function useMapSessionKeeper(
  store: StoreApi<MapState>,
  api: SessionApi,
  mapId: string | null,
  onLost: () => void,
  onRegained: () => void,
): void {
  useEffect(() => {
    if (!mapId) return;
    const timer = setInterval(async () => {
      const { readOnly, sessionId, mapId: open } = store.getState();
      if (open !== mapId) return;
      try {
        if (readOnly) {
          const session = await api.openMapSession({ mapId, sessionId, takeOver: false });
          if (!session.readOnly && store.getState().readOnly && store.getState().mapId === mapId) {
            store.getState().rebase(session.map);
            onRegained();
          }
          return;
        }
        const { held } = await api.keepMapSession({ mapId, sessionId });
        if (!held && !store.getState().readOnly) {
          store.getState().setReadOnly(true);
          onLost();
        }
      } catch {
        // The next tick tries again; a save would report a real problem.
      }
    }, KEEP_EVERY_MS);
    return () => clearInterval(timer);
  }, [store, api, mapId, onLost, onRegained]);

  // Only a change of map runs this cleanup (not a change of language or callbacks), so the hold is
  // never dropped while the window stays on the map. The server releases only this window's hold.
  useEffect(() => {
    if (!mapId) return;
    return () => {
      void api.releaseMapSession({ mapId, sessionId: store.getState().sessionId }).catch(() => {});
    };
  }, [store, api, mapId]);
}

/**
 * Ends this window's session when the page goes away (a close or reload), from the page's first
 * moment: the server frees every map the window holds and never gives it one again, so an open
 * still on its way when the window went cannot leave a hold nobody renews. A page kept for the
 * back/forward cache may come back, so it only gives its map back and keeps its session.
 */
export function useSessionEnd(store: StoreApi<MapState>, api: SessionEndApi): void {
  useEffect(() => {
    const onPageHide = sessionEndOnPageHide(store, api);
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, [store, api]);
}

type SessionEndApi = Pick<ThroughlineApi, 'endMapSessions' | 'releaseMapSession'>;

/** What useSessionEnd does when the page goes (see there); apart, so it is tested without React. */
export function sessionEndOnPageHide(
  store: StoreApi<MapState>,
  api: SessionEndApi,
): (event: Pick<PageTransitionEvent, 'persisted'>) => void {
  return (event) => {
    const { sessionId, mapId, readOnly } = store.getState();
    if (!event.persisted) void api.endMapSessions({ sessionId }).catch(() => {});
    else if (mapId && !readOnly) void api.releaseMapSession({ mapId, sessionId }).catch(() => {});
  };
}
