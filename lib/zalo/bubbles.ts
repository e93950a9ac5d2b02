import { cliMsgIdFromDomId, cliMsgIdFromFrameId, parseQid, sentAtFromCliMsgId, type Qid } from './ids';
import { collectLinks } from './links';
import { isHTMLElement, querySelfOrDescendant, safeClosest, safeMatches, safeQuery, safeQueryAll, type QueryRoot } from './query';
import { SELECTORS, type SelectorKey } from './selectors';
import { normalizeLine, readText } from './text';

export type BubbleKind = 'text' | 'photo' | 'file' | 'link' | 'sticker' | 'recalled' | 'poll' | 'system' | 'other';
export type Direction = 'received' | 'sent';

export interface BubbleInfo {
  /** Stable dedupe key: the cliMsgId, or `evt:` + text for system lines and poll notices (no id). */
  key: string;
  domId: string;
  cliMsgId: string;
  msgId?: string;
  fromUid?: string;
  threadId?: string;
  direction: Direction;
  /** Received group messages only; inherited from earlier bubbles of the same run. */
  senderName?: string;
  /** NFC, whitespace collapsed, lines joined by `\n`. Photo: caption. File: file name. Poll: question + options. */
  text: string;
  links: string[];
  kind: BubbleKind;
  /** Time as displayed ("09:26"); Zalo shows it on the last bubble of a run only. */
  time?: string;
  /** Client send time in ms, derived from a 13-digit cliMsgId. */
  sentAt?: number;
}

export interface BubbleQuote {
  name: string;
  text: string;
}

export interface ListBubblesOptions {
  /** Also return system lines and poll notices (uncertain shapes: keep behind a flag). */
  events?: boolean;
}

const BUBBLE = SELECTORS.bubble.candidates;
const QUOTE = SELECTORS.quoteBlock.candidates;

/** Bubbles under `root` in document order (best matching candidate only, so no duplicates). */
export function listBubbles(root: QueryRoot, options: ListBubblesOptions = {}): HTMLElement[] {
  let bubbles: HTMLElement[] = [];
  for (const selector of BUBBLE) {
    bubbles = safeQueryAll(root, selector);
    if (bubbles.length > 0) break;
  }
  if (!options.events) return bubbles;
  const events = [...queryAllIn(root, 'systemLine'), ...queryAllIn(root, 'pollNotice')].filter(
    (ev) => !bubbles.some((b) => b.contains(ev)),
  );
  if (events.length === 0) return bubbles;
  return [...bubbles, ...events].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

function isBubble(el: HTMLElement): boolean {
  return BUBBLE.some((s) => safeMatches(el, s));
}

function find(el: HTMLElement, key: SelectorKey): HTMLElement | null {
  return querySelfOrDescendant(el, key)?.el ?? null;
}

function isQuotePart(el: Element): boolean {
  return QUOTE.some((s) => safeMatches(el, s));
}

/** Parts that a loose fallback container (`.card--text`, `.card--link`) may hold besides the text. */
const NOT_TEXT = [
  ...QUOTE,
  ...SELECTORS.sendTime.candidates,
  ...SELECTORS.senderName.candidates,
  ...SELECTORS.reactButton.candidates,
];

function isNotText(el: Element): boolean {
  return NOT_TEXT.some((s) => safeMatches(el, s));
}

/** Direction: data-id markers first (both sides), then the older `.me` classes. */
export function readDirection(el: HTMLElement): Direction {
  const sent = SELECTORS.sentMarker.candidates;
  const received = SELECTORS.receivedMarker.candidates;
  const n = Math.max(sent.length, received.length);
  for (let i = 0; i < n; i++) {
    const s = sent[i];
    if (s && (safeQuery(el, s) || safeClosest(el, s))) return 'sent';
    const r = received[i];
    if (r && (safeQuery(el, r) || safeClosest(el, r))) return 'received';
  }
  return 'received';
}

function readQid(el: HTMLElement): Qid | undefined {
  const holder = el.hasAttribute('data-qid') ? el : safeQuery(el, '[data-qid]');
  return parseQid(holder?.getAttribute('data-qid'));
}

function readCliMsgId(el: HTMLElement, qid: Qid | undefined): string {
  const fromId = cliMsgIdFromDomId(el.id);
  if (fromId) return fromId;
  if (qid) return qid.cliMsgId;
  const frame = safeQuery(el, SELECTORS.messageFrame.candidates[1]!);
  return (frame && cliMsgIdFromFrameId(frame.id)) ?? '';
}

function ownSenderName(el: HTMLElement): string | undefined {
  const found = find(el, 'senderName');
  if (!found) return undefined;
  const name = normalizeLine(found.textContent ?? '');
  return name === '' ? undefined : name;
}

/**
 * Sender of a received bubble. Zalo prints the name above the first bubble of a run only, so
 * later bubbles walk back over earlier siblings of the SAME run. Without a run container the walk
 * stops at anything that is not a bubble, or at a bubble from another uid or direction.
 */
export function readSenderName(el: HTMLElement): string | undefined {
  const own = ownSenderName(el);
  if (own) return own;
  const inRun = SELECTORS.senderRun.candidates.some((s) => safeClosest(el, s) !== null);
  const uid = inRun ? undefined : readQid(el)?.fromUid;
  const direction = inRun ? undefined : readDirection(el);
  for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (!isHTMLElement(prev)) continue;
    const bubble = isBubble(prev);
    if (!inRun) {
      if (!bubble) return undefined;
      const prevUid = readQid(prev)?.fromUid;
      if (uid && prevUid && prevUid !== uid) return undefined;
      if (readDirection(prev) !== direction) return undefined;
    }
    const name = ownSenderName(prev);
    if (name) return name;
  }
  return undefined;
}

