import { queryOne } from './query';
import type { SelectorKey } from './selectors';

/**
 * "Xuất cấu trúc trang": the shape of Zalo's chat area for whoever fixes selectors after a Zalo
 * change, with nothing personal in it. Kept: tag names, ids and classes with every digit masked,
 * and the anchor attributes (data-id, data-component, icon, data-translate-*), also masked. Never
 * kept: text, titles, placeholders, data-qid, src/href, or any other attribute, so no names,
 * uids, phone numbers or message ids can leave the page.
 */
export interface SkeletonNode {
  tag: string;
  id?: string;
  classes?: string[];
  attrs?: Record<string, string>;
  children?: SkeletonNode[];
  /** Some children were left out (long lists of rows); no count, so the file holds no numbers at all. */
  truncated?: true;
}

export interface PageSkeleton {
  format: 'zgg-page-skeleton';
  /** Areas exported, by selector key; missing areas are listed as `null`. */
  areas: Record<string, SkeletonNode | null>;
}

export interface SkeletonOptions {
  maxDepth?: number;
  /** Children kept per element (bubbles beyond it are counted in `more`). */
  maxChildren?: number;
  maxNodes?: number;
}

const KEPT_ATTRS = /^(data-id|data-component|icon|data-translate-[a-z-]+)$/;
/** Areas that tell how the chat, its menus and the member list are built. */
const AREAS: readonly SelectorKey[] = ['chatView', 'conversationList', 'infoPanel', 'menu', 'hoverToolbar', 'mentionPopover', 'pollDialog'];

export const maskDigits = (value: string): string => value.replace(/\d/g, '#');

export function exportSkeleton(doc: Document, options: SkeletonOptions = {}): PageSkeleton {
  const maxDepth = options.maxDepth ?? 40;
  const maxChildren = options.maxChildren ?? 60;
  let budget = options.maxNodes ?? 6000;

  const walk = (el: Element, depth: number): SkeletonNode => {
    budget--;
    const node: SkeletonNode = { tag: maskDigits(el.tagName.toLowerCase()) };
    if (el.id) node.id = maskDigits(el.id);
    const classes = Array.from(el.classList, maskDigits);
    if (classes.length > 0) node.classes = classes;
    for (const attr of Array.from(el.attributes)) {
      if (!KEPT_ATTRS.test(attr.name)) continue;
      (node.attrs ??= {})[attr.name] = maskDigits(attr.value);
    }
    if (depth >= maxDepth) return node;
    // Our own overlay is not part of Zalo's page.
    const kids = Array.from(el.children).filter((kid) => !/^zgg-/i.test(kid.tagName) && !kid.id.startsWith('zgg-'));
    const kept: SkeletonNode[] = [];
    for (const kid of kids) {
      if (kept.length >= maxChildren || budget <= 0) break;
      kept.push(walk(kid, depth + 1));
    }
    if (kept.length > 0) node.children = kept;
    if (kids.length > kept.length) node.truncated = true;
    return node;
  };

  const areas: Record<string, SkeletonNode | null> = {};
  for (const key of AREAS) {
    const hit = queryOne(doc, key);
    areas[key] = hit ? walk(hit.el, 0) : null;
  }
  return { format: 'zgg-page-skeleton', areas };
}

