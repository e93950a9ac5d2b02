import { queryAll, queryOne, querySelfOrDescendant } from './query';
import { readText } from './text';

export interface PinnedBar {
  /** Texts of the pinned items currently rendered (one when collapsed, all when expanded). */
  items: string[];
  /** Number of pins: rendered items, or 1 + N from "+N ghim" when the bar is collapsed. */
  count: number;
}

/** "+3 ghim" → 3. */
export function parseMorePins(text: string): number | undefined {
  const m = /\+\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function readPinnedBar(doc: Document): PinnedBar {
  const bar = queryOne(doc, 'pinnedBar')?.el;
  if (!bar) return { items: [], count: 0 };
  const items: string[] = [];
  for (const item of queryAll(bar, 'pinnedItem').els) {
    const textEl = querySelfOrDescendant(item, 'pinnedText')?.el ?? item;
    const text = readText(textEl);
    if (text) items.push(text);
  }
  if (items.length === 0) {
    const text = readText(bar);
    if (text) items.push(text);
  }
  const moreEl = queryOne(bar, 'pinnedMore')?.el;
  const more = moreEl ? parseMorePins(moreEl.textContent ?? '') : undefined;
  return { items, count: Math.max(items.length, more === undefined ? items.length : 1 + more) };
}
