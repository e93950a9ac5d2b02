import { describe, expect, it, vi } from 'vitest';
import { createStore, initialOverlayState, nextOpenFlag, recordError, upsertFlagged, withAction, type FlaggedMessage } from '@/lib/overlay/store';
import { primaryFlag } from '@/lib/overlay/core';
import type { Flag } from '@/lib/rules/flag';

const flag = (category: Flag['category'], severity: Flag['severity']): Flag => ({
  category,
  clause: 'III.2(4)',
  severity,
  action: 'remind',
  evidence: [],
  explanation: '',
});
const item = (cli: string, over: Partial<FlaggedMessage> = {}): FlaggedMessage => ({
  threadId: 'g1',
  cliMsgId: cli,
  senderName: 'A',
  text: 't',
  flags: [flag('advertising', 'low')],
  status: 'open',
  actions: [],
  seqs: {},
  seenAt: 1,
  ...over,
});

describe('overlay store', () => {
  it('notifies subscribers once per set and stops after unsubscribe', () => {
    const store = createStore(initialOverlayState);
    const listener = vi.fn();
    const off = store.subscribe(listener);
    store.set({ checked: 3 });
    store.set((s) => ({ checked: s.checked + 1 }));
    expect(store.get().checked).toBe(4);
    expect(listener).toHaveBeenCalledTimes(2);
    off();
    store.set({ checked: 5 });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('upsertFlagged adds new messages and keeps the recorded status of known ones', () => {
    const list = upsertFlagged([], item('1'));
    const handled = list.map((m) => ({ ...m, status: 'handled' as const, actions: ['deleted' as const] }));
    const again = upsertFlagged(handled, item('1', { flags: [flag('scam', 'high')] }));
    expect(again).toHaveLength(1);
    expect(again[0].status).toBe('handled');
    expect(again[0].flags[0].category).toBe('scam');
    expect(upsertFlagged(again, item('2'))).toHaveLength(2);
    expect(upsertFlagged(again, item('1', { threadId: 'g2' }))).toHaveLength(2);
  });

  it('a message takes several outcomes; a note leaves it open, a dismissal marks it dismissed', () => {
    const reminded = withAction(item('1'), 'remind');
    expect(reminded.status).toBe('handled');
    const deleted = withAction(reminded, 'deleted');
    expect(deleted.actions).toEqual(['remind', 'deleted']);
    expect(withAction(item('2'), 'note').status).toBe('open');
    expect(withAction(item('3'), 'dismissed').status).toBe('dismissed');
    // Kept when the same message is read again (re-rendered bubble).
    expect(upsertFlagged([deleted], item('1'))[0].actions).toEqual(['remind', 'deleted']);
  });

  it.each([
    // Panel order is newest first: after "3" comes "2", skipping handled ones, wrapping round, other groups ignored.
    ['3', ['1', '2', '3', '4'], ['2'], '1'],
    ['3', ['1', '2', '3'], [], '2'],
    ['1', ['1', '2', '3'], [], '3'],
    ['2', ['1', '2', '3'], ['1', '3'], null],
    ['x', ['1', '2'], [], '2'],
  ])('after %s the card moves to the next open message (%j, handled %j) → %s', (cli, ids, handled, expected) => {
    const list = [...ids.map((id) => item(id, handled.includes(id) ? { status: 'handled' } : {})), item('9', { threadId: 'g2' })];
    expect(nextOpenFlag(list, 'g1', cli)).toBe(expected);
  });

  it('recordError keeps the last ten errors', () => {
    const store = createStore(initialOverlayState);
    for (let i = 0; i < 15; i++) recordError(store, 'x', new Error(`e${i}`));
    expect(store.get().errors).toHaveLength(10);
    expect(store.get().errors.at(-1)).toBe('x: e14');
  });

  it.each([
    [[flag('advertising', 'low'), flag('gambling-fortune', 'high')], 'gambling-fortune'],
    [[flag('strange-link', 'high'), flag('scam', 'high')], 'scam'],
    [[flag('strange-link', 'high'), flag('scam', 'medium')], 'strange-link'],
    [[flag('abusive-language', 'medium')], 'abusive-language'],
  ] as const)('primaryFlag files a decision under the most serious category', (flags, expected) => {
    expect(primaryFlag(flags)?.category).toBe(expected);
  });
});
