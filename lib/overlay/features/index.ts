import type { Feature } from './types';
import { healthFeature } from './health';
import { threadFeature } from './thread';
import { checkMessagesFeature } from './check-messages';
import { pinnedRulesFeature } from './pinned-rules';
import { tabBridgeFeature } from './tab-bridge';
import { diagnosticsFeature } from './diagnostics';

/** Every overlay feature, in start order (a meta-test checks each file is listed and documented). */
export const FEATURES: readonly Feature[] = [
  healthFeature,
  threadFeature,
  checkMessagesFeature,
  pinnedRulesFeature,
  tabBridgeFeature,
  diagnosticsFeature,
];

export type { Feature, FeatureContext } from './types';
