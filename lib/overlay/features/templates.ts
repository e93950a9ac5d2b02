import { defineFeature } from '../feature';
import * as zalo from '../../zalo';
import { createTemplateService, type TemplateView } from '../templates';
import type { InsertOutcome } from '../core';
import { logKeys } from '../keys';
import { recordError } from '../store';

const PLACE_FIELDS = ['thon', 'xa', 'tinh'] as const;

/** What the template picker can do. */
export interface TemplateActions {
  listTemplates(query: string, kind: string): Promise<TemplateView[]>;
  templateKinds(): { id: string; label: string }[];
  preview(id: string, values: Record<string, string>): Promise<{ ok: boolean; text: string; missing: string[] }>;
  /** A notice goes into the composer (the admin presses Send); a poll fills Zalo's poll dialog. */
  insertTemplate(id: string, values: Record<string, string>): Promise<InsertOutcome>;
  /** Pins the notice the admin just sent, found by its text among the sent bubbles. */
  pinLastSent(): Promise<InsertOutcome>;
}

/** Standard notices and polls from templates, inserted for the admin to send, then pinned. */
export const templatesFeature = defineFeature({
  id: 'templates',
  description: 'Mẫu thông báo và bình chọn: điền sẵn thông tin nhóm, chèn vào ô soạn tin hoặc hộp tạo bình chọn, ghim tin vừa gửi.',
  actions(core): TemplateActions {
    const { doc, store, t, send } = core;
    const templates = createTemplateService({
      userRows: () => send({ type: 'templates.list' }),
      sessionData: core.session,
      t,
    });
    let lastInserted: string | null = null;
    const fail = (message: string): InsertOutcome => ({ ok: false, method: 'none', message });
    /** Thôn/xã/tỉnh typed into a template are kept for the group (reports and bundles are named by them). */
    const rememberPlace = async (values: Record<string, string>) => {
      const thread = store.get().thread;
      const group = core.session()?.group;
      if (!thread || !group) return;
      const place = Object.fromEntries(
        PLACE_FIELDS.filter((f) => !group[f] && values[f]?.trim()).map((f) => [f, values[f].trim()]),
      );
      if (Object.keys(place).length === 0) return;
      try {
        await send({ type: 'group.fillPlace', threadId: thread.id, place });
        await core.loadSession(thread);
      } catch (e) {
        recordError(store, 'place', e);
      }
    };
    return {
      listTemplates: (query, kind) => templates.list(query, kind),
      templateKinds: () => templates.kinds(),
      preview: (id, values) => templates.preview(id, values),
      async insertTemplate(id, values) {
        const thread = store.get().thread;
        const rendered = await templates.render(id, values);
        if (!rendered.ok || !thread) return fail(t('picker.missing', { fields: rendered.missing.join(', ') }));
        const at = core.now();
        if (rendered.poll) {
          const opened = await zalo.openPollDialog(doc);
          if (!opened.ok) return fail(opened.manual ? t('poll.manual') : t('picker.pollFailed'));
          const filled = await zalo.fillPoll(doc, rendered.poll);
          if (!filled.ok) return fail(t('picker.pollFailed'));
          const deadline = rendered.poll.settings.deadline;
          const deadlineSet = deadline ? (await zalo.fillPollDeadline(doc, deadline.expiresAt)).ok : false;
          core.log(logKeys.notice(thread.id, id, at.getTime()), thread, at, {
            kind: 'poll',
            templateId: id,
            text: [rendered.poll.question, ...rendered.poll.options].join('\n'),
            outcome: 'filled',
          });
          const message = [
            t('picker.pollFilled', { n: filled.filled }),
            deadline && t(deadlineSet ? 'picker.deadlineSet' : 'picker.deadlineManual', { when: deadline.text }),
            rendered.settingsHint && t('picker.pollSettings', { settings: rendered.settingsHint }),
          ]
            .filter(Boolean)
            .join(' ');
          // Zalo's dialog is what the admin checks before "Tạo": the picker steps aside, the notice stays.
          store.set({ pickerOpen: false, notice: message });
          await rememberPlace(values);
          return { ok: true, method: 'composer', message };
        }
        const out = await core.insertOrCopy(rendered.text, t('picker.inserted'));
        if (out.method === 'clipboard') out.message = t('picker.clipboard');
        if (out.ok) {
          lastInserted = rendered.text;
          core.log(logKeys.notice(thread.id, id, at.getTime()), thread, at, {
            kind: 'notice',
            templateId: id,
            text: rendered.text,
            outcome: out.method,
          });
          await rememberPlace(values);
        }
        return out;
      },
      async pinLastSent() {
        const thread = store.get().thread;
        if (!lastInserted || !thread) return fail(t('picker.pinFailed'));
        const bubble = zalo.findBubbleByText(doc, lastInserted, { direction: 'sent' });
        if (!bubble) return fail(t('picker.pinFailed'));
        const res = await zalo.pinMessage(doc, bubble);
        if (!res.ok) return fail(res.manual ? t('pin.manual') : t('picker.pinFailed'));
        const at = core.now();
        const messageId = zalo.cliMsgIdOf(bubble) ?? undefined;
        core.log(logKeys.pin(thread.id, messageId ?? at.getTime()), thread, at, {
          kind: 'pin',
          messageId,
          text: lastInserted,
          outcome: 'pinned',
        });
        lastInserted = null;
        core.notifyPinned();
        return { ok: true, method: 'composer', message: t('picker.pinned') };
      },
    };
  },
});
