import type { OverlayStore } from '../store';
import type { Controller } from '../controller';
import type { TabRequest } from '../../messages/protocol';

export interface FeatureContext {
  doc: Document;
  store: OverlayStore;
  controller: Controller;
  /** Registers a handler for messages from the popup/background to this tab. */
  onTabMessage: (handler: (req: TabRequest) => unknown) => void;
  setBadgeCount: (count: number) => void;
}

/**
 * An overlay feature (refined-github style): one file each, registered in features/index.ts,
 * torn down by its AbortSignal. A feature that throws is reported in the status chip; the others
 * keep running and Zalo's page is never affected.
 */
export interface Feature {
  id: string;
  /** One Vietnamese sentence for the README feature table. */
  description: string;
  run(ctx: FeatureContext, signal: AbortSignal): void | Promise<void>;
}
