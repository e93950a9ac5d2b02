import { defineFeature } from '../feature';
import * as zalo from '../../zalo';
import type { LogEntry, LogAction } from '../../log/schema';
import type { CategoryId } from '../../domain/categories';
import { createT, type MessageKey } from '../../i18n';
import type { LadderStep } from '../../domain/ladder';
import type { StrikeInfo } from '../../messages/protocol';
import { clauseText } from '../../domain/clauses';
import { nextOpenFlag, recordError, withAction, type FlaggedMessage } from '../store';
import { primaryFlag, type InsertOutcome, type OverlayCore } from '../core';
import { logKeys } from '../keys';

/** Every log action can be recorded from the flag card. */
export type RecordableAction = LogAction;

/** What the flag card can do about a flagged message. */
export interface ModerationActions {
  /**
   * Inserts the words of a ladder step (reminder, warning, removal proposal) for the admin to send;
   * an unsent draft is kept, the words go after it.
   */
  remind(cliMsgId: string, step?: LadderStep): Promise<InsertOutcome>;
  openMessageMenu(cliMsgId: string): Promise<boolean>;
  openMembers(): Promise<boolean>;
  record(
    cliMsgId: string,
    action: RecordableAction,
    opts?: { note?: string; allowTerms?: string[]; categories?: CategoryId[] },
  ): Promise<void>;
  strikes(cliMsgId: string): Promise<StrikeInfo>;
  history(): Promise<LogEntry[]>;
  /**
   * After a decision the card moves on to the group's next open message (or closes), and what was
   * done stays readable in the notice.
   */
  moveOn(cliMsgId: string, notice: string): void;
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

/**
 * The reminder starts with a real @mention (the member is notified) when Zalo's member list can
 * be used; otherwise the same words go in as plain text.
 */
async function insertReminder(core: OverlayCore, item: FlaggedMessage, step: LadderStep): Promise<InsertOutcome> {
  const { doc, t } = core;
  const text = reminderText(item, step);
  const help = t('card.stepHelp');
  // Never wipe what the admin was typing: the words go after the draft, one blank line between.
  if (zalo.composerDraft(doc).trim()) return core.insertOrCopy(text, help, { afterDraft: true });
  const lead = `@${item.senderName}`;
  let typedOnly = false;
  if (item.senderName && text.includes(lead) && zalo.clearComposer(doc).ok) {
    const [before, after] = [text.slice(0, text.indexOf(lead)), text.slice(text.indexOf(lead) + lead.length)];
    const head = before ? zalo.insertIntoComposer(doc, before) : { ok: true as const };
    const mention = head.ok ? await zalo.insertMention(doc, item.senderName) : null;
    if (mention?.ok) {
      // Zalo puts a space after the chip; the leading space keeps the read-back comparison exact.
      const tail = zalo.insertIntoComposer(doc, ` ${after.replace(/^\s+/, '')}`, { mode: 'append' });
      if (tail.ok) return { ok: true, method: 'composer', message: help };
    }
    // Not picked from Zalo's list: the words go in with the name as plain text, and the admin is told.
    typedOnly = mention !== null && !mention.ok;
  }
  const out = await core.insertOrCopy(text, help);
  if (typedOnly && out.ok) out.message = `${out.message} ${t('mention.typed', { name: item.senderName })}`;
  return out;
}

function moderationActions(core: OverlayCore): ModerationActions {
  const { doc, store, t, send } = core;
  const threadOf = () => store.get().thread;
  const memberOf = (item: FlaggedMessage) => ({ name: item.senderName, ...(item.fromUid ? { uid: item.fromUid } : {}) });
  return {
    async remind(cli, step = 'remind') {
      const item = core.findFlagged(cli);
      if (!item) return { ok: false, method: 'none', message: '' };
      const out = await insertReminder(core, item, step);
      store.set({ announcement: out.message });
      return out;
    },
    async openMessageMenu(cli) {
      const el = core.bubbleEl(cli);
      if (!el) return false;
      return (await zalo.openMessageMenu(doc, el)).ok;
    },
    async openMembers() {
      return (await zalo.openMemberPanel(doc)).ok;
    },
    async record(cli, action, opts = {}) {
      const item = core.findFlagged(cli);
      const thread = threadOf();
      if (!item || !thread) return;
      const at = core.now();
      const categories = opts.categories ?? item.flags.map((f) => f.category);
      // One decision per message, filed under its most serious category, so a message that breaks
      // two clauses counts as one strike for the member.
      const flag = primaryFlag(item.flags.filter((f) => categories.includes(f.category)));
      const category = flag?.category ?? categories[0];
      const outcome = t(`action.${action}` as MessageKey);
      core.log(logKeys.action(thread.id, cli, action, at.getTime()), thread, at, {
        kind: 'action',
        action,
        member: memberOf(item),
        messageId: cli,
        category,
        clause: flag?.clause,
        severity: flag?.severity,
        ...(category && item.seqs[category] ? { ref: item.seqs[category] } : {}),
        ...(opts.note ? { note: opts.note } : {}),
        outcome,
      });
      store.set((s) => ({
        flagged: s.flagged.map((f) => (f.cliMsgId === cli && f.threadId === thread.id ? withAction(f, action) : f)),
        announcement: t('card.recorded', { action: outcome }),
      }));
      // Admin decisions teach the checks for this group, once per message however many outcomes follow.
      if (action === 'note' || item.actions.some((a) => a !== 'note')) return;
      const label = action === 'dismissed' ? 'clean' : 'violation';
      await send({ type: 'sample.add', chainId: thread.id, label, text: item.text, category }).catch((e) =>
        recordError(store, 'sample', e),
      );
      if (action === 'dismissed' && opts.allowTerms?.length) {
        await send({ type: 'group.allowTerms', threadId: thread.id, terms: opts.allowTerms });
        await core.loadSession(thread);
      } else {
        core.checker.addSample({ label, text: item.text, category });
      }
    },
    moveOn(cli, notice) {
      const thread = threadOf();
      store.set((s) => {
        const next = thread ? nextOpenFlag(s.flagged, thread.id, cli) : null;
        return { cardFor: next, notice: `${notice} ${t(next ? 'notice.next' : 'notice.allDone')}` };
      });
    },
    async strikes(cli) {
      const item = core.findFlagged(cli);
      const thread = threadOf();
      if (!item || !thread) return { count: 0, entries: [], nextStep: 'remind' };
      return send({ type: 'strikes.get', chainId: thread.id, member: memberOf(item), category: primaryFlag(item.flags)?.category });
    },
    async history() {
      const thread = threadOf();
      if (!thread) return [];
      return send({ type: 'log.query', chainId: thread.id, limit: 50 });
    },
  };
}

/** One- or two-click decisions on a flagged message, each written to the log and learned from. */
export const moderationFeature = defineFeature({
  id: 'moderation',
  description: 'Xử lý tin bị gắn cờ: chèn lời nhắc có nhắc tên, ghi quyết định vào nhật ký, xem lần vi phạm trước và học từ quyết định.',
  actions: moderationActions,
});
