import { defineFeature } from '../feature';
import * as zalo from '../../zalo';
import { createTemplateService, type TemplateView } from '../templates';
import type { InsertOutcome } from '../core';
import { logKeys } from '../keys';

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
          if (!opened.ok) return fail(t('picker.pollFailed'));
          const filled = await zalo.fillPoll(doc, rendered.poll);
          if (!filled.ok) return fail(t('picker.pollFailed'));
          core.log(logKeys.notice(thread.id, id, at.getTime()), thread, at, {
            kind: 'poll',
            templateId: id,
            text: [rendered.poll.question, ...rendered.poll.options].join('\n'),
            outcome: 'filled',
          });
          const settings = rendered.settingsHint ? ` ${t('picker.pollSettings', { settings: rendered.settingsHint })}` : '';
          return { ok: true, method: 'composer', message: t('picker.pollFilled', { n: filled.filled }) + settings };
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
        }
        return out;
      },
      async pinLastSent() {
        const thread = store.get().thread;
        if (!lastInserted || !thread) return fail(t('picker.pinFailed'));
        const bubble = zalo.findBubbleByText(doc, lastInserted, { direction: 'sent' });
        if (!bubble) return fail(t('picker.pinFailed'));
        const res = await zalo.pinMessage(doc, bubble);
        if (!res.ok) return fail(t('picker.pinFailed'));
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
