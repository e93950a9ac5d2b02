import { clickLikeUser, hover } from './dom-utils';
import { querySelfOrDescendant, queryAll, queryOne, safeQueryAll } from './query';
import { normalizeLine } from './text';
import { waitFor, type WaitOptions } from './wait';

export type ActionResult = { ok: true } | { ok: false; reason: string };

/** Visible label of a menu entry: its translated span, or its own text. */
function labelOf(item: HTMLElement): string {
  return normalizeLine(item.textContent ?? '').toLocaleLowerCase('vi');
}

function moreButton(doc: Document): HTMLElement | null {
  return queryOne(doc, 'hoverMoreButton')?.el ?? null;
}

/**
 * Opens a message's "Thêm" menu: hover the content wrapper so Zalo renders the floating toolbar,
 * then press its "more options" button with a full pointer sequence.
 */
export async function openMessageMenu(doc: Document, bubble: HTMLElement, options: WaitOptions = {}): Promise<ActionResult> {
  if (!bubble.isConnected) return { ok: false, reason: 'bubble-gone' };
  const target = querySelfOrDescendant(bubble, 'contentWrapper')?.el ?? bubble;
  hover(target);
  const button = await waitFor(doc, () => moreButton(doc), { timeoutMs: 1000, ...options });
  if (!button) return { ok: false, reason: 'no-more-button' };
  clickLikeUser(button);
  const menu = await waitFor(doc, () => queryAll(doc, 'menuItem').els.length > 0, { timeoutMs: 1000, ...options });
  return menu ? { ok: true } : { ok: false, reason: 'no-menu' };
}

export interface MenuItemQuery {
  /** `data-translate-inner` key, exact (e.g. "STR_COPY_TEXT") or a pattern. */
  translateKey?: string | RegExp;
  /** Visible label, compared case-insensitively after normalisation (e.g. "Ghim tin nhắn"). */
  label?: string;
}

/** The open menu's entry matching the label first, then the translation key. */
export function findMenuItem(doc: Document, query: MenuItemQuery): HTMLElement | null {
  const items = queryAll(doc, 'menuItem').els;
  if (query.label) {
    const want = normalizeLine(query.label).toLocaleLowerCase('vi');
    const hit = items.find((item) => labelOf(item) === want) ?? items.find((item) => labelOf(item).startsWith(want));
    if (hit) return hit;
  }
  if (query.translateKey) {
    const key = query.translateKey;
    for (const item of items) {
      const keyed = [item, ...safeQueryAll(item, '[data-translate-inner]')];
      for (const el of keyed) {
        const value = el.getAttribute('data-translate-inner');
        if (value && (typeof key === 'string' ? value === key : key.test(value))) return item;
      }
    }
  }
  return null;
}

/** Clicks a menu entry (full pointer sequence). */
export function clickMenuItem(doc: Document, query: MenuItemQuery): ActionResult {
  const item = findMenuItem(doc, query);
  if (!item) return { ok: false, reason: 'no-menu-item' };
  clickLikeUser(item);
  return { ok: true };
}

