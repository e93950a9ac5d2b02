/** Public API of the Zalo Web adapter: the only code that knows Zalo's DOM. */
export {
  SELECTORS,
  SELECTOR_KEYS,
  FEATURE_IDS,
  validateSelectorTable,
  type FeatureId,
  type SelectorEntry,
  type SelectorKey,
  type SelectorProblem,
  type SelectorTable,
  type SelectorWhen,
} from './selectors';
export { queryOne, queryAll, type QueryRoot, type QueryOneResult, type QueryAllResult } from './query';
export {
  health,
  featureHealth,
  type HealthReport,
  type SelectorHealth,
  type SelectorStatus,
  type FeatureHealth,
  type FeatureStatus,
} from './health';
export { isReady, whenReady } from './ready';
export { currentThread, parseMemberCount, type ThreadInfo } from './thread';
export {
  listBubbles,
  readBubble,
  readBubbleQuote,
  cliMsgIdOf,
  readDirection,
  readSenderName,
  type BubbleInfo,
  type BubbleKind,
  type BubbleQuote,
  type Direction,
  type ListBubblesOptions,
} from './bubbles';
export { parseQid, cliMsgIdFromDomId, type Qid } from './ids';
export { urlsInText } from './links';
export { normalizeText, normalizeLine, readText, sameText } from './text';
export {
  watchBubbles,
  onThreadChange,
  type BubbleWatch,
  type WatchBubblesOptions,
  type ThreadChangeOptions,
} from './watch';
export {
  insertIntoComposer,
  clearComposer,
  composerDraft,
  findComposer,
  type InsertOptions,
  type InsertResult,
  type InsertMethod,
  type ClearResult,
  type ComposerFailure,
} from './composer';
export * from './actions';
export { benchReadBubbles, type BenchResult } from './bench';
export { insertMention } from './mention';