/** Text root of a bubble: the text container, the old text card, or the photo caption. */
function textRoot(el: HTMLElement): HTMLElement | null {
  return find(el, 'bubbleText') ?? find(el, 'photoCaption');
}

function textOf(root: HTMLElement): string {
  return readText(root, isNotText);
}

/** Fallback when no container matches: the text spans of the bubble, outside any quote. */
function textFromSpans(el: HTMLElement): { text: string; parts: HTMLElement[] } {
  for (const selector of SELECTORS.textSpan.candidates) {
    const spans = safeQueryAll(el, selector).filter((s) => !QUOTE.some((q) => safeClosest(s, q)));
    // Nested matches (span.text inside span#mtc-…) would repeat text: keep outermost only.
    const outer = spans.filter((s) => !spans.some((o) => o !== s && o.contains(s)));
    if (outer.length > 0) return { text: outer.map((s) => textOf(s)).filter(Boolean).join('\n'), parts: outer };
  }
  return { text: '', parts: [] };
}

const RECALLED_TEXT = /^(tin nhắn đã được thu hồi|message (has been|was) recalled)$/i;

function hasContent(el: HTMLElement): boolean {
  return (
    safeQuery(el, 'img, video, audio, canvas') !== null ||
    SELECTORS.messageFrame.candidates.some((s) => safeQuery(el, s) !== null)
  );
}

/** Question, then one line per option (vote counts and headers left out). */
function readPoll(el: HTMLElement): string {
  const question = find(el, 'pollNoticeQuestion');
  if (!question) return readText(el);
  const options = queryAllIn(el, 'pollNoticeOption').map((o) => readText(o)).filter(Boolean);
  return [readText(question), ...options].filter(Boolean).join('\n');
}

function queryAllIn(el: QueryRoot, key: SelectorKey): HTMLElement[] {
  for (const selector of SELECTORS[key].candidates) {
    const found = safeQueryAll(el, selector);
    if (found.length > 0) return found;
  }
  return [];
}

function readEvent(el: HTMLElement, kind: 'poll' | 'system'): BubbleInfo {
  const text = kind === 'poll' ? readPoll(el) : readText(el);
  return {
    key: `evt:${kind}:${text}`,
    domId: el.id,
    cliMsgId: '',
    direction: 'received',
    text,
    links: collectLinks([el], text),
    kind,
  };
}

/** Just the cliMsgId of a bubble (cheap: id first, data-qid second); undefined when none. */
export function cliMsgIdOf(el: HTMLElement): string | undefined {
  return readCliMsgId(el, cliMsgIdFromDomId(el.id) ? undefined : readQid(el)) || undefined;
}

/** Reads one bubble (or, when given one, a system line or poll notice). Never throws. */
export function readBubble(el: HTMLElement): BubbleInfo {
  if (!isBubble(el)) {
    if (find(el, 'pollNotice')) return readEvent(el, 'poll');
    if (find(el, 'systemLine')) return readEvent(el, 'system');
  }
  const qid = readQid(el);
  const cliMsgId = readCliMsgId(el, qid);
  const direction = readDirection(el);

  let kind: BubbleKind;
  let text = '';
  let parts: HTMLElement[] = [];
  const root = textRoot(el);
  if (root) {
    text = textOf(root);
    parts = [root];
  } else {
    ({ text, parts } = textFromSpans(el));
  }

  const photo = find(el, 'photo');
  const preview = photo ? null : find(el, 'linkPreview');
  if (find(el, 'pollNotice')) {
    kind = 'poll';
    text = readPoll(find(el, 'pollNotice')!);
  } else if (photo) {
    kind = 'photo';
  } else if (preview) {
    kind = 'link';
    parts = [...parts, preview];
    if (text === '') text = readText(preview, isNotText);
  } else if (text !== '' && !RECALLED_TEXT.test(text)) {
    kind = 'text';
  } else if (find(el, 'recalled') || RECALLED_TEXT.test(text)) {
    kind = 'recalled';
  } else if (find(el, 'file')) {
    kind = 'file';
    const name = find(el, 'fileName');
    text = normalizeLine(name?.getAttribute('title') || name?.textContent || '');
  } else if (find(el, 'sticker')) {
    kind = 'sticker';
  } else if (!hasContent(el)) {
    kind = 'recalled';
  } else {
    kind = 'other';
  }

  const info: BubbleInfo = {
    key: cliMsgId || `dom:${el.id}`,
    domId: el.id,
    cliMsgId,
    direction,
    text: kind === 'recalled' ? '' : text,
    links: kind === 'recalled' || kind === 'file' ? [] : collectLinks(parts, text),
    kind,
  };
  if (qid) {
    info.msgId = qid.msgId;
    info.fromUid = qid.fromUid;
    info.threadId = qid.threadId;
  }
  if (direction === 'received') {
    const sender = readSenderName(el);
    if (sender) info.senderName = sender;
  }
  const time = find(el, 'sendTime');
  if (time) {
    const t = normalizeLine(time.textContent ?? '');
    if (t) info.time = t;
  }
  const sentAt = sentAtFromCliMsgId(cliMsgId);
  if (sentAt !== undefined) info.sentAt = sentAt;
  return info;
}

/** The reply quote of a bubble, if any: who was quoted and what. */
export function readBubbleQuote(el: HTMLElement): BubbleQuote | undefined {
  const block = find(el, 'quoteBlock');
  if (!block) return undefined;
  const nameEl = find(block, 'quoteName');
  const textEl = find(block, 'quoteText');
  const name = nameEl ? normalizeLine(nameEl.textContent ?? '') : '';
  const text = textEl ? readText(textEl) : readText(block, (e) => e === nameEl);
  return { name, text };
}
