import { defineFeature } from '../feature';
import * as zalo from '../../zalo';
import type { BubbleInfo } from '../../zalo';
import type { Flag } from '../../rules/flag';
import type { MessageKey } from '../../i18n';
import { upsertFlagged, recordError, type FlaggedMessage } from '../store';
import { primaryFlag, type OverlayCore } from '../core';
import { logKeys, messageKey } from '../keys';
import { clearBadge, setBadge } from '../badge';
import { clearLinkChip, setLinkChip } from '../link-chip';
import type { UnverifiedLink } from '../../rules/unverified';

/** Longest slice of work we do on Zalo's main thread before yielding (keeps us far below 50 ms). */
export const SLICE_BUDGET_MS = 5;

/**
 * Processes queued bubbles in short slices so a burst (2,000 bubbles of history) never makes a
 * long task; new messages still get their marks within a few milliseconds.
 */
export function createSliceQueue(
  work: (el: HTMLElement) => void,
  opts: { now: () => number; schedule: (fn: () => void) => void; onSlice?: (start: number, end: number, count: number) => void },
) {
  let queue: HTMLElement[] = [];
  let head = 0;
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    const start = opts.now();
    let n = 0;
    while (head < queue.length) {
      const el = queue[head++];
      if (el.isConnected) work(el);
      n++;
      if (opts.now() - start >= SLICE_BUDGET_MS) break;
    }
    if (head >= queue.length) {
      queue = [];
      head = 0;
    }
    opts.onSlice?.(start, opts.now(), n);
    if (head < queue.length) kick();
  };
  const kick = () => {
    if (scheduled) return;
    scheduled = true;
    opts.schedule(drain);
  };
  return {
    push(els: readonly HTMLElement[]) {
      if (!els.length) return;
      queue.push(...els);
      kick();
    },
    get pending() {
      return queue.length - head;
    },
  };
}

/** How long a received bubble without data-qid is given to get it back before it is read anyway. */
const QID_WAIT_MS = 250;

/** Sidebar ids carry a "g" prefix for groups; ids in a bubble's data-qid may not. */
export function sameThread(a: string, b: string): boolean {
  const bare = (x: string) => x.replace(/^g/, '');
  return bare(a) === bare(b);
}

interface Seen {
  info: BubbleInfo;
  flags: Flag[];
  /** Links with no reason to flag and not known: a grey chip, never a flag. */
  unverified: UnverifiedLink[];
}

/**
 * Reads, checks and marks bubbles. processBubble buffers what it found; commit publishes it as one
 * store update (so one overlay render per slice of work).
 */
