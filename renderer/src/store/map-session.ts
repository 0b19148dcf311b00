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
 * quiet. Leaving the map for another gives it back (App's open, before it opens the next one, so
 * the two cannot cross); closing the window ends the session (useSessionEnd).
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
        // The window may have moved to another map while the answer was on its way.
        if (store.getState().mapId !== mapId) return;
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
}

/**
 * Ends this window's session when the page goes away (a close or reload), from the page's first
 * moment: the server frees every map the window holds and never gives it one again, so an open
 * still on its way when the window went cannot leave a hold nobody renews. A page kept for the
 * back/forward cache may come back and carry on, so it keeps its session and its hold, which
 * lapses after a few seconds if it does not come back.
 */
export function useSessionEnd(store: StoreApi<MapState>, api: SessionEndApi): void {
  useEffect(() => {
    const onPageHide = sessionEndOnPageHide(store, api);
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, [store, api]);
}

type SessionEndApi = Pick<ThroughlineApi, 'endMapSessions'>;

/** What useSessionEnd does when the page goes (see there); apart, so it is tested without React. */
export function sessionEndOnPageHide(
  store: StoreApi<MapState>,
  api: SessionEndApi,
): (event: Pick<PageTransitionEvent, 'persisted'>) => void {
  return (event) => {
    if (event.persisted) return;
    void api.endMapSessions({ sessionId: store.getState().sessionId }).catch(() => {});
  };
}
