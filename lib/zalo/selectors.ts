/**
 * The ONE place that names Zalo Web's DOM (notes in lib/zalo/README.md).
 *
 * Each entry lists CSS candidates best-first: ids, `data-id`, `icon` and `data-translate-*` anchors
 * come before class names, because Zalo renames classes between builds. Numbered custom tags
 * (`span-15`, `div-14`) and inline styles are never used: `validateSelectorTable` enforces that.
 * A candidate may be a selector group (`a, b`) when several markers are equally primary.
 *
 * `when` tells the health check when a selector is expected to match:
 * - `app`: whenever Zalo Web is loaded and logged in;
 * - `chat`: whenever a conversation is open;
 * - `state`: only in some states (menus, dialogs, some bubble kinds), so absence is not a failure.
 */

export const AREA_IDS = [
  'app',
  'read-messages',
  'thread-info',
  'composer',
  'pin',
  'poll',
  'members',
  'pinned-bar',
] as const;
export type AreaId = (typeof AREA_IDS)[number];

export type SelectorWhen = 'app' | 'chat' | 'state';

export interface SelectorEntry {
  readonly area: AreaId;
  readonly description: string;
  readonly when: SelectorWhen;
  readonly candidates: readonly string[];
}

/** `satisfies` keeps the literal keys so `SelectorKey` is a precise union. */
export const SELECTORS = {
  // ---- App shell ----
  appReady: {
    area: 'app',
    description: 'Logged-in app page (added under #app after login)',
    when: 'app',
    candidates: ['#app-page', '#conversationListId, #conversationList', '#contact-search-input, [data-id="txt_Main_Search"]'],
  },
  conversationList: {
    area: 'thread-info',
    description: 'Left conversation list',
    when: 'app',
    candidates: ['#conversationListId', '[data-id="div_TabMsg_ThrdChList"]', '#conversationList', '.virtualized-scroll'],
  },
  conversationItem: {
    area: 'thread-info',
    description: 'Conversation row wrapper carrying the thread id',
    when: 'chat',
    candidates: ['[data-id="div_TabMsg_ThrdChItem"][anim-data-id]', '[anim-data-id]', '.msg-item'],
  },
  selectedConversation: {
    area: 'thread-info',
    description: 'Inner item of the open conversation',
    when: 'state',
    candidates: ['[anim-data-id] .conv-item.selected', '.conv-item.selected', '.msg-item .selected'],
  },
  chatView: {
    area: 'read-messages',
    description: 'Open conversation area',
    when: 'chat',
    candidates: ['#chatViewContainer', '#chatView', 'main .message-view'],
  },
  mainArea: {
    area: 'read-messages',
    description: 'Parent of the chat area (watched for re-mounts)',
    when: 'app',
    candidates: ['#container > main', 'main', '.main__center'],
  },

  // ---- Header ----
  header: {
    area: 'thread-info',
    description: 'Conversation header',
    when: 'chat',
    candidates: ['header#header', '#chatViewContainer > header', 'main header'],
  },
  headerTitle: {
    area: 'thread-info',
    description: 'Conversation name (first text line)',
    when: 'chat',
    candidates: [
      '#header .threadChat__title .header-title',
      '.threadChat__title',
      'header .header-title',
      '.header-info__name, .title-name',
    ],
  },
  memberCount: {
    area: 'thread-info',
    description: 'Header button "N thành viên" (groups only; text fallback in thread.ts)',
    when: 'state',
    candidates: ['.subtitle__groupmember__content', 'header [class*="groupmember"]'],
  },

  // ---- Message list and bubbles ----
  messageList: {
    area: 'read-messages',
    description: 'Inner message list (observed for new bubbles)',
    when: 'chat',
    candidates: ['#messageViewScroll', '.message-view__scroll__inner', '#messageViewContainer', '.message-view__scroll', '#messageView, .message-view'],
  },
  senderRun: {
    area: 'read-messages',
    description: 'Row holding one sender\'s consecutive bubbles',
    when: 'state',
    candidates: ['.chat-item'],
  },
  bubble: {
    area: 'read-messages',
    description: 'Message bubble (id = bb_msg_id_<cliMsgId>)',
    when: 'chat',
    candidates: ['[id^="bb_msg_id_"]', '.chat-message.wrap-message', '.chat-message-v2'],
  },
  messageFrame: {
    area: 'read-messages',
    description: 'Card carrying data-qid="<msgId>@<cliMsgId>_<fromUid>_<threadId>"',
    when: 'state',
    candidates: ['[data-qid]', '[id^="message-frame_"], [id^="message_frame_"]', '.message-frame, .card'],
  },
  contentWrapper: {
    area: 'read-messages',
    description: 'Hover target that makes Zalo render the floating message toolbar',
    when: 'state',
    candidates: ['.message-content-wrapper', '[data-component="bubble-message"]', '[data-id="div_DisabledTargetEventLayer"]', '.message-wrapper'],
  },
  bubbleBody: {
    area: 'read-messages',
    description: 'Bubble body by its component name (an anchor several independent scripts use)',
    when: 'chat',
    candidates: ['[data-component="bubble-message"]', '.message-content-wrapper'],
  },
  eventLayer: {
    area: 'read-messages',
    description: 'Event layer inside every bubble (the only child of a recalled bubble)',
    when: 'state',
    candidates: ['[data-id="div_DisabledTargetEventLayer"]', '.message-content-wrapper > div'],
  },
  bubbleText: {
    area: 'read-messages',
    description: 'Text container of a text bubble (includes a reply quote, excluded when reading)',
    when: 'state',
    candidates: ['[data-id$="Msg_Text"]', '.text-message__container', '[data-component="message-text-content"]', '.card--text'],
  },
  textSpan: {
    area: 'read-messages',
    description: 'Text spans inside a text bubble',
    when: 'state',
    candidates: ['span[id^="mtc-"], [data-component="text-container"]', 'span.text'],
  },
  quoteBlock: {
    area: 'read-messages',
    description: 'Reply quote inside a bubble',
    when: 'state',
    candidates: ['.message-quote-fragment__container', '.message-quote-fragment, [class*="quote-fragment"]'],
  },
  quoteName: {
    area: 'read-messages',
    description: 'Quoted sender name',
    when: 'state',
    candidates: ['.quote-name', '.message-quote-fragment__container .truncate'],
  },
  quoteText: {
    area: 'read-messages',
    description: 'Quoted text',
    when: 'state',
    candidates: ['.message-quote-fragment__description', '[class*="quote-fragment__desc"]'],
  },
  mention: {
    area: 'read-messages',
    description: 'Mention chip inside text',
    when: 'state',
    candidates: ['a.mention-name', '.mention-name, .clnMention'],
  },
  textLink: {
    area: 'read-messages',
    description: 'Link typed in text (plain text, not <a>)',
    when: 'state',
    candidates: ['.text-is-link', '[data-content^="http"]'],
  },
  linkPreview: {
    area: 'read-messages',
    description: 'Link preview bubble',
    when: 'state',
    candidates: ['[data-id$="Msg_Link"]', '.card--link, .link-message'],
  },
  photo: {
    area: 'read-messages',
    description: 'Photo or album bubble',
    when: 'state',
    candidates: ['[data-id$="Msg_Photo"], [data-id$="Msg_GrpPhoto"]', '.img-msg-v2, .chatImageMessage, .card--group-photo', 'img.zimg-el'],
  },
  photoCaption: {
    area: 'read-messages',
    description: 'Caption under a photo',
    when: 'state',
    candidates: ['.img-msg-v2__cap'],
  },
  file: {
    area: 'read-messages',
    description: 'File bubble (has no data-id in Zalo)',
    when: 'state',
    candidates: ['.file-message__container', '.file-message-v2, a.file-message__actions'],
  },
  fileName: {
    area: 'read-messages',
    description: 'File name',
    when: 'state',
    candidates: ['.file-message__content-title[title]', '.file-message__content-title'],
  },
  sticker: {
    area: 'read-messages',
    description: 'Sticker bubble',
    when: 'state',
    candidates: ['.card--sticker, .sticker', 'img[src*="sticker"], img[src*="emoticon"]'],
  },
  recalled: {
    area: 'read-messages',
    description: 'Recalled message (older markup; 2026 shows an empty event layer)',
    when: 'state',
    candidates: ['.card--undo', '.undo-message'],
  },
  senderName: {
    area: 'read-messages',
    description: 'Sender name above the first received bubble of a run',
    when: 'state',
    candidates: [
      '.message-sender-name-content .truncate, .message-sender-name-bubble .truncate',
      '.message-sender-name-wrapper, .message-sender-name-bubble',
      '.card-sender-name',
    ],
  },
  sendTime: {
    area: 'read-messages',
    description: 'Time on the last bubble of a run',
    when: 'state',
    candidates: ['.card-send-time__sendTime', '.card-send-time, .bubble-message-time'],
  },
  sentMarker: {
    area: 'read-messages',
    description: 'Marker of our own bubble (descendant data-id or ancestor class)',
    when: 'state',
    candidates: [
      '[data-id^="div_SentMsg_"], [data-id^="div_LastSentMsg_"], [data-id^="btn_SentMsg_"], [data-id^="btn_LastSentMsg_"]',
      '.chat-item.me, .chat-content.me, .wrap-message.me, .card.me, .chat-message.me, .msg-from-me',
    ],
  },
  receivedMarker: {
    area: 'read-messages',
    description: 'Marker of someone else\'s bubble (descendant data-id or ancestor class)',
    when: 'state',
    candidates: [
      '[data-id^="div_ReceivedMsg_"], [data-id^="div_LastReceivedMsg_"], [data-id^="btn_ReceivedMsg_"], [data-id^="btn_LastReceivedMsg_"]',
      '.chat-item:not(.me)',
    ],
  },
  reactButton: {
    area: 'read-messages',
    description: 'Reaction button inside a bubble',
    when: 'state',
    candidates: ['[data-id$="Msg_React"]', '.msg-reaction-icon, .message-reaction-container'],
  },
  systemLine: {
    area: 'read-messages',
    description: 'System / event line (joins, adds, pins); uncertain shape',
    when: 'state',
    candidates: ['.event-message__content', '.event-message, .message-info_content', '.onboard-message'],
  },
  pollNotice: {
    area: 'poll',
    description: 'Poll notice in the chat (no bb_msg_id)',
    when: 'state',
    candidates: ['.group-poll-message-container', '.question__poll'],
  },
  pollNoticeQuestion: {
    area: 'poll',
    description: 'Question of a poll notice',
    when: 'state',
    candidates: ['.question__poll'],
  },
  pollNoticeOption: {
    area: 'poll',
    description: 'Option label of a poll notice (replica choice; not surveyed)',
    when: 'state',
    candidates: ['.option__poll', '.group-poll-option'],
  },

  // ---- Composer ----
  composerBlock: {
    area: 'composer',
    description: 'Composer block',
    when: 'chat',
    candidates: ['#chatInput', '#chat-input-container-id', '.chat-input-container, .chat-box-input, .chat-input__content'],
  },
  composer: {
    area: 'composer',
    description: 'Editor (re-created after each send: always query again)',
    when: 'chat',
    candidates: [
      '#richInput[contenteditable="true"]',
      '.rich-input[contenteditable="true"]',
      'div.input-v4[contenteditable="true"]',
      '#chatInput [contenteditable="true"]',
    ],
  },
  mentionPopover: {
    area: 'composer',
    description: 'Member list that a lone "@" opens in the editor',
    when: 'state',
    candidates: ['#mentionPopover', '.mention-popover'],
  },
  mentionItemName: {
    area: 'composer',
    description: 'Name inside a mention list entry when the entry has no title',
    when: 'state',
    candidates: ['.tg-name', '.mention-popover__item__name'],
  },
  mentionItem: {
    area: 'composer',
    description: 'One member in the @mention list (title = display name)',
    when: 'state',
    candidates: ['.mention-popover__item', '#mentionPopover [title]'],
  },
  mentionChip: {
    area: 'composer',
    description: 'A picked mention inside the editor',
    when: 'state',
    candidates: ['span.clnMention[data-mention]', '[data-mention]'],
  },
  sendButton: {
    area: 'composer',
    description: 'Send button (shown only while the editor has text; never clicked by us)',
    when: 'state',
    candidates: [
      '[icon="Sent-msg_24_Line"]',
      '[data-translate-title="STR_SEND"]',
      '#chat-input-container-id .send-msg-btn',
      '.send-msg-btn, .send-btn-chatbar',
    ],
  },
  moreMenuButton: {
    area: 'poll',
    description: 'Composer toolbar "More" button',
    when: 'chat',
    candidates: ['[data-id="div_More_Menu"]', '[data-id*="More_Menu"]'],
  },

  // ---- Menus ----
  hoverToolbar: {
    area: 'pin',
    description: 'Floating toolbar rendered on bubble hover',
    when: 'state',
    candidates: ['.floating-menu-wrapper'],
  },
  hoverToolbarButton: {
    area: 'pin',
    description: 'Any button of the floating toolbar (its presence shows that hovering worked)',
    when: 'state',
    candidates: ['.floating-menu-wrapper .MSABtn-btn', '.floating-menu-wrapper [data-translate-title]'],
  },
  hoverMoreButton: {
    area: 'pin',
    description: '"Thêm" (more options) button in the floating toolbar',
    when: 'state',
    candidates: [
      '.MSABtn-btn[data-translate-title="STR_MORE_OPTIONS"]',
      '[data-translate-title="STR_MORE_OPTIONS"]',
      '.floating-menu-wrapper [title="Thêm"], .floating-menu-wrapper [title="More"]',
    ],
  },
  menu: {
    area: 'pin',
    description: 'Open popover menu (portalled to body)',
    when: 'state',
    candidates: ['.popover-v3', '.zmenu-body', '.popover-v2'],
  },
  menuItem: {
    area: 'pin',
    description: 'Menu entry',
    when: 'state',
    candidates: ['.popover-v3 .zmenu-item', '.zmenu-item', '.popover-v2 [data-translate-inner]'],
  },
  pinMenuItem: {
    area: 'pin',
    description: 'Pin entry by translation key (a guess; the label "Ghim tin nhắn" is tried first in code)',
    when: 'state',
    candidates: ['.zmenu-item [data-translate-inner*="PIN"]', '.zmenu-item[data-id*="Pin"]'],
  },
  pinMenuIcon: {
    area: 'pin',
    description: 'Pin icon inside a menu entry (found when the label is in an unexpected wording)',
    when: 'state',
    candidates: ['[class*="fa-Pin_"], [icon^="Pin_"], [icon*="_Pin_"]'],
  },

  // ---- Pinned bar ----
  pinnedBar: {
    area: 'pinned-bar',
    description: 'Pinned-messages bar above the chat',
    when: 'state',
    candidates: ['.chat-group-topic-outer', '.list-chat-box-banner', '.chat-group-topic', '#chatViewContainer .group-topic'],
  },
  pinnedItem: {
    area: 'pinned-bar',
    description: 'Pinned item',
    when: 'state',
    candidates: ['.chat-group-topic__item', '.group-topic__item'],
  },
  pinnedText: {
    area: 'pinned-bar',
    description: 'Pinned item text',
    when: 'state',
    candidates: ['.info-container > .content-container', '.content-container', '.info-container'],
  },
  pinnedMore: {
    area: 'pinned-bar',
    description: '"+N ghim" button (2 pins or more)',
    when: 'state',
    candidates: ['.show-details-btn', '.chat-group-topic-outer [class*="details"]'],
  },
  pinnedPreview: {
    area: 'pinned-bar',
    description: 'Expanded pinned list',
    when: 'state',
    candidates: ['.chat-group-topic__preview'],
  },

  // ---- Poll dialog ----
  pollMenuItem: {
    area: 'poll',
    description: '"Tạo bình chọn" in the More menu',
    when: 'state',
    candidates: ['[data-id="div_MoreMenu_Poll"]', '.zmenu-item[data-id*="Poll"]'],
  },
  pollMenuIcon: {
    area: 'poll',
    description: 'Poll icon inside a More-menu entry (found when the label is in an unexpected wording)',
    when: 'state',
    candidates: ['[class*="fa-Poll_"], [icon^="Poll_"]'],
  },
  pollDialog: {
    area: 'poll',
    description: 'Modal dialog',
    when: 'state',
    candidates: ['.zl-modal', '[id^="zl-modal"]', '[role="dialog"]'],
  },
  pollQuestion: {
    area: 'poll',
    description: 'Poll question editor',
    when: 'state',
    candidates: ['[data-id="txt_CreatePoll_Question"]', '.zl-modal [contenteditable="true"]', '.zl-modal textarea'],
  },
  pollOptionInput: {
    area: 'poll',
    description: 'Poll option inputs ("Lựa chọn N")',
    when: 'state',
    candidates: [
      'input[placeholder*="Lựa chọn"], input[placeholder*="Option"]',
      '.group-poll-create-content-item input',
      '.zl-modal input[type="text"]',
    ],
  },
  pollAddOption: {
    area: 'poll',
    description: '"Thêm lựa chọn" button',
    when: 'state',
    candidates: ['[data-id="div_CreatePoll_AddOpt"]', '[data-id*="AddOpt"]'],
  },
  pollCreate: {
    area: 'poll',
    description: 'Create button (never clicked by us)',
    when: 'state',
    candidates: ['[data-id="btn_CreatePoll_Create"]'],
  },
  pollDeadlineToggle: {
    area: 'poll',
    description: 'Poll setting that turns the deadline on (no public source shows it; label fallback "Đặt thời hạn" / "deadline")',
    when: 'state',
    candidates: ['[data-id="chk_CreatePoll_Deadline"]', '[data-id*="Deadline"]'],
  },
  pollDeadlineInput: {
    area: 'poll',
    description: 'Poll deadline date/time field, shown once the deadline setting is on (not surveyed)',
    when: 'state',
    candidates: ['input[type="datetime-local"]', 'input[type="date"]'],
  },

  // ---- Members ----
  memberPanelToggle: {
    area: 'members',
    description: 'Header button that opens the info panel',
    when: 'chat',
    candidates: ['[icon^="outline-right-bar"]', '.fa-outline-right-bar, .fa-outline-right-bar-active'],
  },
  infoPanel: {
    area: 'members',
    description: 'Right info panel',
    when: 'state',
    candidates: ['#chatInfo', '.chat-info', '#sideBodyScrollBox'],
  },
  memberListEntry: {
    area: 'members',
    description: '"Thành viên nhóm" entry in the info panel',
    when: 'state',
    candidates: ['[data-id="div_RightMenuGrp_MemList"]', '[data-id*="MemList"]'],
  },
  memberRow: {
    area: 'members',
    description: 'Member list row',
    when: 'state',
    candidates: ['[data-id="div_MemList_MemItem"][title]', '.chat-box-member__info[title]', '.chat-box-member__info', '#member-group [title]'],
  },
  memberListHeader: {
    area: 'members',
    description: 'Member list heading with the total ("Thành viên (287)")',
    when: 'state',
    candidates: ['.member-list__header', '#member-group [class*="header"]'],
  },
  memberRowName: {
    area: 'members',
    description: 'Member name inside a row',
    when: 'state',
    candidates: ['.chat-box-member__info__name .truncate', '.chat-box-member__info__name'],
  },
  ownerBadge: {
    area: 'members',
    description: 'Owner avatar badge',
    when: 'state',
    candidates: ['.zavatar-admin_isOwner'],
  },
  deputyBadge: {
    area: 'members',
    description: 'Admin avatar badge (owner or deputy)',
    when: 'state',
    candidates: ['.zavatar-admin'],
  },
} as const satisfies Record<string, SelectorEntry>;

