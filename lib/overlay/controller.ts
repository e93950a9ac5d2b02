import type { OverlayStore, FlaggedMessage } from './store';
import { upsertFlagged, recordError } from './store';
import type { OverlayActions, InsertOutcome, RecordableAction, StrikeInfo, TemplateView } from './actions';
import { logKeys, messageKey, type SessionData } from './session';
import { setBadge } from './badge';
import { createT, type Translate, type MessageKey } from '../i18n';
import type { LadderStep } from '../settings/schema';
import type { Flag } from '../rules/flag';
import type { CategoryId } from '../rules/categories';
import type { LogBodyInput, LogEntry } from '../log/schema';
import type { RequestInput } from '../messages/protocol';
import { clauseText } from '../regulation/clauses';
import * as zalo from '../zalo';
import type { BubbleInfo } from '../zalo';
import { createContentChecker, type ContentChecker } from './checker';
import { createTemplateService, type TemplateService } from './templates';

export interface ControllerDeps {
  doc: Document;
  store: OverlayStore;
  t: Translate;
  /** Sends a request to the background and unwraps the envelope (throws on error). */
  send: <T = unknown>(req: RequestInput) => Promise<T>;
  /** Durable log write: persisted first, retried until the background accepts it. */
  enqueueLog: (key: string, body: LogBodyInput) => void;
  copyToClipboard: (text: string) => Promise<boolean>;
  /** Called when a group's session arrives (e.g. to switch the UI language from settings). */
  onSession?: (data: SessionData) => void;
  now?: () => Date;
}

export interface Controller extends OverlayActions {
  /**
   * Reads, checks and marks one bubble element; safe to call repeatedly. 'defer' = the group's
   * session is not loaded yet (or the bubble belongs to the group being switched to): call again later.
   */
  processBubble(el: HTMLElement): 'done' | 'defer';
  /** Publishes what processBubble buffered (one store update, so one overlay render, per slice). */
  commit(): void;
  openThread(thread: NonNullable<ReturnType<typeof zalo.currentThread>>): Promise<void>;
  session(): SessionData | null;
  checker: ContentChecker;
}

/** Sidebar ids carry a "g" prefix for groups; ids in a bubble's data-qid may not. */
export function sameThread(a: string, b: string): boolean {
  const bare = (x: string) => x.replace(/^g/, '');
  return bare(a) === bare(b);
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;
/** Among equally severe flags, the one that says most about what the message does. */
const DECISION_PRIORITY: readonly CategoryId[] = [
  'scam',
  'classified-info',
  'sensitive-topic',
  'gambling-fortune',
  'abusive-language',
  'unverified-news',
  'advertising',
  'strange-link',
];

/** The flag a decision (and the badge) is filed under: most severe first, then DECISION_PRIORITY. */
export function primaryFlag(flags: readonly Flag[]): Flag | undefined {
  return [...flags].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      DECISION_PRIORITY.indexOf(a.category) - DECISION_PRIORITY.indexOf(b.category),
  )[0];
}

interface Seen {
  info: BubbleInfo;
  flags: Flag[];
}

