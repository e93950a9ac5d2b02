import { createContext, useContext, useSyncExternalStore } from 'react';
import type { OverlayState, OverlayStore } from '@/lib/overlay/store';
import type { Translate } from '@/lib/i18n';
import type { OverlayActions } from '@/lib/overlay/actions';
import type { Overlay } from '@/lib/overlay/overlay';

export interface OverlayContextValue {
  store: OverlayStore;
  t: Translate;
  actions: OverlayActions;
  /** Features' own panel sections (lib/overlay/features), drawn by the panel in registry order. */
  sections: Overlay['sections'];
}

export const OverlayContext = createContext<OverlayContextValue | null>(null);

export function useOverlay(): OverlayContextValue {
  const value = useContext(OverlayContext);
  if (!value) throw new Error('OverlayContext missing');
  return value;
}

export function useOverlayState<T>(select: (s: OverlayState) => T): T {
  const { store } = useOverlay();
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