export type SelectorKey = keyof typeof SELECTORS;
export type SelectorTable = Readonly<Record<string, SelectorEntry>>;

export const SELECTOR_KEYS = Object.keys(SELECTORS) as SelectorKey[];

/** Candidates from an imported selector pack, already merged ahead of the built-in ones. */
let merged: Partial<Record<SelectorKey, readonly string[]>> = {};

/**
 * Puts a pack's candidates ahead of the built-in ones (a pack can fix a Zalo change without a
 * release). Keys outside the table are ignored; duplicates of built-in candidates are dropped.
 */
export function setSelectorOverrides(extra: Readonly<Partial<Record<string, readonly string[]>>>): void {
  const next: Partial<Record<SelectorKey, readonly string[]>> = {};
  for (const key of SELECTOR_KEYS) {
    const add = extra[key];
    if (!add || add.length === 0) continue;
    const builtIn = SELECTORS[key].candidates as readonly string[];
    next[key] = [...add.filter((c) => !builtIn.includes(c)), ...builtIn];
  }
  merged = next;
}

/** Candidates of a key as used right now: pack candidates first, then the built-in ones. */
export function candidatesOf(key: SelectorKey): readonly string[] {
  return merged[key] ?? SELECTORS[key].candidates;
}

/** How many candidates of a key came from the pack (so diagnostics can say "từ gói"). */
export function packCandidateCount(key: SelectorKey): number {
  const m = merged[key];
  return m ? m.length - SELECTORS[key].candidates.length : 0;
}

