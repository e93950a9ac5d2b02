import type { Feature } from './types';
import { readPinnedBar } from '../../zalo';
import { foldText } from '../../moderation/normalize';

const RULES_MARKERS = ['noi quy', 'quy che'];

export function looksLikeRules(text: string): boolean {
  const folded = foldText(text);
  return RULES_MARKERS.some((m) => folded.includes(m));
}

/** Warns in the panel when the group's Nội quy is not among the pinned messages. */
export const pinnedRulesFeature: Feature = {
  id: 'pinned-rules',
  description: 'Đọc thanh tin ghim và nhắc khi nhóm chưa ghim Nội quy.',
  run({ doc, store }, signal) {
    const check = () => {
      if (!store.get().thread?.isGroup) return;
      const bar = readPinnedBar(doc);
      const pinned = bar.items.some(looksLikeRules);
      if (store.get().noticePinned !== pinned) store.set({ noticePinned: pinned });
    };
    check();
    const timer = setInterval(check, 3000);
    signal.addEventListener('abort', () => clearInterval(timer));
  },
};
