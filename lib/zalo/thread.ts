import { listBubbles } from './bubbles';
import { parseQid } from './ids';
import { queryOne, safeClosest, safeQuery, safeQueryAll } from './query';
import { SELECTORS } from './selectors';
import { normalizeLine, rawText } from './text';

export interface ThreadInfo {
  /** Sidebar id (`g…` for groups) or, as a fallback, the threadId of a visible bubble's data-qid. */
  id: string;
  name: string;
  isGroup: boolean;
  memberCount?: number;
  /** Where the id came from: the selected sidebar row, or a bubble's data-qid. */
  idSource: 'sidebar' | 'bubble';
}

const MEMBERS_RE = /(\d[\d.,\s]*)\s*(thành viên|members?)\b/i;

/** "1.234 thành viên" → 1234. */
export function parseMemberCount(text: string): number | undefined {
  const m = MEMBERS_RE.exec(text.normalize('NFC'));
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/[.,\s]/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

function firstLine(el: HTMLElement): string {
  for (const line of rawText(el).split('\n')) {
    const n = normalizeLine(line);
    if (n) return n;
  }
  return '';
}

/** Header member count: the known hook first, then any header element whose own text says "N thành viên". */
function readMemberCount(header: HTMLElement | null, doc: Document): number | undefined {
  const hook = queryOne(header ?? doc, 'memberCount');
  if (hook) {
    const n = parseMemberCount(hook.el.textContent ?? '');
    if (n !== undefined) return n;
  }
  if (!header) return undefined;
  for (const el of safeQueryAll(header, 'div, span, button')) {
    if (el.childElementCount > 2) continue;
    const n = parseMemberCount(el.textContent ?? '');
    if (n !== undefined) return n;
  }
  return undefined;
}

function sidebarThreadId(doc: Document): string | undefined {
  const selected = queryOne(doc, 'selectedConversation');
  if (!selected) return undefined;
  for (const s of SELECTORS.conversationItem.candidates.slice(0, 2)) {
    const wrapper = safeClosest(selected.el, s);
    const id = wrapper?.getAttribute('anim-data-id');
    if (id) return id;
  }
  // Search-result rows carry id="group-item-g<id>" / "friend-item-<uid>" instead.
  const m = /^(?:group|friend)-item-(.+)$/.exec(selected.el.id);
  return m?.[1];
}

function bubbleThreadId(doc: Document): string | undefined {
  const list = queryOne(doc, 'messageList')?.el ?? doc;
  const bubbles = listBubbles(list);
  for (let i = bubbles.length - 1; i >= 0; i--) {
    const holder = bubbles[i]!.hasAttribute('data-qid') ? bubbles[i]! : safeQuery(bubbles[i]!, '[data-qid]');
    const qid = parseQid(holder?.getAttribute('data-qid'));
    if (qid) return qid.threadId;
  }
  return undefined;
}

/** The open conversation, or null when none is open. Never throws. */
export function currentThread(doc: Document): ThreadInfo | null {
  const chat = queryOne(doc, 'chatView');
  const header = queryOne(doc, 'header')?.el ?? null;
  if (!chat && !header) return null;

  const fromSidebar = sidebarThreadId(doc);
  const id = fromSidebar ?? bubbleThreadId(doc);
  if (!id) return null;

  const title = queryOne(header ?? doc, 'headerTitle');
  const name = title ? firstLine(title.el) : '';
  const memberCount = readMemberCount(header, doc);
  const info: ThreadInfo = {
    id,
    name,
    isGroup: id.startsWith('g') || memberCount !== undefined,
    idSource: fromSidebar ? 'sidebar' : 'bubble',
  };
  if (memberCount !== undefined) info.memberCount = memberCount;
  return info;
}
