import { scanDataIds } from './data-id';
import { cliMsgIdFromDomId, cliMsgIdFromFrameId, parseQid, sentAtFromCliMsgId, type Qid } from './ids';
import { collectLinks } from './links';
import { safeClosest, safeMatches, safeQuery, safeQueryAll, type QueryRoot } from './query';
import { findIn } from './query-fast';
import { SELECTORS, type SelectorKey } from './selectors';
import { readSenderName } from './sender';
import { normalizeLine, readText } from './text';

export { readSenderName } from './sender';

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

function queryAllIn(root: QueryRoot, key: SelectorKey): HTMLElement[] {
  for (const selector of SELECTORS[key].candidates) {
    const found = safeQueryAll(root, selector);
    if (found.length > 0) return found;
  }
  return [];
}

/** Bubbles under `root` in document order (best matching candidate only, so no duplicates). */
export function listBubbles(root: QueryRoot, options: ListBubblesOptions = {}): HTMLElement[] {
  const bubbles = queryAllIn(root, 'bubble');
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

/** Parts that a loose fallback container (`.card--text`, `.card--link`) may hold besides the text. */
const NOT_TEXT = [
  ...QUOTE,
  ...SELECTORS.sendTime.candidates,
  ...SELECTORS.senderName.candidates,
  ...SELECTORS.reactButton.candidates,
].join(', ');

const QUOTE_GROUP = QUOTE.join(', ');

function isNotText(el: Element): boolean {
  return safeMatches(el, NOT_TEXT);
}

function isQuote(el: Element): boolean {
  return safeMatches(el, QUOTE_GROUP);
}

/** Text of a container; `loose` containers (table fallbacks) may also hold time, name and reactions. */
function textOf(root: HTMLElement, loose = true): string {
  return readText(root, loose ? isNotText : isQuote);
}

/** Direction from the table: data-id markers first (both sides), then the older `.me` classes. */
export function readDirection(el: HTMLElement): 'received' | 'sent' {
  const fast = scanDataIds(el).direction;
  if (fast) return fast;
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

/** Just the cliMsgId of a bubble (cheap: id first, data-qid second); undefined when none. */
export function cliMsgIdOf(el: HTMLElement): string | undefined {
  const fromId = cliMsgIdFromDomId(el.id);
  if (fromId) return fromId;
  return readCliMsgId(el, readQid(el)) || undefined;
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
  const question = safeMatches(el, SELECTORS.pollNoticeQuestion.candidates.join(', ')) ? el : findIn(el, 'pollNoticeQuestion');
  if (!question) return readText(el);
  const options = queryAllIn(el, 'pollNoticeOption').map((o) => readText(o)).filter(Boolean);
  return [readText(question), ...options].filter(Boolean).join('\n');
}

function isKey(el: HTMLElement, key: SelectorKey): boolean {
  return SELECTORS[key].candidates.some((s) => safeMatches(el, s)) || findIn(el, key) !== null;
}

function readEvent(el: HTMLElement, kind: 'poll' | 'system'): BubbleInfo {
  const text = kind === 'poll' ? readPoll(el) : readText(el);
  return { key: `evt:${kind}:${text}`, domId: el.id, cliMsgId: '', direction: 'received', text, links: collectLinks([el], text), kind };
}

interface Content {
  kind: BubbleKind;
  text: string;
  /** Elements whose links count (text root, link preview). */
  parts: HTMLElement[];
}

/** Kind and text, fast path first (data-id parts), then the table's fallbacks. */
function readContent(el: HTMLElement, fast: ReturnType<typeof scanDataIds>, hasQid: boolean): Content {
  if (fast.photo) {
    const caption = findIn(fast.photo, 'photoCaption') ?? findIn(el, 'photoCaption');
    return { kind: 'photo', text: caption ? textOf(caption) : '', parts: caption ? [caption] : [] };
  }
  if (fast.link) {
    const root = fast.text ?? null;
    const text = root ? textOf(root) : '';
    return { kind: 'link', text: text || textOf(fast.link), parts: root ? [root, fast.link] : [fast.link] };
  }
  if (fast.text) {
    const text = textOf(fast.text, false);
    if (text !== '' && !RECALLED_TEXT.test(text)) return { kind: 'text', text, parts: [fast.text] };
  }
  // 2026 recalled bubbles keep only the empty event layer: no data-qid card, no media.
  if (!fast.text && !hasQid && !hasContent(el)) return { kind: 'recalled', text: '', parts: [] };
  return readContentFromTable(el);
}

function readContentFromTable(el: HTMLElement): Content {
  const poll = findIn(el, 'pollNotice');
  if (poll) return { kind: 'poll', text: readPoll(poll), parts: [poll] };
  const photo = findIn(el, 'photo');
  if (photo) {
    const caption = findIn(el, 'photoCaption');
    return { kind: 'photo', text: caption ? textOf(caption) : '', parts: caption ? [caption] : [] };
  }
  const root = findIn(el, 'bubbleText');
  let text: string;
  let parts: HTMLElement[];
  if (root) {
    text = textOf(root);
    parts = [root];
  } else {
    ({ text, parts } = textFromSpans(el));
  }
  const preview = findIn(el, 'linkPreview');
  if (preview && preview !== root) {
    return { kind: 'link', text: text || readText(preview, isNotText), parts: [...parts, preview] };
  }
  if (text !== '' && !RECALLED_TEXT.test(text)) return { kind: 'text', text, parts };
  if (findIn(el, 'recalled') || RECALLED_TEXT.test(text)) return { kind: 'recalled', text: '', parts: [] };
  if (findIn(el, 'file')) {
    const name = findIn(el, 'fileName');
    return { kind: 'file', text: normalizeLine(name?.getAttribute('title') || name?.textContent || ''), parts: [] };
  }
  if (findIn(el, 'sticker')) return { kind: 'sticker', text: '', parts: [] };
  // 2026 recalled bubbles keep only the empty event layer; anything else is a shape we do not know.
  return { kind: hasContent(el) ? 'other' : 'recalled', text: '', parts: [] };
}

/**
 * Reads one bubble (or, when given one, a system line or poll notice). Never throws. Costs a few
 * microseconds on current Zalo markup: one `[data-id]` pass, one `[data-qid]` lookup, a text walk
 * without layout (no innerText), and a handful of targeted queries.
 */
export function readBubble(el: HTMLElement): BubbleInfo {
  try {
    if (!isBubble(el)) {
      if (isKey(el, 'pollNotice')) return readEvent(el, 'poll');
      if (isKey(el, 'systemLine')) return readEvent(el, 'system');
    }
    const fast = scanDataIds(el);
    const qid = readQid(el);
    const cliMsgId = readCliMsgId(el, qid);
    const direction = fast.direction ?? readDirection(el);
    const { kind, text, parts } = readContent(el, fast, qid !== undefined);

    const info: BubbleInfo = {
      key: cliMsgId || `dom:${el.id}`,
      domId: el.id,
      cliMsgId,
      direction,
      text,
      links: parts.length > 0 ? collectLinks(parts, text) : [],
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
    const time = findIn(el, 'sendTime');
    if (time) {
      const t = normalizeLine(time.textContent ?? '');
      if (t) info.time = t;
    }
    const sentAt = sentAtFromCliMsgId(cliMsgId);
    if (sentAt !== undefined) info.sentAt = sentAt;
    return info;
  } catch {
    return { key: `dom:${el.id}`, domId: el.id, cliMsgId: '', direction: 'received', text: '', links: [], kind: 'other' };
  }
}

/** The reply quote of a bubble, if any: who was quoted and what. */
export function readBubbleQuote(el: HTMLElement): BubbleQuote | undefined {
  const block = findIn(el, 'quoteBlock');
  if (!block) return undefined;
  const nameEl = findIn(block, 'quoteName');
  const textEl = findIn(block, 'quoteText');
  const name = nameEl ? normalizeLine(nameEl.textContent ?? '') : '';
  const text = textEl ? readText(textEl) : readText(block, (e) => e === nameEl);
  return { name, text };
}

