import { readBubble } from './bubbles';
import { clickLikeUser } from './dom-utils';
import { clickMenuItem, openMessageMenu, type ActionResult } from './menu';
import { readPinnedBar, type PinnedBar } from './pinned';
import { queryOne } from './query';
import { normalizeText } from './text';
import { waitFor } from './wait';

export interface PinOptions {
  signal?: AbortSignal;
  /** How long to wait for the pinned bar to show the message (default 2000 ms). */
  timeoutMs?: number;
}

export type PinResult = { ok: true; already?: boolean } | { ok: false; reason: string };

const PIN_LABELS = ['Ghim tin nhắn', 'Pin message'];
/** Matches STR_PIN_MSG-like keys but not STR_UNPIN… (the real key is unknown: lib/zalo/README.md, Menus). */
const PIN_KEY = /(^|_)PIN(_|$)/;

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

function closeMenu(doc: Document): void {
  const header = queryOne(doc, 'header')?.el;
  if (header) clickLikeUser(header);
}

/**
 * Pins a message: "Thêm" menu → "Ghim tin nhắn", then waits until the pinned bar shows it (or,
 * for messages without text, until the bar changes). Never throws.
 */
export async function pinMessage(doc: Document, bubble: HTMLElement, options: PinOptions = {}): Promise<PinResult> {
  try {
    const text = readBubble(bubble).text;
    const before = readPinnedBar(doc);
    if (text && pinnedShows(before, text)) return { ok: true, already: true };
    const opened = await openMessageMenu(doc, bubble, { signal: options.signal });
    if (!opened.ok) return opened;
    let clicked: ActionResult = { ok: false, reason: 'no-pin-item' };
    for (const label of PIN_LABELS) {
      clicked = clickMenuItem(doc, { label });
      if (clicked.ok) break;
    }
    if (!clicked.ok) clicked = clickMenuItem(doc, { translateKey: PIN_KEY });
    if (!clicked.ok) {
      closeMenu(doc);
      return { ok: false, reason: 'no-pin-item' };
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
    return confirmed ? { ok: true } : { ok: false, reason: options.signal?.aborted ? 'aborted' : 'not-confirmed' };
  } catch {
    return { ok: false, reason: 'error' };
  }
}
