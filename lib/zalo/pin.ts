import { readBubble } from './bubbles';
import { clickMenuItem, closeMenus, openMessageMenu, type ActionResult, type MenuRoute } from './menu';
import { readPinnedBar, type PinnedBar } from './pinned';
import { normalizeText } from './text';
import { waitFor } from './wait';

export interface PinOptions {
  signal?: AbortSignal;
  /** How long to wait for the pinned bar to show the message (default 2000 ms). */
  timeoutMs?: number;
}

export type PinResult =
  | { ok: true; already?: boolean; via?: MenuRoute }
  /** `manual`: the message is highlighted; the admin should right-click it and choose "Ghim tin nhắn". */
  | { ok: false; reason: string; manual?: boolean };

/** Labels seen or expected for the pin entry, in Vietnamese and English, long and short forms. */
export const PIN_LABELS = ['Ghim tin nhắn', 'Pin message', 'Ghim', 'Pin'] as const;
/** "Bỏ ghim" / "Unpin" start like the pin entry's label in no language we match, but never pick them. */
const UNPIN = /^(bỏ ghim|unpin)/;
/** Matches STR_PIN_MSG-like keys but not STR_UNPIN… (the real key is unknown: lib/zalo/README.md, Menus). */
const PIN_KEY = /(^|_)PIN(_|$)/;

/** Attribute the adapter puts on a message it asks the admin to handle by hand. */
export const HIGHLIGHT_ATTR = 'data-zgg-highlight';

function strip(text: string): string {
  return normalizeText(text).replace(/(…|\.\.\.)$/, '').replace(/\n/g, ' ').trim();
}

/** Pinned text may be truncated or prefixed ("Tin nhắn: …"), so either may contain the other. */
export function pinnedShows(bar: PinnedBar, messageText: string): boolean {
  const want = strip(messageText);
  if (want === '') return false;
  return bar.items.some((item) => {
    const got = strip(item);
    return got !== '' && (got.includes(want) || want.includes(got.length >= 8 ? got : '\u0000'));
  });
}

/**
 * Marks a message for the admin (outline + scroll into view) when the extension cannot do the
 * clicks itself. The mark goes away on the next click anywhere or after `ms`.
 */
export function highlightForManual(bubble: HTMLElement, reason: string, ms = 15_000): void {
  const view = bubble.ownerDocument.defaultView;
  bubble.setAttribute(HIGHLIGHT_ATTR, reason);
  bubble.style.outline = '3px dashed #b26a00';
  bubble.style.outlineOffset = '3px';
  try {
    bubble.scrollIntoView({ block: 'center', behavior: 'auto' });
  } catch {
    /* detached or not scrollable: the outline is enough */
  }
  if (!view) return;
  const clear = (): void => {
    view.clearTimeout(timer);
    bubble.ownerDocument.removeEventListener('click', clear, true);
    if (bubble.getAttribute(HIGHLIGHT_ATTR) !== reason) return;
    bubble.removeAttribute(HIGHLIGHT_ATTR);
    bubble.style.outline = '';
    bubble.style.outlineOffset = '';
  };
  const timer = view.setTimeout(clear, ms);
  // Deferred so the click that triggered the action does not clear the mark at once.
  view.setTimeout(() => bubble.ownerDocument.addEventListener('click', clear, true), 0);
}

/**
 * Pins a message: its menu (hover "Thêm" or right-click) → the pin entry, found by label in
 * Vietnamese or English, by translation key, or by its icon; then waits until the pinned bar shows
 * it (or, for messages without text, until the bar changes). When no route reaches a pin entry the
 * message is highlighted and `manual: true` tells the UI to explain the two clicks. Never throws.
 */
export async function pinMessage(doc: Document, bubble: HTMLElement, options: PinOptions = {}): Promise<PinResult> {
  try {
    const text = readBubble(bubble).text;
    const before = readPinnedBar(doc);
    if (text && pinnedShows(before, text)) return { ok: true, already: true };
    const opened = await openMessageMenu(doc, bubble, { signal: options.signal });
    if (!opened.ok) {
      if (opened.reason === 'aborted' || opened.reason === 'bubble-gone') return opened;
      highlightForManual(bubble, 'pin');
      return { ok: false, reason: opened.reason, manual: true };
    }
    const clicked: ActionResult = clickMenuItem(doc, { labels: PIN_LABELS, translateKey: PIN_KEY, icon: 'pinMenuIcon', exclude: UNPIN });
    if (!clicked.ok) {
      closeMenus(doc);
      highlightForManual(bubble, 'pin');
      return { ok: false, reason: 'no-pin-item', manual: true };
    }
    const confirmed = await waitFor(
      doc,
      () => {
        const now = readPinnedBar(doc);
        if (text) return pinnedShows(now, text);
        return now.count !== before.count || now.items.join('\n') !== before.items.join('\n');
      },
      { timeoutMs: options.timeoutMs ?? 2000, signal: options.signal },
    );
    return confirmed ? { ok: true, via: opened.via } : { ok: false, reason: options.signal?.aborted ? 'aborted' : 'not-confirmed' };
  } catch {
    return { ok: false, reason: 'error' };
  }
}