export interface SelectorProblem {
  key: string;
  candidate?: string;
  problem: 'no-candidates' | 'empty' | 'invalid-css' | 'numbered-custom-tag' | 'inline-style' | 'unknown-area';
}

const NUMBERED_TAG = /\b(span|div)-\d+\b/;

/**
 * Checks every candidate of a table (Dark Reader style). Parsing uses a detached fragment so it
 * works in any document without touching the page.
 */
export function validateSelectorTable(table: SelectorTable, doc: Document): SelectorProblem[] {
  const problems: SelectorProblem[] = [];
  const fragment = doc.createDocumentFragment();
  for (const [key, entry] of Object.entries(table)) {
    if (!(AREA_IDS as readonly string[]).includes(entry.area)) problems.push({ key, problem: 'unknown-area' });
    if (entry.candidates.length === 0) problems.push({ key, problem: 'no-candidates' });
    for (const candidate of entry.candidates) {
      if (candidate.trim() === '') {
        problems.push({ key, candidate, problem: 'empty' });
        continue;
      }
      if (NUMBERED_TAG.test(candidate)) problems.push({ key, candidate, problem: 'numbered-custom-tag' });
      if (candidate.includes('[style')) problems.push({ key, candidate, problem: 'inline-style' });
      try {
        fragment.querySelector(candidate);
      } catch {
        problems.push({ key, candidate, problem: 'invalid-css' });
      }
    }
  }
  return problems;
}
