import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { MapState } from './map-store';

export const MapStoreContext = createContext<StoreApi<MapState> | null>(null);

/** Reads the open map's store with a selector (named apart from React Flow's own useStore). */
export function useMapStore<T>(selector: (state: MapState) => T): T {
  const store = useContext(MapStoreContext);
  if (!store) throw new Error('useMapStore needs a MapStoreContext provider');
  return useStore(store, selector);
}

export function useMapStoreApi(): StoreApi<MapState> {
  const store = useContext(MapStoreContext);
  if (!store) throw new Error('useMapStoreApi needs a MapStoreContext provider');
  return store;
}
