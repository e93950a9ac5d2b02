import { listBubbles } from './bubbles';
import { isHTMLElement, queryAll, queryOne, safeClosest, safeMatches, safeQueryAll } from './query';
import { candidatesOf } from './selectors';
import { createBatcher, type BatchMode } from './schedule';
import { currentThread, type ThreadInfo } from './thread';

export interface WatchBubblesOptions {
  signal: AbortSignal;
  /** Also report system lines and poll notices. */
  events?: boolean;
  /** Default 'frame'; 'microtask' when requestAnimationFrame is missing. */
  batch?: BatchMode;
  /** Safety rescan period; 0 disables. Default 15 s. */
  safetyIntervalMs?: number;
  /** Errors thrown by the callback land here instead of breaking the observer. */
  onError?: (error: unknown) => void;
}

export interface BubbleWatch {
  /** Re-attach and rescan now (batched). */
  rescan(): void;
}

const NOOP_WATCH: BubbleWatch = { rescan: () => undefined };

function hidden(doc: Document): boolean {
  return doc.visibilityState === 'hidden';
}

/** Our own marks inside a bubble (badge host) must not make the bubble look changed. */
const OWN_TAG = /^ZGG-/;

function onlyOwnNodes(record: MutationRecord): boolean {
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => n.nodeType === 1 && OWN_TAG.test((n as Element).tagName));
}

/** The bubble a mutation happened in (or that was mutated itself), if any. */
function bubbleAround(node: Node): HTMLElement | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return null;
  for (const s of candidatesOf('bubble')) {
    const hit = safeClosest(el, s);
    if (hit) return hit;
  }
  return null;
}

/**
 * Reports each bubble element when it first appears, and again whenever Zalo reuses it for other
 * content: its id or data-qid changes, or text inside it changes (recycled rows of a virtual list
 * are patched in place: attribute and characterData mutations only). Elements re-created with the
 * same id are new elements and are reported too, so callers dedupe by cliMsgId when they need to.
 *
 * One observer watches the message list (subtree); a second watches the list's ancestor chain
 * (childList only) so that a re-mounted `#chatViewContainer` or list re-attaches the first. With no
 * list in the page, the second watches `body` until one appears. Paused while the tab is hidden.
 */
