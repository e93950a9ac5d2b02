import { parseQid } from './ids';
import { isHTMLElement, safeClosest, safeMatches, safeQuery } from './query';
import { findIn } from './query-fast';
import { candidatesOf } from './selectors';
import type { SenderDirectory } from './senders';
import { normalizeLine } from './text';

function nameOf(el: Element | null): string | undefined {
  if (!el) return undefined;
  const name = normalizeLine(el.textContent ?? '');
  return name === '' ? undefined : name;
}

/** Sender uid from the bubble's data-qid (absent for a moment while Zalo re-renders a recycled row). */
export function senderUidOf(el: Element): string | undefined {
  const holder = el.hasAttribute('data-qid') ? el : safeQuery(el, '[data-qid]');
  return parseQid(holder?.getAttribute('data-qid'))?.fromUid;
}

function isBubble(el: Element): boolean {
  return candidatesOf('bubble').some((s) => safeMatches(el, s));
}

function bubbleOf(label: Element): Element | null {
  for (const s of candidatesOf('bubble')) {
    const b = safeClosest(label, s);
    if (b) return b;
  }
  return null;
}

/** Within a run container: the last name label at or before the bubble (one query per candidate). */
function fromRun(el: HTMLElement, run: HTMLElement): Element | undefined {
  for (const selector of candidatesOf('senderName')) {
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
      if (el.contains(label) || el.compareDocumentPosition(label) & 2) return label;
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
function fromSiblings(el: HTMLElement, run: HTMLElement): Element | undefined | null {
  if (el.parentElement === run) return null; // bubbles directly in the run: the run query is as cheap
  const names = candidatesOf('senderName');
  for (let node: Element | null = el; node; node = node.previousElementSibling) {
    const label = names.some((s) => safeMatches(node as Element, s)) ? node : findIn(node, 'senderName');
    if (label) return nameOf(label) ? label : undefined;
  }
  return null;
}

/** The nearest earlier label of the same run, or of earlier sibling bubbles from the same uid. */
function inferredLabel(el: HTMLElement, uid: string | undefined): Element | undefined {
  let run: HTMLElement | null = null;
  for (const s of candidatesOf('senderRun')) {
    run = safeClosest(el, s);
    if (run) break;
  }
  if (run) {
    const near = fromSiblings(el, run);
    return near === null ? fromRun(el, run) : near;
  }
  for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (!isHTMLElement(prev) || !isBubble(prev)) return undefined;
    const prevUid = senderUidOf(prev);
    if (!uid || !prevUid || prevUid !== uid) return undefined;
    const label = findIn(prev, 'senderName');
    if (label) return label;
  }
  return undefined;
}

/**
 * Sender of a received bubble, in order of trust: a name label on the bubble itself (either
 * container), the uid → name directory, then the nearest earlier label of the same run, accepted
 * only when that label's bubble is not known to be another uid. Undefined rather than a guess: the
 * UI then says "không rõ người gửi". Labels read here teach the directory.
 */
export function readSenderName(el: HTMLElement, senders?: SenderDirectory): string | undefined {
  const uid = senderUidOf(el);
  const own = nameOf(findIn(el, 'senderName'));
  if (own) {
    senders?.note(uid, own);
    return own;
  }
  const known = senders?.nameOf(uid);
  if (known) return known;
  const label = inferredLabel(el, uid);
  const name = nameOf(label ?? null);
  if (!label || !name) return undefined;
  const labelBubble = bubbleOf(label);
  const labelUid = labelBubble && labelBubble !== el ? senderUidOf(labelBubble) : undefined;
  if (uid && labelUid && labelUid !== uid) return undefined;
  senders?.note(uid ?? labelUid, name);
  return name;
}
