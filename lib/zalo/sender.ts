import { parseQid } from './ids';
import { isHTMLElement, safeClosest, safeMatches, safeQuery } from './query';
import { findIn } from './query-fast';
import { SELECTORS } from './selectors';
import { normalizeLine } from './text';

const BUBBLE = SELECTORS.bubble.candidates;
const NAME = SELECTORS.senderName.candidates;

function nameOf(el: Element | null): string | undefined {
  if (!el) return undefined;
  const name = normalizeLine(el.textContent ?? '');
  return name === '' ? undefined : name;
}

function uidOf(el: Element): string | undefined {
  const holder = el.hasAttribute('data-qid') ? el : safeQuery(el, '[data-qid]');
  return parseQid(holder?.getAttribute('data-qid'))?.fromUid;
}

function isBubble(el: Element): boolean {
  return BUBBLE.some((s) => safeMatches(el, s));
}

/** Within a run container: the last name label at or before the bubble (one query per candidate). */
function fromRun(el: HTMLElement, run: HTMLElement): string | undefined {
  for (const selector of NAME) {
    let labels: NodeListOf<Element>;
    try {
      labels = run.querySelectorAll(selector);
    } catch {
      continue;
    }
    if (labels.length === 0) continue;
    for (let i = labels.length - 1; i >= 0; i--) {
      const label = labels[i]!;
      // DOCUMENT_POSITION_PRECEDING (2): the label comes before the bubble.
      if (el.contains(label) || el.compareDocumentPosition(label) & 2) return nameOf(label);
    }
    return undefined;
  }
  return undefined;
}

/**
 * Fast path inside a run: the bubble itself, then earlier siblings, nearest first (a run is short,
 * so this touches a handful of elements instead of querying the whole run per bubble). Returns null
 * when the siblings end without a label, so the caller falls back to the full run query.
 */
function fromSiblings(el: HTMLElement, run: HTMLElement): string | null {
  if (el.parentElement === run) return null; // bubbles directly in the run: the run query is as cheap
  for (let node: Element | null = el; node; node = node.previousElementSibling) {
    const label = NAME.some((s) => safeMatches(node as Element, s)) ? node : findIn(node, 'senderName');
    if (label) return nameOf(label) ?? null;
  }
  return null;
}

/**
 * Sender of a received bubble. Zalo prints the name above the first bubble of a run only, so later
 * bubbles take the nearest earlier name in the SAME run (`.chat-item`). Without a run container the
 * walk goes back over sibling bubbles and stops at anything else, or at another sender's uid.
 */
export function readSenderName(el: HTMLElement): string | undefined {
  let run: HTMLElement | null = null;
  for (const s of SELECTORS.senderRun.candidates) {
    run = safeClosest(el, s);
    if (run) break;
  }
  if (run) {
    const near = fromSiblings(el, run);
    return near === null ? fromRun(el, run) : near;
  }

  const own = nameOf(findIn(el, 'senderName'));
  if (own) return own;
  const uid = uidOf(el);
  for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (!isHTMLElement(prev) || !isBubble(prev)) return undefined;
    const prevUid = uidOf(prev);
    if (!uid || !prevUid || prevUid !== uid) return undefined;
    const name = nameOf(findIn(prev, 'senderName'));
    if (name) return name;
  }
  return undefined;
}
