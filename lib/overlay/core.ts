import { recordError, type OverlayStore, type OverlayState, type FlaggedMessage } from './store';
import type { Translate, MessageKey } from '../i18n';
import type { Flag } from '../rules/flag';
import type { CategoryId } from '../domain/categories';
import type { LogBodyInput } from '../log/schema';
import type { SessionData } from '../messages/protocol';
import type { Send } from '../messages/client';
import * as zalo from '../zalo';
import { createContentChecker, type ContentChecker } from './checker';

/** The open conversation as the overlay keeps it (lib/zalo's ThreadInfo fits). */
export type ThreadRef = NonNullable<OverlayState['thread']>;

export interface InsertOutcome {
  ok: boolean;
  method: 'composer' | 'clipboard' | 'none';
  message: string;
}

export interface OverlayDeps {
  doc: Document;
  store: OverlayStore;
  t: Translate;
  /** Typed request to the background; throws on the background's error. */
  send: Send;
  /** Durable log write: persisted first, retried until the background accepts it. */
  enqueueLog: (key: string, body: LogBodyInput) => void;
  copyToClipboard: (text: string) => Promise<boolean>;
  /** Called when a group's session arrives (e.g. to switch the UI language from settings). */
  onSession?: (data: SessionData) => void;
  now?: () => Date;
}

/** What the panel, cards and feature sections can do to the overlay itself (no Zalo action). */
export interface PanelActions {
  togglePanel(open?: boolean): void;
  openCard(cliMsgId: string | null): void;
  /** Scrolls Zalo's chat to the message; false when it is not rendered (virtualised away). */
  jumpTo(cliMsgId: string): boolean;
  openDashboard(): void;
  /** Opens or closes the template picker; `templateId` preselects one (e.g. the Nội quy). */
  togglePicker(open?: boolean, templateId?: string): void;
}

/** Fields of a log entry beyond the ones every entry of the open group shares. */
export type LogFields = Omit<LogBodyInput, 'chainId' | 'time' | 'group' | 'place' | 'admin'>;

/**
 * What every overlay feature shares: the open group and its session, the content checker, the log,
 * the composer fallback. Features build on this; none of them reaches into another.
 */
export interface OverlayCore {
  readonly doc: Document;
  readonly store: OverlayStore;
  readonly t: Translate;
  readonly send: Send;
  now(): Date;
  /** Settings and samples of the open group; null until they arrive (and during a switch). */
  session(): SessionData | null;
  /** Loads the group's session (settings, overrides, samples) and configures the checker with it. */
  loadSession(thread: ThreadRef): Promise<SessionData>;
  /** Makes `thread` the open group: clears what belonged to the previous one, then loads its session. */
  openThread(thread: ThreadRef): Promise<void>;
  readonly checker: ContentChecker;
  /** uid → name, fed by every bubble read, the member list and mentions (one directory per tab). */
  readonly senders: zalo.SenderDirectory;
  /** A blocklist answer arrived after a message's first check: listeners re-check that message key. */
  onLateFlags(listener: (key: string) => void): () => void;
  /** A message was pinned through the overlay. */
  onPinned(listener: () => void): () => void;
  notifyPinned(): void;
  /** The one place a log entry is assembled: group, place and admin come from the open session. */
  log(key: string, thread: ThreadRef, at: Date, fields: LogFields): void;
  /** `afterDraft`: the text goes after what the admin was typing, one blank line between. */
  insertOrCopy(text: string, okMessage: string, opts?: { afterDraft?: boolean }): Promise<InsertOutcome>;
  findFlagged(cliMsgId: string): FlaggedMessage | undefined;
  bubbleEl(cliMsgId: string): HTMLElement | null;
  categoriesLabel(flags: readonly Flag[]): string;
  readonly ui: PanelActions;
}

function listeners<T extends unknown[]>() {
  const set = new Set<(...args: T) => void>();
  return {
    add(fn: (...args: T) => void) {
      set.add(fn);
      return () => void set.delete(fn);
    },
    emit: (...args: T) => set.forEach((fn) => fn(...args)),
  };
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

export function createOverlayCore(deps: OverlayDeps): OverlayCore {
  const { doc, store, t, send } = deps;
  const now = deps.now ?? (() => new Date());
  let session: SessionData | null = null;
  const late = listeners<[string]>();
  const pinned = listeners<[]>();
  const checker = createContentChecker({
    lookupHosts: (hosts) => send({ type: 'blocklist.lookup', hosts }),
    onLateFlags: late.emit,
  });
  const threadOf = () => store.get().thread;

  async function loadSession(thread: ThreadRef): Promise<SessionData> {
    const data = await send({ type: 'session.open', threadId: thread.id, name: thread.name });
    session = data;
    checker.configure(data);
    deps.onSession?.(data);
    return data;
  }

  const ui: PanelActions = {
    togglePanel(open) {
      store.set((s) => ({ panelOpen: open ?? !s.panelOpen }));
    },
    openCard(cli) {
      // Opened by the admin: the notice of an earlier action is not about this message.
      store.set({ cardFor: cli, pickerOpen: false, notice: '' });
    },
    jumpTo(cli) {
      const el = core.bubbleEl(cli);
      if (!el) return false;
      el.scrollIntoView({ block: 'center', behavior: 'auto' });
      return true;
    },
    openDashboard() {
      void send({ type: 'dashboard.open' }).catch((e) => recordError(store, 'dashboard', e));
    },
    togglePicker(open, templateId) {
      store.set((s) => ({ pickerOpen: open ?? !s.pickerOpen, cardFor: null, pickerTemplate: templateId ?? null }));
    },
  };

  const core: OverlayCore = {
    doc,
    store,
    t,
    send,
    now,
    session: () => session,
    loadSession,
    async openThread(thread) {
      store.set({ thread, cardFor: null });
      session = null;
      const data = await loadSession(thread);
      store.set({ enabled: data.group.enabled });
    },
    checker,
    senders: zalo.createSenderDirectory(),
    onLateFlags: late.add,
    onPinned: pinned.add,
    notifyPinned: pinned.emit,
    log(key, thread, at, fields) {
      deps.enqueueLog(key, {
        chainId: thread.id,
        time: at.toISOString(),
        group: { threadId: thread.id, name: thread.name },
        place: { thon: session?.group.thon ?? '', xa: session?.group.xa ?? '', tinh: session?.group.tinh ?? '' },
        admin: session?.global.adminName ?? '',
        ...fields,
      });
    },
    async insertOrCopy(text, okMessage, opts = {}) {
      const res = opts.afterDraft
        ? zalo.insertIntoComposer(doc, `\n${text}`, { mode: 'append' })
        : zalo.insertIntoComposer(doc, text);
      if (res.ok) return { ok: true, method: 'composer', message: okMessage };
      const copied = await deps.copyToClipboard(text);
      return copied
        ? { ok: true, method: 'clipboard', message: t('card.remindClipboard') }
        : { ok: false, method: 'none', message: t('common.error', { message: res.reason }) };
    },
    findFlagged(cli) {
      const thread = threadOf();
      return store.get().flagged.find((f) => f.cliMsgId === cli && f.threadId === thread?.id);
    },
    bubbleEl(cli) {
      return zalo.listBubbles(doc).find((el) => zalo.cliMsgIdOf(el) === cli) ?? null;
    },
    categoriesLabel(flags) {
      return flags.map((f) => t(`category.${f.category}` as MessageKey)).join(', ');
    },
    ui,
  };
  return core;
}
