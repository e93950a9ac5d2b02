import { clickLikeUser, hover } from './dom-utils';
import { isHTMLElement, querySelfOrDescendant, queryAll, queryOne, safeMatches, safeQueryAll } from './query';
import { candidatesOf, type SelectorKey } from './selectors';
import { normalizeLine } from './text';
import { waitFor, type WaitOptions } from './wait';

export type ActionResult = { ok: true } | { ok: false; reason: string };
/** How a message menu was opened: the hover toolbar's "more" button, or a right-click. */
export type MenuRoute = 'hover' | 'context';
export type OpenMenuResult = { ok: true; via: MenuRoute } | { ok: false; reason: string };

/** Visible label of a menu entry: its translated span, or its own text. */
function labelOf(item: HTMLElement): string {
  return normalizeLine(item.textContent ?? '').toLocaleLowerCase('vi');
}

function menuOpen(doc: Document): boolean {
  return queryAll(doc, 'menuItem').els.length > 0;
}

/** Right-click at the bubble body's centre: the route most public scripts use. */
function contextClick(el: HTMLElement): void {
  const view = el.ownerDocument.defaultView;
  if (!view) return;
  const rect = el.getBoundingClientRect();
  const init = { bubbles: true, cancelable: true, composed: true, view, button: 2, buttons: 2, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
  el.dispatchEvent(new view.MouseEvent('mousedown', init));
  el.dispatchEvent(new view.MouseEvent('mouseup', { ...init, buttons: 0 }));
  el.dispatchEvent(new view.MouseEvent('contextmenu', init));
}

/**
 * Opens a message's menu. First the hover toolbar ("Thêm"), which only some Zalo builds show;
 * then a right-click on the message, which opens the same menu on others. Never throws.
 */
export async function openMessageMenu(doc: Document, bubble: HTMLElement, options: WaitOptions = {}): Promise<OpenMenuResult> {
  if (!bubble.isConnected) return { ok: false, reason: 'bubble-gone' };
  const target = querySelfOrDescendant(bubble, 'bubbleBody')?.el ?? querySelfOrDescendant(bubble, 'contentWrapper')?.el ?? bubble;
  hover(target);
  // The toolbar renders on hover; when it has no "more" button this build opens the menu by right-click.
  const toolbar = await waitFor(doc, () => queryOne(doc, 'hoverMoreButton')?.el ?? (queryOne(doc, 'hoverToolbarButton') ? 'no-more' : null), {
    timeoutMs: 600,
    ...options,
  });
  if (options.signal?.aborted) return { ok: false, reason: 'aborted' };
  if (isHTMLElement(toolbar)) {
    clickLikeUser(toolbar);
    if (await waitFor(doc, () => menuOpen(doc), { timeoutMs: 1000, ...options })) return { ok: true, via: 'hover' };
  }
  contextClick(target);
  if (await waitFor(doc, () => menuOpen(doc), { timeoutMs: 1000, ...options })) return { ok: true, via: 'context' };
  return { ok: false, reason: toolbar ? 'no-menu' : 'no-more-button' };
}

export interface MenuItemQuery {
  /** `data-translate-inner` key, exact (e.g. "STR_COPY_TEXT") or a pattern. */
  translateKey?: string | RegExp;
  /** Visible label, compared case-insensitively after normalisation (e.g. "Ghim tin nhắn"). */
  label?: string;
  /** Several labels (languages, builds); exact matches of any label win over prefix matches. */
  labels?: readonly string[];
  /** Selector key of an icon inside the entry (e.g. `pinMenuIcon`). */
  icon?: SelectorKey;
  /** Entries whose label matches this are never returned (e.g. "Bỏ ghim" when looking for "Ghim"). */
  exclude?: RegExp;
}

function hasIcon(item: HTMLElement, key: SelectorKey): boolean {
  return candidatesOf(key).some((s) => safeMatches(item, s) || safeQueryAll(item, s).length > 0);
}

/** The open menu's entry matching a label first, then the translation key, then the icon. */
export function findMenuItem(doc: Document, query: MenuItemQuery): HTMLElement | null {
  const items = queryAll(doc, 'menuItem').els.filter((item) => !(query.exclude && query.exclude.test(labelOf(item))));
  const labels = [...(query.label ? [query.label] : []), ...(query.labels ?? [])].map((l) => normalizeLine(l).toLocaleLowerCase('vi'));
  if (labels.length > 0) {
    const exact = items.find((item) => labels.includes(labelOf(item)));
    if (exact) return exact;
    const prefix = items.find((item) => labels.some((l) => labelOf(item).startsWith(l)));
    if (prefix) return prefix;
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
  if (query.icon) {
    const icon = query.icon;
    const hit = items.find((item) => hasIcon(item, icon));
    if (hit) return hit;
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

/** Closes an open popover menu the way a user does: a click outside it (menus ignore Escape). */
export function closeMenus(doc: Document): void {
  if (!menuOpen(doc)) return;
  const outside = queryOne(doc, 'header')?.el ?? doc.body;
  if (outside) clickLikeUser(outside);
}
