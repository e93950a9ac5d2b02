import { defineFeature } from '../feature';
import type { TabStatus } from '../../messages/protocol';

/** Delay before the toolbar badge follows the flag count. */
export const BADGE_DELAY_MS = 150;

/** Answers the popup: status of this tab, open the panel or the template picker. */
export const tabBridgeFeature = defineFeature({
  id: 'tab-bridge',
  description: 'Trả lời cửa sổ nhỏ (popup): tình trạng, số cảnh báo, mở bảng quản trị hoặc mẫu thông báo.',
  run({ store, onTabMessage, setBadgeCount }, signal) {
    onTabMessage((req) => {
      const s = store.get();
      switch (req.type) {
        case 'tab.status': {
          const status: TabStatus = {
            ready: s.ready,
            thread: s.thread ? { id: s.thread.id, name: s.thread.name, isGroup: s.thread.isGroup } : null,
            checked: s.checked,
            openFlags: s.flagged.filter((f) => f.threadId === s.thread?.id && f.status === 'open').length,
            areas: s.areas,
            errors: s.errors,
          };
          return status;
        }
        case 'tab.openPanel':
          store.set({ panelOpen: true });
          return true;
        case 'tab.openPicker':
          store.set({ pickerOpen: true, cardFor: null, pickerTemplate: req.templateId ?? null });
          return true;
      }
    });
    // The toolbar count goes to the background in its own task, at most a few times a second: a burst of
    // flags is one message, and the cross-process send stays out of the slices that check bubbles.
    let last = -1;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const publish = () => {
      timer = null;
      const s = store.get();
      const open = s.flagged.filter((f) => f.threadId === s.thread?.id && f.status === 'open').length;
      if (open !== last) {
        last = open;
        setBadgeCount(open);
      }
    };
    const unsubscribe = store.subscribe(() => {
      timer ??= setTimeout(publish, BADGE_DELAY_MS);
    });
    signal.addEventListener('abort', () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    });
  },
});
