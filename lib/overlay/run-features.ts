import type { Feature, FeatureContext } from './feature';
import { recordError } from './store';

/** Starts each feature in order; one failing feature is reported and the rest still run. */
export async function runFeatures(features: readonly Feature<object>[], ctx: FeatureContext, signal: AbortSignal): Promise<void> {
  for (const feature of features) {
    if (signal.aborted) return;
    try {
      await feature.run?.(ctx, signal);
    } catch (e) {
      recordError(ctx.store, feature.id, e);
    }
  }
}
