import { candidatesOf, type SelectorKey } from './selectors';

/** Where a lookup happens: a document, a fragment or an element. */
export type QueryRoot = Document | DocumentFragment | Element;

export interface QueryOneResult {
  el: HTMLElement;
  /** Index in `SELECTORS[key].candidates`; 0 is the preferred anchor, more means a fallback matched. */
  candidate: number;
}

export interface QueryAllResult {
  els: HTMLElement[];
  candidate: number;
}

/** querySelector that treats an invalid selector as "no match" instead of throwing into the page. */
export function safeQuery(root: QueryRoot, selector: string): HTMLElement | null {
  try {
    const found = root.querySelector(selector);
    return isHTMLElement(found) ? found : null;
  } catch {
    return null;
  }
}

export function safeQueryAll(root: QueryRoot, selector: string): HTMLElement[] {
  try {
    return Array.from(root.querySelectorAll(selector)).filter(isHTMLElement);
  } catch {
    return [];
  }
}

export function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export function safeClosest(el: Element, selector: string): HTMLElement | null {
  try {
    const found = el.closest(selector);
    return isHTMLElement(found) ? found : null;
  } catch {
    return null;
  }
}

/** Works across realms (happy-dom, iframes) where `instanceof HTMLElement` would not. */
export function isHTMLElement(node: unknown): node is HTMLElement {
  return (
    typeof node === 'object' &&
    node !== null &&
    (node as Node).nodeType === 1 &&
    typeof (node as HTMLElement).click === 'function'
  );
}

/** First element matched by the best candidate that matches anything. */
export function queryOne(root: QueryRoot, key: SelectorKey): QueryOneResult | null {
  const candidates = candidatesOf(key);
  for (let i = 0; i < candidates.length; i++) {
    const el = safeQuery(root, candidates[i]!);
    if (el) return { el, candidate: i };
  }
  return null;
}

/** All elements of the best matching candidate (candidates are not mixed, so fallbacks cannot duplicate). */
export function queryAll(root: QueryRoot, key: SelectorKey): QueryAllResult {
  const candidates = candidatesOf(key);
  for (let i = 0; i < candidates.length; i++) {
    const els = safeQueryAll(root, candidates[i]!);
    if (els.length > 0) return { els, candidate: i };
  }
  return { els: [], candidate: -1 };
}

/** The element itself or a descendant matching the key (bubble-scoped lookups). */
export function querySelfOrDescendant(el: HTMLElement, key: SelectorKey): QueryOneResult | null {
  const candidates = candidatesOf(key);
  for (let i = 0; i < candidates.length; i++) {
    const selector = candidates[i]!;
    if (safeMatches(el, selector)) return { el, candidate: i };
    const found = safeQuery(el, selector);
    if (found) return { el: found, candidate: i };
  }
  return null;
}
