import { safeQuery } from './query';
import { candidatesOf, type SelectorKey } from './selectors';

/**
 * Descendant-only lookup over a key's candidates (no `matches` on the root): the hot path of the
 * bubble reader, where the root is the bubble itself and never one of its parts.
 */
export function findIn(root: Element, key: SelectorKey): HTMLElement | null {
  const candidates = candidatesOf(key);
  for (let i = 0; i < candidates.length; i++) {
    const found = safeQuery(root, candidates[i]!);
    if (found) return found;
  }
  return null;
}