export function watchBubbles(
  doc: Document,
  onBubbles: (els: HTMLElement[]) => void,
  options: WatchBubblesOptions,
): BubbleWatch {
  const { signal } = options;
  const view = doc.defaultView;
  if (!view || signal.aborted) return NOOP_WATCH;

  const seen = new WeakSet<Element>();
  let list: HTMLElement | null = null;
  let stopped = false;
  // Listing every bubble of a long chat on each new message cost more than checking the message, so
  // between full scans only the subtrees the observer saw added are searched, with the bubble
  // candidate the last full scan matched. A full scan runs at start, when the list is re-attached,
  // when the tab becomes visible again and on the safety period.
  let full = true;
  let bubbleSelector: string | null = null;
  /** Elements added inside the list since the last scan. */
  const added = new Set<Element>();

  const attach = (): void => {
    const found = queryOne(doc, 'messageList')?.el ?? null;
    if (found && found === list && found.isConnected) return;
    listObserver.disconnect();
    shellObserver.disconnect();
    list = found;
    if (list) {
      listObserver.observe(list, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['id', 'data-qid'],
      });
      for (let n = list.parentElement; n; n = n.parentElement) shellObserver.observe(n, { childList: true });
    } else {
      shellObserver.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
    }
  };

  const addedBubbles = (selector: string): HTMLElement[] => {
    const out = new Set<HTMLElement>();
    for (const el of added) {
      if (!el.isConnected) continue;
      if (isHTMLElement(el) && safeMatches(el, selector)) out.add(el);
      else for (const b of safeQueryAll(el, selector)) out.add(b);
    }
    return [...out];
  };

  const candidatesNow = (): HTMLElement[] => {
    if (full || options.events || bubbleSelector === null) {
      full = false;
      if (options.events) return listBubbles(list ?? doc, { events: true });
      const all = queryAll(list ?? doc, 'bubble');
      bubbleSelector = all.candidate >= 0 ? (candidatesOf('bubble')[all.candidate] ?? null) : null;
      return all.els;
    }
    return [...addedBubbles(bubbleSelector), ...[...changed].filter((el) => el.isConnected)];
  };

  const scan = (): void => {
    if (stopped || hidden(doc)) return;
    const before = list;
    attach();
    if (list !== before) full = true;
    const fresh = candidatesNow().filter((el) => !seen.has(el) || changed.has(el));
    changed.clear();
    added.clear();
    if (fresh.length === 0) return;
    for (const el of fresh) seen.add(el);
    try {
      onBubbles(fresh);
    } catch (error) {
      options.onError?.(error);
    }
  };

  const batcher = createBatcher(view, options.batch ?? 'frame', scan);
  /** Seen bubbles whose content changed since the last scan. */
  const changed = new Set<HTMLElement>();
  const listObserver = new view.MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        if (onlyOwnNodes(record)) continue;
        for (const node of Array.from(record.addedNodes)) if (node.nodeType === 1) added.add(node as Element);
        if (record.target === list) continue;
      }
      const bubble = bubbleAround(record.target);
      if (!bubble || !isHTMLElement(bubble)) continue;
      // An element that only now looks like a bubble (its id was set) is new to us.
      if (seen.has(bubble)) changed.add(bubble);
      else added.add(bubble);
    }
    batcher.schedule();
  });
  const rescanAll = (): void => {
    full = true;
    batcher.schedule();
  };
  const shellObserver = new view.MutationObserver(rescanAll);
  const onVisibility = (): void => {
    if (!hidden(doc)) rescanAll();
  };
  doc.addEventListener('visibilitychange', onVisibility);
  const period = options.safetyIntervalMs ?? 15_000;
  const timer = period > 0 ? view.setInterval(rescanAll, period) : undefined;

  signal.addEventListener(
    'abort',
    () => {
      stopped = true;
      changed.clear();
      added.clear();
      batcher.cancel();
      listObserver.disconnect();
      shellObserver.disconnect();
      doc.removeEventListener('visibilitychange', onVisibility);
      if (timer !== undefined) view.clearInterval(timer);
    },
    { once: true },
  );

  attach();
  batcher.schedule();
  return { rescan: rescanAll };
}

export interface ThreadChangeOptions {
  signal: AbortSignal;
  batch?: BatchMode;
  onError?: (error: unknown) => void;
}

function sameThread(a: ThreadInfo | null, b: ThreadInfo | null): boolean {
  return a?.id === b?.id && a?.name === b?.name;
}

/**
 * Calls `cb(thread, previous)` once at start (when a thread is open) and whenever the open
 * thread's id or name changes. Watches `#container` (or `body`) for structure, text and class
 * changes, batched, so a burst of React commits costs one `currentThread` read.
 */
export function onThreadChange(
  doc: Document,
  cb: (thread: ThreadInfo | null, previous: ThreadInfo | null) => void,
  options: ThreadChangeOptions,
): void {
  const { signal } = options;
  const view = doc.defaultView;
  if (!view || signal.aborted) return;
  let last: ThreadInfo | null = null;

  const check = (): void => {
    if (signal.aborted || hidden(doc)) return;
    const now = currentThread(doc);
    if (sameThread(now, last)) return;
    const previous = last;
    last = now;
    try {
      cb(now, previous);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const batcher = createBatcher(view, options.batch ?? 'frame', check);
  const observer = new view.MutationObserver(() => batcher.schedule());
  const target = doc.getElementById('container') ?? doc.body ?? doc.documentElement;
  observer.observe(target, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class', 'anim-data-id'],
  });
  const onVisibility = (): void => {
    if (!hidden(doc)) batcher.schedule();
  };
  doc.addEventListener('visibilitychange', onVisibility);
  signal.addEventListener(
    'abort',
    () => {
      batcher.cancel();
      observer.disconnect();
      doc.removeEventListener('visibilitychange', onVisibility);
    },
    { once: true },
  );
  batcher.schedule();
}