export function createController(deps: ControllerDeps): Controller {
  const { doc, store, t, send } = deps;
  const now = deps.now ?? (() => new Date());
  let session: SessionData | null = null;
  const checker = createContentChecker({
    lookupHosts: (hosts) => send<Record<string, { list: string; matched: string } | null>>({ type: 'blocklist.lookup', hosts }),
    onLateFlags: (key) => {
      // A blocklist answer arrived after the first check: re-mark every live element of that message.
      const seen = results.get(key);
      if (!seen) return;
      seen.flags = checker.check(seen.info.text, seen.info.links);
      for (const el of zalo.listBubbles(doc)) {
        if (zalo.cliMsgIdOf(el) === seen.info.cliMsgId) mark(el, seen);
      }
      noteFlagged(seen);
      commit();
    },
  });
  const templates: TemplateService = createTemplateService({ send, sessionData: () => session, t });
  const results = new Map<string, Seen>();
  let lastInserted: string | null = null;
  const deferredOnce = new WeakSet<HTMLElement>();
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
        announcement: last ? `${t('card.title')}: ${last.senderName} – ${categoriesLabel(last.flags)}` : s.announcement,
      };
    });
  }

  const place = () => ({ thon: session?.group.thon ?? '', xa: session?.group.xa ?? '', tinh: session?.group.tinh ?? '' });
  const admin = () => session?.global.adminName ?? '';
  const threadOf = () => store.get().thread;

  function categoriesLabel(flags: readonly Flag[]): string {
    return flags.map((f) => t(`category.${f.category}` as MessageKey)).join(', ');
  }

  function mark(el: HTMLElement, seen: Seen): void {
    el.setAttribute('data-zgg-checked', '');
    if (seen.flags.length === 0) {
      el.removeAttribute('data-zgg-flags');
      return;
    }
    el.setAttribute('data-zgg-flags', seen.flags.map((f) => f.category).join(' '));
    const label = t('badge.label', { categories: categoriesLabel(seen.flags) });
    setBadge(doc, el, {
      count: seen.flags.length,
      text: `⚠ ${t(`category.${(primaryFlag(seen.flags) ?? seen.flags[0]).category}` as MessageKey)}${seen.flags.length > 1 ? ` +${seen.flags.length - 1}` : ''}`,
      label,
      onOpen: () => actions.openCard(seen.info.cliMsgId),
    });
  }

  function noteFlagged(seen: Seen): void {
    const thread = threadOf();
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
      seqs: {},
      seenAt: existing?.seenAt ?? Date.now(),
    };
    newlyFlagged = upsertFlagged(newlyFlagged, item);
    for (const f of seen.flags) {
      if (existing?.flags.some((x) => x.category === f.category)) continue;
      deps.enqueueLog(logKeys.flag(thread.id, info.cliMsgId, f.category), {
        chainId: thread.id,
        time: now().toISOString(),
        // The id's timestamp: history read late still files under the day it was sent.
        ...(info.sentAt !== undefined ? { messageTime: new Date(info.sentAt).toISOString() } : {}),
        kind: 'flag',
        group: { threadId: thread.id, name: thread.name },
        place: place(),
        member: { name: info.senderName ?? '', ...(info.fromUid ? { uid: info.fromUid } : {}) },
        messageId: info.cliMsgId,
        category: f.category,
        clause: f.clause,
        severity: f.severity,
        evidence: f.evidence.map((e) => e.text),
        text: info.text,
        admin: admin(),
        ...(f.ruleId ? { note: `rule:${f.ruleId}` } : {}),
      });
    }
  }

  function processBubble(el: HTMLElement): 'done' | 'defer' {
    try {
      const thread = threadOf();
      if (!thread || !session || session.group.threadId !== thread.id) return 'defer';
      if (!store.get().enabled) return 'done';
      const info = zalo.readBubble(el);
      if (!info || info.direction !== 'received') return 'done';
      // Right after a switch the new chat view can be reported before the thread change: never file
      // a message under the previous group.
      // Deferred once only, so an id format we do not expect can never stall checking.
      if (info.threadId && !sameThread(info.threadId, thread.id) && !deferredOnce.has(el)) {
        deferredOnce.add(el);
        return 'defer';
      }
      const key = messageKey(thread.id, info.cliMsgId);
      let seen = results.get(key);
      if (!seen) {
        const flags = info.text ? checker.check(info.text, info.links, key) : [];
        seen = { info, flags };
        results.set(key, seen);
        newlyChecked++;
        noteFlagged(seen);
      }
      mark(el, seen);
    } catch (e) {
      recordError(store, 'check', e);
    }
    return 'done';
  }

  async function openThread(thread: NonNullable<ReturnType<typeof zalo.currentThread>>): Promise<void> {
    store.set({ thread, cardFor: null });
    session = null;
    const data = await send<SessionData>({ type: 'session.open', threadId: thread.id, name: thread.name });
    session = data;
    checker.configure(data);
    deps.onSession?.(data);
    store.set({ enabled: data.group.enabled });
  }

  function findFlagged(cli: string): FlaggedMessage | undefined {
    const thread = threadOf();
    return store.get().flagged.find((f) => f.cliMsgId === cli && f.threadId === thread?.id);
  }

  function bubbleEl(cli: string): HTMLElement | null {
    return zalo.listBubbles(doc).find((el) => zalo.cliMsgIdOf(el) === cli) ?? null;
  }

  /** Words posted into the group are Vietnamese whatever the admin's UI language: the group reads them. */
  const groupT = createT('vi');
  const STEP_TEXT: Record<LadderStep, MessageKey> = {
    remind: 'reminder.text',
    warn: 'reminder.warn',
    'propose-removal': 'reminder.propose-removal',
  };
  function reminderText(item: FlaggedMessage, step: LadderStep): string {
    const f = primaryFlag(item.flags) ?? item.flags[0];
    return groupT(STEP_TEXT[step], { name: item.senderName || 'bạn', clause: f.clause, quote: clauseText(f.clause) });
  }

  async function insertOrCopy(text: string, okMessage: string): Promise<InsertOutcome> {
    const res = zalo.insertIntoComposer(doc, text);
    if (res.ok) return { ok: true, method: 'composer', message: okMessage };
    const copied = await deps.copyToClipboard(text);
    return copied
      ? { ok: true, method: 'clipboard', message: t('card.remindClipboard') }
      : { ok: false, method: 'none', message: t('common.error', { message: res.reason }) };
  }

  /**
   * The reminder starts with a real @mention (the member is notified) when Zalo's member list can
   * be used; otherwise the same words go in as plain text.
   */
  async function insertReminder(item: FlaggedMessage, step: LadderStep): Promise<InsertOutcome> {
    const text = reminderText(item, step);
    const help = t('card.stepHelp');
    // Never wipe what the admin was typing: the words go after the draft, one blank line between.
    if (zalo.composerDraft(doc).trim()) {
      const res = zalo.insertIntoComposer(doc, `\n${text}`, { mode: 'append' });
      if (res.ok) return { ok: true, method: 'composer', message: help };
      const copied = await deps.copyToClipboard(text);
      return copied
        ? { ok: true, method: 'clipboard', message: t('card.remindClipboard') }
        : { ok: false, method: 'none', message: t('common.error', { message: res.reason }) };
    }
    const lead = `@${item.senderName}`;
    if (item.senderName && text.includes(lead) && zalo.clearComposer(doc).ok) {
      const [before, after] = [text.slice(0, text.indexOf(lead)), text.slice(text.indexOf(lead) + lead.length)];
      const head = before ? zalo.insertIntoComposer(doc, before) : { ok: true as const };
      if (head.ok && (await zalo.insertMention(doc, item.senderName)).ok) {
        // Zalo puts a space after the chip; the leading space keeps the read-back comparison exact.
        const tail = zalo.insertIntoComposer(doc, ` ${after.replace(/^\s+/, '')}`, { mode: 'append' });
        if (tail.ok) return { ok: true, method: 'composer', message: help };
      }
    }
    return insertOrCopy(text, help);
  }

  const actions: Controller = {
    processBubble,
    commit,
    openThread,
    checker,
    session: () => session,
    togglePanel(open) {
      store.set((s) => ({ panelOpen: open ?? !s.panelOpen }));
    },
    openCard(cli) {
      store.set({ cardFor: cli, pickerOpen: false });
    },
    jumpTo(cli) {
      const el = bubbleEl(cli);
      if (!el) return false;
      el.scrollIntoView({ block: 'center', behavior: 'auto' });
      return true;
    },
    async remind(cli, step = 'remind') {
      const item = findFlagged(cli);
      if (!item) return { ok: false, method: 'none', message: '' };
      const out = await insertReminder(item, step);
      store.set({ announcement: out.message });
      return out;
    },
    async openMessageMenu(cli) {
      const el = bubbleEl(cli);
      if (!el) return false;
      return (await zalo.openMessageMenu(doc, el)).ok;
    },
    async openMembers() {
      return (await zalo.openMemberPanel(doc)).ok;
    },
    async record(cli, action: RecordableAction, opts = {}) {
      const item = findFlagged(cli);
      const thread = threadOf();
      if (!item || !thread) return;
      const at = now();
      const categories = opts.categories ?? item.flags.map((f) => f.category);
      // One decision per message, filed under its most serious category, so a message that breaks
      // two clauses counts as one strike for the member.
      const flag = primaryFlag(item.flags.filter((f) => categories.includes(f.category)));
      const category = flag?.category ?? categories[0];
      deps.enqueueLog(logKeys.action(thread.id, cli, action, at.getTime()), {
        chainId: thread.id,
        time: at.toISOString(),
        kind: 'action',
        action,
        group: { threadId: thread.id, name: thread.name },
        place: place(),
        member: { name: item.senderName, ...(item.fromUid ? { uid: item.fromUid } : {}) },
        messageId: cli,
        category,
        clause: flag?.clause,
        severity: flag?.severity,
        admin: admin(),
        ...(category && item.seqs[category] ? { ref: item.seqs[category] } : {}),
        ...(opts.note ? { note: opts.note } : {}),
        outcome: t(`action.${action}` as MessageKey),
      });
      if (action === 'note') return;
      // Admin decisions teach the checks for this group.
      const label = action === 'dismissed' ? 'clean' : 'violation';
      await send({ type: 'sample.add', chainId: thread.id, label, text: item.text, category }).catch((e) =>
        recordError(store, 'sample', e),
      );
      if (action === 'dismissed' && opts.allowTerms?.length) {
        await send({ type: 'group.allowTerms', threadId: thread.id, terms: opts.allowTerms });
        const data = await send<SessionData>({ type: 'session.open', threadId: thread.id, name: thread.name });
        session = data;
        checker.configure(data);
      } else {
        checker.addSample({ label, text: item.text, category });
      }
      store.set((s) => ({
        flagged: s.flagged.map((f) =>
          f.cliMsgId === cli && f.threadId === thread.id
            ? { ...f, status: action === 'dismissed' ? 'dismissed' : 'handled', outcome: t(`action.${action}` as MessageKey) }
            : f,
        ),
        announcement: t('card.recorded', { action: t(`action.${action}` as MessageKey) }),
      }));
    },
    async strikes(cli): Promise<StrikeInfo> {
      const item = findFlagged(cli);
      const thread = threadOf();
      if (!item || !thread) return { count: 0, entries: [], nextStep: 'remind' };
      const worst = primaryFlag(item.flags);
      return send<StrikeInfo>({
        type: 'strikes.get',
        chainId: thread.id,
        member: { name: item.senderName, ...(item.fromUid ? { uid: item.fromUid } : {}) },
        category: worst?.category,
      });
    },
    async history() {
      const thread = threadOf();
      if (!thread) return [];
      return send<LogEntry[]>({ type: 'log.query', chainId: thread.id, limit: 50 });
    },
    openDashboard() {
      void send({ type: 'dashboard.open' }).catch((e) => recordError(store, 'dashboard', e));
    },
    togglePicker(open) {
      store.set((s) => ({ pickerOpen: open ?? !s.pickerOpen, cardFor: null }));
    },
    listTemplates: (query, kind): Promise<TemplateView[]> => templates.list(query, kind),
    templateKinds: () => templates.kinds(),
    preview: (id, values) => templates.preview(id, values),
    async insertTemplate(id, values) {
      const thread = threadOf();
      const rendered = await templates.render(id, values);
      if (!rendered.ok || !thread) return { ok: false, method: 'none', message: t('picker.missing', { fields: rendered.missing.join(', ') }) };
      const at = now();
      const base = {
        chainId: thread.id,
        time: at.toISOString(),
        group: { threadId: thread.id, name: thread.name },
        place: place(),
        admin: admin(),
        templateId: id,
      };
      if (rendered.poll) {
        const opened = await zalo.openPollDialog(doc);
        if (!opened.ok) return { ok: false, method: 'none', message: t('picker.pollFailed') };
        const filled = await zalo.fillPoll(doc, rendered.poll);
        if (!filled.ok) return { ok: false, method: 'none', message: t('picker.pollFailed') };
        deps.enqueueLog(logKeys.notice(thread.id, id, at.getTime()), {
          ...base,
          kind: 'poll',
          text: [rendered.poll.question, ...rendered.poll.options].join('\n'),
          outcome: 'filled',
        });
        const settings = rendered.settingsHint ? ` ${t('picker.pollSettings', { settings: rendered.settingsHint })}` : '';
        return { ok: true, method: 'composer', message: t('picker.pollFilled', { n: filled.filled }) + settings };
      }
      const out = await insertOrCopy(rendered.text, t('picker.inserted'));
      if (out.method === 'clipboard') out.message = t('picker.clipboard');
      if (out.ok) {
        lastInserted = rendered.text;
        deps.enqueueLog(logKeys.notice(thread.id, id, at.getTime()), {
          ...base,
          kind: 'notice',
          text: rendered.text,
          outcome: out.method,
        });
      }
      return out;
    },
    async pinLastSent() {
      const thread = threadOf();
      if (!lastInserted || !thread) return { ok: false, method: 'none', message: t('picker.pinFailed') };
      const bubble = zalo.findBubbleByText(doc, lastInserted, { direction: 'sent' });
      if (!bubble) return { ok: false, method: 'none', message: t('picker.pinFailed') };
      const res = await zalo.pinMessage(doc, bubble);
      if (!res.ok) return { ok: false, method: 'none', message: t('picker.pinFailed') };
      const at = now();
      deps.enqueueLog(`pin:${thread.id}:${zalo.cliMsgIdOf(bubble) ?? at.getTime()}`, {
        chainId: thread.id,
        time: at.toISOString(),
        kind: 'pin',
        group: { threadId: thread.id, name: thread.name },
        place: place(),
        admin: admin(),
        messageId: zalo.cliMsgIdOf(bubble) ?? undefined,
        text: lastInserted,
        outcome: 'pinned',
      });
      lastInserted = null;
      store.set({ noticePinned: true });
      return { ok: true, method: 'composer', message: t('picker.pinned') };
    },
  };
  return actions;
}

export type { CategoryId };
