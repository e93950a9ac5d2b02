import { healthFeature } from './health';
import { threadFeature } from './thread';
import { checkMessagesFeature } from './check-messages';
import { moderationFeature } from './moderation';
import { templatesFeature } from './templates';
import { pinnedRulesFeature } from './pinned-rules';
import { groupHealthFeature } from './group-health';
import { tabBridgeFeature } from './tab-bridge';

/**
 * Every overlay feature, in start order; panel sections are drawn in this order too. A meta-test
 * checks each file here is listed once and documented in the README.
 */
export const FEATURES = [
  healthFeature,
  threadFeature,
  checkMessagesFeature,
  moderationFeature,
  templatesFeature,
  pinnedRulesFeature,
  groupHealthFeature,
  tabBridgeFeature,
] as const;

export type { Feature, FeatureContext } from '../feature';