export function createBubbleChecking(core: OverlayCore, signal?: AbortSignal) {
  const { doc, store, t } = core;
  const results = new Map<string, Seen>();
  /** Element → the bubble id it was deferred for (an element reused for another message may defer again). */
  const deferredOnce = new WeakMap<HTMLElement, string>();
  /** Element → the bubble id we already waited for its data-qid (Zalo drops it while re-rendering a recycled row). */
  const waitedForQid = new WeakMap<HTMLElement, string>();
  const senders = core.senders;
  /** Pending data-qid waits, cleared together on teardown (one abort listener, not one per wait). */
  const qidTimers = new Set<ReturnType<typeof setTimeout>>();
  signal?.addEventListener('abort', () => qidTimers.forEach(clearTimeout), { once: true });
  let newlyChecked = 0;
  let newlyFlagged: FlaggedMessage[] = [];

  function commit(): void {
    if (newlyChecked === 0 && newlyFlagged.length === 0) return;
    const flaggedNow = newlyFlagged;
    const checked = newlyChecked;
    newlyChecked = 0;
    newlyFlagged = [];
    store.set((s) => {
      let flagged = s.flagged;
      for (const item of flaggedNow) flagged = upsertFlagged(flagged, item);
      const last = flaggedNow[flaggedNow.length - 1];
      return {
        checked: s.checked + checked,
        flagged,
        announcement: last ? `${t('card.title')}: ${last.senderName} – ${core.categoriesLabel(last.flags)}` : s.announcement,
      };
    });
  }

  function markUnverified(el: HTMLElement, seen: Seen): void {
    if (seen.unverified.length === 0) {
      clearLinkChip(el);
      return;
    }
    setLinkChip(doc, el, {
      text: t('linkChip.label', { sites: seen.unverified.map((u) => u.domain).join(', ') }),
      sites: seen.unverified.map((u) => ({ domain: u.domain, button: t('linkChip.trust'), label: t('linkChip.trustLabel', { domain: u.domain }) })),
      onTrust: (domain) => void trustDomain(seen.info.cliMsgId, domain),
    });
  }

  /** "Tin cậy tên miền này cho nhóm": the background adds it to the group's allow list and logs it; then re-check. */
  async function trustDomain(cliMsgId: string, domain: string): Promise<void> {
    const thread = store.get().thread;
    const session = core.session();
    if (!thread || !session) return;
    try {
      await core.send({
        type: 'group.trustDomain',
        key: `trust:${thread.id}:${domain}:${cliMsgId}`,
        threadId: thread.id,
        domain,
        body: {
          chainId: thread.id,
          time: core.now().toISOString(),
          kind: 'action',
          action: 'note',
          group: { threadId: thread.id, name: thread.name },
          place: { thon: session.group.thon, xa: session.group.xa, tinh: session.group.tinh },
          messageId: cliMsgId,
          note: t('linkChip.logNote', { domain }),
          admin: session.global.adminName,
        },
      });
      await core.loadSession(thread);
      for (const seen of results.values()) Object.assign(seen, core.checker.checkFull(seen.info.text, seen.info.links));
      for (const el of zalo.listBubbles(doc)) {
        const seen = results.get(messageKey(thread.id, zalo.cliMsgIdOf(el) ?? ''));
        if (seen && el.getAttribute('data-zgg-checked') === el.id) mark(el, seen);
      }
    } catch (e) {
      recordError(store, 'trust', e);
    }
  }

  /** Messages the admin judged "Không vi phạm" this visit: no outline, badge or flags stand on them. */
  const dismissed = new Set<string>();
  let lastFlagged: readonly FlaggedMessage[] = [];

  /** Follows decisions recorded on the card: a dismissed message is re-marked at once, not after a reload. */
  function followDecisions(): void {
    const { flagged, thread } = store.get();
    if (flagged === lastFlagged || !thread) return;
    lastFlagged = flagged;
    for (const f of flagged) {
      const key = messageKey(f.threadId, f.cliMsgId);
      if (f.status !== 'dismissed' || dismissed.has(key)) continue;
      dismissed.add(key);
      const seen = results.get(key);
      const el = f.threadId === thread.id ? core.bubbleEl(f.cliMsgId) : null;
      if (seen && el && el.getAttribute('data-zgg-checked') === el.id) mark(el, seen);
    }
  }

  /** Contract: data-zgg-checked holds the id of the bubble read; an element reused for another message never keeps the old verdict. */
  function mark(el: HTMLElement, seen: Seen): void {
    el.setAttribute('data-zgg-checked', seen.info.domId || el.id);
    markUnverified(el, seen);
    const thread = store.get().thread;
    if (seen.flags.length === 0 || (thread && dismissed.has(messageKey(thread.id, seen.info.cliMsgId)))) {
      el.removeAttribute('data-zgg-flags');
      clearBadge(el);
      return;
    }
    el.setAttribute('data-zgg-flags', seen.flags.map((f) => f.category).join(' '));
    const label = t('badge.label', { categories: core.categoriesLabel(seen.flags) });
    setBadge(doc, el, {
      count: seen.flags.length,
      text: `⚠ ${t(`category.${(primaryFlag(seen.flags) ?? seen.flags[0]).category}` as MessageKey)}${seen.flags.length > 1 ? ` +${seen.flags.length - 1}` : ''}`,
      label,
      onOpen: () => core.ui.openCard(seen.info.cliMsgId),
    });
  }

  function noteFlagged(seen: Seen): void {
    const thread = store.get().thread;
    if (!thread || seen.flags.length === 0) return;
    const info = seen.info;
    const existing =
      newlyFlagged.find((f) => f.cliMsgId === info.cliMsgId && f.threadId === thread.id) ??
      store.get().flagged.find((f) => f.cliMsgId === info.cliMsgId && f.threadId === thread.id);
    const item: FlaggedMessage = {
      threadId: thread.id,
      cliMsgId: info.cliMsgId,
      senderName: info.senderName ?? '',
      fromUid: info.fromUid,
      time: info.time,
      text: info.text,
      flags: seen.flags,
      status: 'open',
      actions: [],
      seqs: {},
      seenAt: existing?.seenAt ?? Date.now(),
    };
    newlyFlagged = upsertFlagged(newlyFlagged, item);
    for (const f of seen.flags) {
      if (existing?.flags.some((x) => x.category === f.category)) continue;
      core.log(logKeys.flag(thread.id, info.cliMsgId, f.category), thread, core.now(), {
        // The id's timestamp: history read late still files under the day it was sent.
        ...(info.sentAt !== undefined ? { messageTime: new Date(info.sentAt).toISOString() } : {}),
        kind: 'flag',
        member: { name: info.senderName ?? '', ...(info.fromUid ? { uid: info.fromUid } : {}) },
        messageId: info.cliMsgId,
        category: f.category,
        clause: f.clause,
        severity: f.severity,
        evidence: f.evidence.map((e) => e.text),
        text: info.text,
        ...(f.ruleId ? { note: `rule:${f.ruleId}` } : {}),
      });
    }
  }

  function unmark(el: HTMLElement): void {
    clearLinkChip(el);
    if (!el.hasAttribute('data-zgg-checked') && !el.hasAttribute('data-zgg-flags')) return;
    el.removeAttribute('data-zgg-checked');
    el.removeAttribute('data-zgg-flags');
    clearBadge(el);
  }

  /** 'defer' = the group's session is not loaded yet (or the bubble belongs to the group being switched to). */
  function processBubble(el: HTMLElement): 'done' | 'defer' {
    try {
      const thread = store.get().thread;
      const session = core.session();
      if (!thread || !session || session.group.threadId !== thread.id) return 'defer';
      if (!store.get().enabled) return 'done';
      // A recycled row has no data-qid for a moment, so no sender uid: wait for it once (its
      // return re-triggers the watcher) rather than file the message under a neighbour's name.
      // Checked before reading, so the wait costs no read.
      if (waitedForQid.get(el) !== el.id && !zalo.senderUidOf(el) && zalo.queryOne(el, 'messageFrame')) {
        waitedForQid.set(el, el.id);
        unmark(el);
        const timer = setTimeout(() => {
          qidTimers.delete(timer);
          if (signal?.aborted) return;
          if (el.isConnected && waitedForQid.get(el) === el.id && el.getAttribute('data-zgg-checked') !== el.id) {
            processBubble(el);
            commit();
          }
        }, QID_WAIT_MS);
        qidTimers.add(timer);
        return 'done';
      }
      const info = zalo.readBubble(el, { senders });
      if (!info || info.direction !== 'received') {
        // A reused element that now shows our own message: no mark of the previous one stays.
        unmark(el);
        return 'done';
      }
      // Right after a switch the new chat view can be reported before the thread change: never file
      // a message under the previous group.
      // Deferred once only, so an id format we do not expect can never stall checking.
      if (info.threadId && !sameThread(info.threadId, thread.id) && deferredOnce.get(el) !== el.id) {
        deferredOnce.set(el, el.id);
        return 'defer';
      }
      const key = messageKey(thread.id, info.cliMsgId);
      let seen = results.get(key);
      if (seen && seen.info.text !== info.text) seen = undefined; // same id, other text: check again
      if (!seen) {
        seen = { info, ...(info.text ? core.checker.checkFull(info.text, info.links, key) : { flags: [], unverified: [] }) };
        results.set(key, seen);
        newlyChecked++;
        noteFlagged(seen);
      } else if (!seen.info.senderName && info.senderName) {
        seen.info = { ...seen.info, senderName: info.senderName, fromUid: seen.info.fromUid ?? info.fromUid };
        noteFlagged(seen);
      }
      mark(el, { ...seen, info: { ...seen.info, domId: info.domId } });
    } catch (e) {
      recordError(store, 'check', e);
    }
    return 'done';
  }

  /** A blocklist answer arrived after the first check: re-mark every live element of that message. */
  function recheck(key: string): void {
    const seen = results.get(key);
    if (!seen) return;
    Object.assign(seen, core.checker.checkFull(seen.info.text, seen.info.links));
    for (const el of zalo.listBubbles(doc)) {
      if (zalo.cliMsgIdOf(el) === seen.info.cliMsgId && el.getAttribute('data-zgg-checked') === el.id) mark(el, seen);
    }
    noteFlagged(seen);
    commit();
  }

  return { processBubble, commit, recheck, followDecisions };
}

