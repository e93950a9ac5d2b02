/** Actors: everything that clicks or types in Zalo Web. Readers live in bubbles/thread/pinned. */
export { findBubbleByText, type FindBubbleOptions } from './find-bubble';
export { openMessageMenu, findMenuItem, clickMenuItem, closeMenus, type ActionResult, type MenuItemQuery, type MenuRoute, type OpenMenuResult } from './menu';
export { pinMessage, pinnedShows, highlightForManual, HIGHLIGHT_ATTR, PIN_LABELS, type PinOptions, type PinResult } from './pin';
export { readPinnedBar, parseMorePins, type PinnedBar } from './pinned';
export {
  openPollDialog,
  POLL_LABELS,
  fillPoll,
  fillPollDeadline,
  findPollDialog,
  type FillDeadlineResult,
  type PollDraft,
  type FillPollResult,
  type PollDialogResult,
  type PollWaitOptions,
} from './poll';
export {
  openMemberPanel,
  listMembers,
  readAllMembers,
  type AllMembers,
  type ReadAllMembersOptions,
  type Member,
  type MemberRole,
  type MemberPanelOptions,
  type MemberPanelResult,
} from './members';
export { clickLikeUser, hover, setNativeValue } from './dom-utils';
export { waitFor, type WaitOptions } from './wait';
