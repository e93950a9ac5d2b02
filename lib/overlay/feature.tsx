import { useSyncExternalStore, type ComponentType } from 'react';
import type { TabRequest } from '../messages/protocol';
import type { Translate } from '../i18n';
import { sliceStore, type OverlayStore, type Store } from './store';
import type { OverlayCore, PanelActions } from './core';

/** What a running feature is handed (besides its own state slice). */
export interface FeatureContext {
  doc: Document;
  store: OverlayStore;
  core: OverlayCore;
  /** Registers a handler for messages from the popup/background to this tab; return undefined to pass. */
  onTabMessage: (handler: (req: TabRequest) => unknown) => void;
  setBadgeCount: (count: number) => void;
}

/** What the panel passes to every feature's section. */
export interface PanelHostProps {
  store: OverlayStore;
  t: Translate;
  ui: PanelActions;
}

/** A feature's section gets its slice and its own actions (null when they were never created for this store). */
export type PanelSectionProps<S, A = Empty> = Omit<PanelHostProps, 'store'> & { state: S; actions: A | null };

/** The type of "no slice" and "no actions". */
type Empty = Record<never, never>;

/**
 * An overlay feature (refined-github style): one file in lib/overlay/features, one line in its
 * registry (features/index.ts), a row in the README (meta-test). All parts are optional:
 * - `state`: the initial value of a state slice only this feature writes;
 * - `actions`: functions the overlay UI calls (they join `OverlayActions` by type, see actions.ts);
 * - `run`: starts the feature's work on the page, torn down by its AbortSignal;
 * - `PanelSection`: a component drawn in the admin panel from the slice.
 * A feature that throws is reported in the status chip; the others keep running.
 */
export interface FeatureSpec<S extends object, A extends object> {
  id: string;
  /** One Vietnamese sentence for the README feature table. */
  description: string;
  state?: S;
  actions?: (core: OverlayCore, state: Store<S>) => A;
  run?: (ctx: FeatureContext & { state: Store<S> }, signal: AbortSignal) => void | Promise<void>;
  PanelSection?: ComponentType<PanelSectionProps<S, A>>;
}

/** A registered feature; its slice type is closed over, only its actions' type stays visible. */
export interface Feature<A extends object = Empty> {
  readonly id: string;
  readonly description: string;
  readonly actions?: (core: OverlayCore) => A;
  readonly run?: (ctx: FeatureContext, signal: AbortSignal) => void | Promise<void>;
  readonly PanelSection?: ComponentType<PanelHostProps>;
}

export function defineFeature<S extends object = Empty, A extends object = Empty>(spec: FeatureSpec<S, A>): Feature<A> {
  const initial = (spec.state ?? {}) as S;
  const slice = (store: OverlayStore) => sliceStore(store, spec.id, initial);
  const { actions, run, PanelSection } = spec;
  // The actions made for each overlay (keyed by its store), so the feature's own section can call them.
  const made = new WeakMap<OverlayStore, A>();
  let Section: ComponentType<PanelHostProps> | undefined;
  if (PanelSection) {
    Section = function FeatureSection({ store, t, ui }: PanelHostProps) {
      const own = slice(store);
      const state = useSyncExternalStore(store.subscribe, own.get);
      return <PanelSection state={state} t={t} ui={ui} actions={made.get(store) ?? null} />;
    };
    Section.displayName = `PanelSection(${spec.id})`;
  }
  return {
    id: spec.id,
    description: spec.description,
    actions:
      actions &&
      ((core) => {
        const own = actions(core, slice(core.store));
        made.set(core.store, own);
        return own;
      }),
    run: run && ((ctx, signal) => run({ ...ctx, state: slice(ctx.store) }, signal)),
    PanelSection: Section,
  };
}
