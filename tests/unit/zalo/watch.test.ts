import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliMsgIdOf } from '@/lib/zalo/bubbles';
import { onThreadChange, watchBubbles } from '@/lib/zalo/watch';
import type { ThreadInfo } from '@/lib/zalo/thread';
import { html, loadFixture, settle } from './helpers';

function bubble(cli: string, text: string): HTMLElement {
  return html(
    document,
    `<div id="bb_msg_id_${cli}" class="chat-message chat-message-v2 wrap-message"><div class="message-wrapper"><div class="message-content-wrapper"><div data-id="div_DisabledTargetEventLayer"></div><div class="card" data-qid="1@${cli}_444_7001234567890"><div data-id="div_LastReceivedMsg_Text" class="text-message__container"><span class="text">${text}</span></div></div></div></div></div>`,
  );
}

function run(...bubbles: HTMLElement[]): HTMLElement {
  const item = html(document, '<div class="chat-item flx"><div class="chat-content flx flx-col flx-cell"></div></div>');
  item.firstElementChild!.append(...bubbles);
  return item;
}

function list(): HTMLElement {
  return document.querySelector<HTMLElement>('#messageViewScroll, .message-view__scroll__inner')!;
}

let abort: AbortController;
let batches: string[][];
const collect = (els: HTMLElement[]) => batches.push(els.map((el) => cliMsgIdOf(el) ?? '?'));
const all = () => batches.flat();

beforeEach(() => {
  abort = new AbortController();
  batches = [];
});
afterEach(() => {
  abort.abort();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe.each(['normal', 'drift'] as const)('watchBubbles on the %s snapshot', (fixture) => {
  beforeEach(() => loadFixture(fixture));

  it.each(['microtask', 'frame'] as const)('initial scan reports every bubble once in one batch (%s batching)', async (batch) => {
    watchBubbles(document, collect, { signal: abort.signal, batch });
    await settle();
    expect(batches).toHaveLength(1);
    expect(all()).toHaveLength(13);
    expect(new Set(all()).size).toBe(13);
  });

  it('reports appended, prepended and re-created bubbles, each element once', async () => {
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask' });
    await settle();
    batches = [];

    list().append(run(bubble('1767225700001', 'Tin mới 1'), bubble('1767225700002', 'Tin mới 2')));
    await settle();
    expect(all()).toEqual(['1767225700001', '1767225700002']);

    // History loaded at the top.
    list().prepend(run(bubble('1767225500001', 'Tin cũ')));
    await settle();
    expect(all()).toContain('1767225500001');

    // Virtualisation re-creates an element with the same id: a new element, reported again.
    const old = document.getElementById('bb_msg_id_1767225700001')!;
    old.replaceWith(bubble('1767225700001', 'Tin mới 1'));
    await settle();
    expect(all().filter((c) => c === '1767225700001')).toHaveLength(2);

    // Attribute-only changes (data-id renamed from Last… to …) report nothing.
    const before = all().length;
    document.querySelector('[data-id="div_LastReceivedMsg_Text"]')!.setAttribute('data-id', 'div_ReceivedMsg_Text');
    await settle();
    expect(all()).toHaveLength(before);
  });

  it('re-attaches when #chatViewContainer is replaced (another conversation opened)', async () => {
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask' });
    await settle();
    batches = [];
    const container = document.getElementById('chatViewContainer')!;
    const fresh = container.cloneNode(true) as HTMLElement;
    const inner = fresh.querySelector('#messageViewScroll, .message-view__scroll__inner')!;
    inner.replaceChildren(run(bubble('1767225800001', 'Nhóm khác')));
    container.replaceWith(fresh);
    await settle();
    expect(all()).toEqual(['1767225800001']);

    // The new list is observed, the old one is not.
    list().append(run(bubble('1767225800002', 'Tiếp theo')));
    container.querySelector('#messageViewScroll, .message-view__scroll__inner')!.append(bubble('1767225800099', 'cũ'));
    await settle();
    expect(all()).toEqual(['1767225800001', '1767225800002']);
  });

  it('stops after abort: no callbacks, observers and interval cleared', async () => {
    const clear = vi.spyOn(window, 'clearInterval');
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask', safetyIntervalMs: 50 });
    await settle();
    abort.abort();
    batches = [];
    list().append(run(bubble('1767225900001', 'Sau khi dừng')));
    await settle(80);
    expect(all()).toEqual([]);
    expect(clear).toHaveBeenCalled();
  });
});

describe('watchBubbles edge cases', () => {
  it('waits for a chat to open when no list exists yet', async () => {
    document.body.innerHTML = '<div id="app"><div id="app-page"><main></main></div></div>';
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask' });
    await settle();
    expect(all()).toEqual([]);
    const main = document.querySelector('main')!;
    main.innerHTML = '<div id="chatViewContainer"><div id="messageViewScroll"></div></div>';
    document.getElementById('messageViewScroll')!.append(run(bubble('1767226000001', 'Đầu tiên')));
    await settle();
    expect(all()).toEqual(['1767226000001']);
  });

  it('pauses while the tab is hidden and rescans when visible again', async () => {
    loadFixture('normal');
    let state: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state);
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask' });
    await settle();
    batches = [];
    state = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    list().append(run(bubble('1767226100001', 'Lúc ẩn')));
    await settle();
    expect(all()).toEqual([]);
    state = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(all()).toEqual(['1767226100001']);
  });

  it('the safety rescan catches what a missed visibilitychange would lose', async () => {
    loadFixture('normal');
    let state: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state);
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask', safetyIntervalMs: 40 });
    await settle();
    batches = [];
    state = 'hidden';
    list().append(run(bubble('1767226200001', 'Qua lần quét định kỳ')));
    await settle(10);
    expect(all()).toEqual([]);
    // Visible again, but no event arrives: only the periodic rescan can find the bubble.
    state = 'visible';
    await settle(100);
    expect(all()).toEqual(['1767226200001']);
  });

  it('a throwing callback does not break the watcher', async () => {
    loadFixture('normal');
    const errors: unknown[] = [];
    let calls = 0;
    watchBubbles(
      document,
      () => {
        calls++;
        throw new Error('lỗi của người gọi');
      },
      { signal: abort.signal, batch: 'microtask', onError: (e) => errors.push(e) },
    );
    await settle();
    list().append(run(bubble('1767226300001', 'Vẫn chạy')));
    await settle();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });

  it('does nothing with an already-aborted signal', async () => {
    loadFixture('normal');
    abort.abort();
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask' });
    await settle();
    expect(all()).toEqual([]);
  });
});