/** Checks every received bubble (new, history, re-created) and marks it per the public contract. */
export const checkMessagesFeature = defineFeature({
  id: 'check-messages',
  description: 'Kiểm tra mọi tin nhắn nhận được theo Quy chế nhóm, gắn nhãn và biểu tượng cảnh báo lên tin vi phạm.',
  run({ doc, store, core }, signal) {
    const checking = createBubbleChecking(core, signal);
    signal.addEventListener('abort', core.onLateFlags(checking.recheck));
    const win = doc.defaultView;
    const perf = win?.performance;
    // `data-zgg-bench` on <html> (set only by our benchmark) exposes slice timings to the page: an
    // isolated world's performance entries are not visible there, the DOM is.
    const bench = doc.documentElement.hasAttribute('data-zgg-bench');
    const benchSlices: [number, number][] = [];
    let held: HTMLElement[] = [];
    // At most one slice is scheduled at a time (the queue's `scheduled` flag): one timer to clear on teardown.
    let sliceTimer: ReturnType<typeof setTimeout> | undefined;
    signal.addEventListener('abort', () => clearTimeout(sliceTimer), { once: true });
    const slices = createSliceQueue((el) => {
      if (checking.processBubble(el) === 'defer') held.push(el);
    }, {
      now: () => perf?.now() ?? Date.now(),
      schedule: (fn) => {
        sliceTimer = setTimeout(fn, 0);
      },
      onSlice: (start, end, count) => {
        checking.commit();
        if (!bench) return;
        benchSlices.push([(perf?.now() ?? end) - start, count]);
        doc.documentElement.setAttribute('data-zgg-bench', JSON.stringify(benchSlices));
      },
    });
    const sessionReady = () => {
      const session = core.session();
      return Boolean(session && session.group.threadId === store.get().thread?.id);
    };
    zalo.watchBubbles(
      doc,
      (els) => {
        // Until the open group's settings arrive, hold bubbles; loading the session releases them.
        if (!sessionReady()) held.push(...els);
        else slices.push(els);
      },
      { signal },
    );
    const unsubscribe = store.subscribe(() => {
      checking.followDecisions();
      if (held.length && sessionReady()) {
        const batch = held.filter((el) => el.isConnected);
        held = [];
        slices.push(batch);
      }
    });
    signal.addEventListener('abort', unsubscribe);
  },
});
