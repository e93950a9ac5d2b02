import type { Feature } from './types';
import { watchBubbles } from '../../zalo';

/** Checks every received bubble (new, history, re-created) and marks it per the public contract. */
export const checkMessagesFeature: Feature = {
  id: 'check-messages',
  description: 'Kiểm tra mọi tin nhắn nhận được theo Quy chế nhóm, gắn nhãn và biểu tượng cảnh báo lên tin vi phạm.',
  run({ doc, store, controller }, signal) {
    let pending: HTMLElement[] = [];
    const flush = () => {
      const batch = pending;
      pending = [];
      for (const el of batch) if (el.isConnected) controller.processBubble(el);
    };
    watchBubbles(
      doc,
      (els) => {
        // Until the group's settings arrive, hold bubbles; the session load flushes them.
        if (!controller.session()) pending.push(...els);
        else for (const el of els) controller.processBubble(el);
      },
      { signal },
    );
    const unsubscribe = store.subscribe(() => {
      if (pending.length && controller.session()) flush();
    });
    signal.addEventListener('abort', unsubscribe);
  },
};
