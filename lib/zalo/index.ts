/** Public API of the Zalo Web adapter: the only code that knows Zalo's DOM. */
export {
  SELECTORS,
  SELECTOR_KEYS,
  AREA_IDS,
  validateSelectorTable,
  setSelectorOverrides,
  candidatesOf,
  packCandidateCount,
  type AreaId,
  type SelectorEntry,
  type SelectorKey,
  type SelectorProblem,
  type SelectorTable,
  type SelectorWhen,
} from './selectors';
export { queryOne, queryAll, type QueryRoot, type QueryOneResult, type QueryAllResult } from './query';
export {
  health,
  areaHealth,
  type HealthReport,
  type SelectorHealth,
  type SelectorStatus,
  type AreaHealth,
  type AreaStatus,
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
  type ReadBubbleOptions,
} from './bubbles';
export { createSenderDirectory, uidAttribute, type SenderDirectory } from './senders';
export { senderUidOf } from './sender';
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
export { insertMention, listMentionItems, mentionItemName, type MentionResult } from './mention';
export { exportSkeleton, maskDigits, type PageSkeleton, type SkeletonNode, type SkeletonOptions } from './skeleton';
export {
  parseSelectorPack,
  parseSelectorPackText,
  applySelectorPack,
  activePack,
  type ActivePack,
  selectorPackSchema,
  SELECTOR_PACK_FORMAT,
  SELECTOR_PACK_VERSION,
  MAX_PACK_BYTES,
  type SelectorPack,
  type PackParseResult,
} from './selector-pack';
export { diagnose, diagnosisSchema, type Diagnosis } from './diagnostics';