describe('onThreadChange', () => {
  it('reports the open thread, then each switch', async () => {
    loadFixture('normal');
    const seen: [string | undefined, string | undefined][] = [];
    onThreadChange(document, (t: ThreadInfo | null, prev: ThreadInfo | null) => seen.push([t?.id, prev?.id]), {
      signal: abort.signal,
      batch: 'microtask',
    });
    await settle();
    expect(seen).toEqual([['g7001234567890', undefined]]);

    document.querySelector('.conv-item.selected')!.classList.remove('selected');
    document.querySelector('[anim-data-id="2233445566"] .conv-item')!.classList.add('selected');
    document.querySelector('.header-title .truncate')!.textContent = 'Nguyễn Văn Hùng';
    await settle();
    expect(seen).toEqual([
      ['g7001234567890', undefined],
      ['2233445566', 'g7001234567890'],
    ]);

    document.getElementById('chatViewContainer')!.remove();
    await settle();
    expect(seen.at(-1)).toEqual([undefined, '2233445566']);

    abort.abort();
    document.querySelector('main')!.innerHTML = '<div id="chatViewContainer"><header id="header"></header></div>';
    await settle();
    expect(seen).toHaveLength(3);
  });
});

describe('watchBubbles on recycled elements', () => {
  beforeEach(() => loadFixture('normal'));

  it('reports an element again when Zalo reuses it: new id, data-qid back after a gap, text patched in place', async () => {
    const el = bubble('1767225800001', 'Tin ban đầu');
    list().append(run(el));
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask' });
    await settle();
    batches = [];

    // Reuse: the id changes and data-qid disappears for a moment (one report), then returns (another).
    const card = el.querySelector('.card')!;
    el.id = 'bb_msg_id_1767225800099';
    card.removeAttribute('data-qid');
    await settle();
    expect(all()).toEqual(['1767225800099']);
    card.setAttribute('data-qid', '2@1767225800099_555_7001234567890');
    await settle();
    expect(all()).toEqual(['1767225800099', '1767225800099']);

    // Text node patched in place (characterData only).
    batches = [];
    el.querySelector('.text')!.firstChild!.nodeValue = 'Nội dung khác hẳn';
    await settle();
    expect(all()).toEqual(['1767225800099']);
  });

  it('a row that becomes a bubble only when its id is set is reported (a virtual row filled in place)', async () => {
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask' });
    await settle();
    batches = [];
    const row = bubble('1767225800003', 'Hàng trống');
    row.id = 'row-placeholder';
    list().append(run(row));
    await settle();
    expect(all()).toEqual([]);
    row.id = 'bb_msg_id_1767225800003';
    await settle();
    expect(all()).toEqual(['1767225800003']);
  });

  it('a new message is found in what was added, without listing the whole chat again', async () => {
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask', safetyIntervalMs: 0 });
    await settle();
    batches = [];
    const spy = vi.spyOn(list(), 'querySelectorAll');
    list().append(run(bubble('1767225800004', 'Tin mới')));
    await settle();
    expect(all()).toEqual(['1767225800004']);
    expect(spy).not.toHaveBeenCalled();
    // A full scan still runs when asked (tab visible again, list re-attached, safety period).
    const watch = watchBubbles(document, () => undefined, { signal: abort.signal, batch: 'microtask', safetyIntervalMs: 0 });
    await settle();
    spy.mockClear();
    watch.rescan();
    await settle();
    expect(spy).toHaveBeenCalled();
  });

  it('ignores our own badge and attributes on a bubble', async () => {
    const el = bubble('1767225800002', 'Tin');
    list().append(run(el));
    watchBubbles(document, collect, { signal: abort.signal, batch: 'microtask' });
    await settle();
    batches = [];
    el.setAttribute('data-zgg-checked', el.id);
    el.setAttribute('data-zgg-flags', 'scam');
    el.append(document.createElement('zgg-badge'));
    el.style.outline = '2px solid red';
    await settle();
    expect(all()).toEqual([]);
  });
});
