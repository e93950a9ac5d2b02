import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_DELAY_MS, tabBridgeFeature } from '@/lib/overlay/features/tab-bridge';
import { createStore, initialOverlayState, type FlaggedMessage, type OverlayState } from '@/lib/overlay/store';
import type { FeatureContext } from '@/lib/overlay/feature';

function flagged(cli: string, status: FlaggedMessage['status'] = 'open'): FlaggedMessage {
  return { threadId: 'g1', cliMsgId: cli, senderName: 'A', text: 't', flags: [], status, actions: [], seqs: {}, seenAt: 0 };
}

describe('tab-bridge: toolbar badge count', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function start() {
    const store = createStore<OverlayState>({ ...initialOverlayState, thread: { id: 'g1', name: 'Thôn Đông', isGroup: true } });
    const counts: number[] = [];
    const ctrl = new AbortController();
    const ctx = { store, onTabMessage: () => undefined, setBadgeCount: (n: number) => counts.push(n) } as unknown as FeatureContext;
    void tabBridgeFeature.run?.(ctx, ctrl.signal);
    return { store, counts, ctrl };
  }

  it('sends one update for a burst of flags, after the slice, with the open count of this group', () => {
    const { store, counts } = start();
    store.set({ flagged: [flagged('1')] });
    store.set({ flagged: [flagged('1'), flagged('2'), flagged('3', 'dismissed')] });
    expect(counts).toEqual([]);
    vi.advanceTimersByTime(BADGE_DELAY_MS);
    expect(counts).toEqual([2]);
  });

  it('does not resend an unchanged count, and stops after teardown', () => {
    const { store, counts, ctrl } = start();
    store.set({ flagged: [flagged('1')] });
    vi.advanceTimersByTime(BADGE_DELAY_MS);
    store.set({ checked: 5 });
    vi.advanceTimersByTime(BADGE_DELAY_MS);
    expect(counts).toEqual([1]);
    store.set({ flagged: [] });
    ctrl.abort();
    vi.advanceTimersByTime(BADGE_DELAY_MS * 2);
    expect(counts).toEqual([1]);
  });
});
