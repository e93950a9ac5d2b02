import type { Feature } from './types';

/** Answers the popup: status of this tab, open the panel or the template picker. */
export const tabBridgeFeature: Feature = {
  id: 'tab-bridge',
  description: 'Trả lời cửa sổ nhỏ (popup): tình trạng, số cảnh báo, mở bảng quản trị hoặc mẫu thông báo.',
  run({ store, onTabMessage, setBadgeCount }, signal) {
    onTabMessage((req) => {
      const s = store.get();
      switch (req.type) {
        case 'tab.status':
          return {
            ready: s.ready,
            thread: s.thread ? { id: s.thread.id, name: s.thread.name, isGroup: s.thread.isGroup } : null,
            checked: s.checked,
            openFlags: s.flagged.filter((f) => f.threadId === s.thread?.id && f.status === 'open').length,
            features: s.features,
            errors: s.errors,
          };
        case 'tab.openPanel':
          store.set({ panelOpen: true });
          return true;
        case 'tab.openPicker':
          store.set({ pickerOpen: true, cardFor: null, pickerTemplate: req.templateId ?? null });
          return true;
      }
    });
    let last = -1;
    const unsubscribe = store.subscribe(() => {
      const s = store.get();
      const open = s.flagged.filter((f) => f.threadId === s.thread?.id && f.status === 'open').length;
      if (open !== last) {
        last = open;
        setBadgeCount(open);
      }
    });
    signal.addEventListener('abort', unsubscribe);
  },
};
