import type { ComponentType } from 'react';
import type { Feature, FeatureContext, PanelHostProps } from './feature';
import type { OverlayActions } from './actions';
import { createOverlayCore, type OverlayCore, type OverlayDeps } from './core';
import { runFeatures } from './run-features';
import type { FEATURES } from './features';

export interface Overlay {
  core: OverlayCore;
  actions: OverlayActions;
  /** Panel sections of the features that have one, in registry order. */
  sections: { id: string; Section: ComponentType<PanelHostProps> }[];
  /** Runs every feature's `run` in order (after Zalo's page is ready). */
  start(ctx: Omit<FeatureContext, 'core' | 'store' | 'doc'>, signal: AbortSignal): Promise<void>;
}

/** Assembles the overlay from the feature registry: one core, every feature's actions and sections. */
export function createOverlay(features: typeof FEATURES, deps: OverlayDeps): Overlay {
  const core = createOverlayCore(deps);
  const list: readonly Feature<object>[] = features;
  const featureActions = list.map((f) => f.actions?.(core) ?? {});
  // OverlayActions is the intersection of the registry's action types; the objects merged here are
  // exactly those (a test checks no two features provide the same action).
  const actions = Object.assign({}, core.ui, ...featureActions) as OverlayActions;
  return {
    core,
    actions,
    sections: list.flatMap((f) => (f.PanelSection ? [{ id: f.id, Section: f.PanelSection }] : [])),
    start: (ctx, signal) => runFeatures(list, { ...ctx, core, store: deps.store, doc: deps.doc }, signal),
  };
}
