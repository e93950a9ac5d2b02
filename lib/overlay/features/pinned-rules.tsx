import { defineFeature } from '../feature';
import { readPinnedBar } from '../../zalo';
import { foldText } from '../../domain/text';
import { RULES_TEMPLATE_ID } from '../../templates/defaults';

const RULES_MARKERS = ['noi quy', 'quy che'];

export function looksLikeRules(text: string): boolean {
  const folded = foldText(text);
  return RULES_MARKERS.some((m) => folded.includes(m));
}

interface PinnedRulesState {
  /** Whether the group's Nội quy is among the pinned messages; null until the pinned bar was read. */
  pinned: boolean | null;
}

/** Warns in the panel when the group's Nội quy is not among the pinned messages. */
export const pinnedRulesFeature = defineFeature({
  id: 'pinned-rules',
  description: 'Đọc thanh tin ghim và nhắc khi nhóm chưa ghim Nội quy.',
  state: { pinned: null } as PinnedRulesState,
  run({ doc, store, core, state }, signal) {
    const check = () => {
      if (!store.get().thread?.isGroup) return;
      const pinned = readPinnedBar(doc).items.some(looksLikeRules);
      if (state.get().pinned !== pinned) state.set({ pinned });
    };
    check();
    const timer = setInterval(check, 3000);
    // A notice pinned from the picker counts at once; the next read of the bar confirms it.
    const unsubscribe = core.onPinned(() => state.set({ pinned: true }));
    signal.addEventListener('abort', () => {
      clearInterval(timer);
      unsubscribe();
    });
  },
  PanelSection({ state, t, ui }) {
    if (state.pinned !== false) return null;
    return (
      <div className="zgg-alert" role="status" data-testid="zgg-rules-not-pinned">
        {t('panel.noticeNotPinned')}
        <button type="button" className="zgg-btn zgg-btn--small" onClick={() => ui.togglePicker(true, RULES_TEMPLATE_ID)}
          data-testid="zgg-insert-rules"
        >
          {t('panel.insertRules')}
        </button>
      </div>
    );
  },
});
