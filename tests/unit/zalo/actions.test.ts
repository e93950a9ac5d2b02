import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clickMenuItem,
  fillPoll,
  fillPollDeadline,
  findBubbleByText,
  listMembers,
  openMemberPanel,
  openMessageMenu,
  openPollDialog,
  pinMessage,
  readPinnedBar,
} from '@/lib/zalo/actions';
import { installFakeEditor, type FakeEditor } from './fake-editor';
import { installFakeZalo, pollState, type FakeZalo } from './fake-zalo';
import { byFixture, loadFixture, parseFixture } from './helpers';

let zalo: FakeZalo | undefined;
let editor: FakeEditor | undefined;
afterEach(() => {
  zalo?.stop();
  editor?.restore();
  zalo = undefined;
  editor = undefined;
  document.body.innerHTML = '';
});

describe('findBubbleByText', () => {
  it.each<[string, Parameters<typeof findBubbleByText>[2], string | null]>([
    ['Mọi người nhớ đến đúng giờ nhé', { direction: 'sent' }, 'run5-last'],
    ['  Mọi người   nhớ đến đúng giờ nhé ', {}, 'run5-last'],
    ['Mọi người nhớ đến đúng giờ nhé', { direction: 'received' }, null],
    ['Vay tiền nhanh không cần thế chấp'.normalize('NFD'), {}, 'run4-first'],
    ['Cảm ơn chị', {}, null],
    ['', {}, null],
  ])('%j %j', (text, opts, want) => {
    const doc = parseFixture('normal');
    expect(findBubbleByText(doc, text, opts)?.getAttribute('data-fixture') ?? null).toBe(want);
  });

  it('returns the newest of two equal messages', () => {
    const doc = parseFixture('drift');
    const copy = byFixture(doc, 'run2-text').cloneNode(true) as HTMLElement;
    copy.setAttribute('data-fixture', 'copy');
    byFixture(doc, 'run5-last').after(copy);
    expect(findBubbleByText(doc, 'Cảm ơn chị, em sẽ báo lại', { direction: 'sent' })?.getAttribute('data-fixture')).toBe('copy');
  });
});

describe('message menu and pin', () => {
  beforeEach(() => loadFixture('normal'));

  it('opens the "Thêm" menu with a full pointer sequence at the centre', async () => {
    zalo = installFakeZalo(document);
    expect(await openMessageMenu(document, byFixture(document, 'run1-first'))).toEqual({ ok: true, via: 'hover' });
    expect(document.querySelectorAll('.popover-v3 .zmenu-item')).toHaveLength(3);
  });

  it('reports a missing toolbar without throwing', async () => {
    expect(await openMessageMenu(document, byFixture(document, 'run1-first'), { timeoutMs: 50 })).toEqual({
      ok: false,
      reason: 'no-more-button',
    });
  });

  it.each<[string, Parameters<typeof clickMenuItem>[1], boolean]>([
    ['label', { label: 'ghim TIN nhắn' }, true],
    ['translation key', { translateKey: 'STR_COPY_TEXT' }, true],
    ['key pattern', { translateKey: /DELETE_MSG_FOR_ME$/ }, true],
    ['unknown label', { label: 'Xóa với mọi người' }, false],
  ])('clickMenuItem by %s', async (_name, query, ok) => {
    zalo = installFakeZalo(document, { pinDelayMs: null });
    await openMessageMenu(document, byFixture(document, 'run1-first'));
    expect(clickMenuItem(document, query).ok).toBe(ok);
  });

  it('pins a message and confirms it in the pinned bar', async () => {
    zalo = installFakeZalo(document);
    const res = await pinMessage(document, byFixture(document, 'run1-first'));
    expect(res).toMatchObject({ ok: true });
    expect(readPinnedBar(document)).toEqual({
      items: ['Bạn: Chào cả thôn, chiều nay 3 giờ họp ở nhà văn hoá nhé'],
      count: 3,
    });
    // Already shown in the bar: nothing to click.
    expect(await pinMessage(document, byFixture(document, 'run1-first'))).toEqual({ ok: true, already: true });
  });

  it.each<[string, Parameters<typeof installFakeZalo>[1], string]>([
    ['no pin entry in the menu', { pinItem: false }, 'no-pin-item'],
    ['the bar never updates', { pinDelayMs: null }, 'not-confirmed'],
  ])('reports failure when %s', async (_name, opts, reason) => {
    zalo = installFakeZalo(document, opts);
    expect(await pinMessage(document, byFixture(document, 'run1-first'), { timeoutMs: 80 })).toMatchObject({ ok: false, reason });
  });
});

describe('readPinnedBar', () => {
  it.each(['normal', 'drift'] as const)('reads the %s snapshot: one item shown, "+2 ghim" → 3 pins', (name) => {
    expect(readPinnedBar(parseFixture(name))).toEqual({
      items: ['Trưởng thôn: Lịch tiêm phòng cho trâu bò: sáng thứ Bảy tại nhà văn hoá'],
      count: 3,
    });
  });

  it('is empty without a bar', () => {
    const doc = parseFixture('normal');
    doc.querySelector('.chat-group-topic-outer')!.remove();
    expect(readPinnedBar(doc)).toEqual({ items: [], count: 0 });
  });
});

describe('poll dialog', () => {
  beforeEach(() => loadFixture('normal'));

  it('opens via More → "Tạo bình chọn" and fills question and options, adding rows, never pressing Create', async () => {
    zalo = installFakeZalo(document);
    editor = installFakeEditor(document);
    expect(await openPollDialog(document)).toEqual({ ok: true });
    const res = await fillPoll(document, {
      question: 'Họp thôn vào ngày nào?',
      options: ['Thứ Bảy', 'Chủ nhật', 'Tối thứ Hai', 'Tối thứ Tư'],
    });
    expect(res).toEqual({ ok: true, filled: 4, questionFilled: true });
    expect(pollState(zalo)).toEqual(['Thứ Bảy', 'Chủ nhật', 'Tối thứ Hai', 'Tối thứ Tư']);
    expect(document.querySelector('.poll-question')!.textContent).toBe('Họp thôn vào ngày nào?');
    expect(zalo.createClicks).toBe(0);
  });

  it('fills what it can when rows cannot be added', async () => {
    zalo = installFakeZalo(document, { addOptionWorks: false });
    editor = installFakeEditor(document);
    await openPollDialog(document);
    const res = await fillPoll(document, { question: 'Chọn ngày', options: ['A', 'B', 'C'] }, { timeoutMs: 60 });
    expect(res).toEqual({ ok: false, filled: 2, questionFilled: true, reason: 'cannot-add-option' });
  });

  it('reports a question it could not type (no execCommand)', async () => {
    zalo = installFakeZalo(document);
    await openPollDialog(document);
    const res = await fillPoll(document, { question: 'Chọn ngày', options: ['A', 'B'] });
    expect(res).toMatchObject({ ok: false, filled: 2, questionFilled: false, reason: 'mismatch' });
  });

  it.each<[string, () => void, string]>([
    ['no More button (drift)', () => document.querySelector('[data-id="div_More_Menu"]')!.remove(), 'no-more-button'],
    ['More menu never opens', () => undefined, 'no-poll-item'],
  ])('fails cleanly: %s', async (_name, setup, reason) => {
    setup();
    expect(await openPollDialog(document, { timeoutMs: 50 })).toMatchObject({ ok: false, reason });
  });

  it('fillPoll without a dialog', async () => {
    expect(await fillPoll(document, { question: 'x', options: ['a'] })).toEqual({
      ok: false,
      filled: 0,
      questionFilled: false,
      reason: 'no-dialog',
    });
  });
});

describe('members', () => {
  it.each(['normal', 'drift'] as const)('lists members with roles from the %s snapshot', (name) => {
    expect(listMembers(parseFixture(name))).toEqual([
      { name: 'Trưởng thôn', role: 'owner' },
      { name: 'Trần Thị Bình', role: 'deputy' },
      { name: 'Lê Văn Cường', role: 'member' },
    ]);
  });

  it('opens the panel: toggle → "Thành viên nhóm" → rows', async () => {
    loadFixture('normal');
    document.querySelector('aside')!.remove();
    zalo = installFakeZalo(document);
    expect(listMembers(document)).toEqual([]);
    expect(await openMemberPanel(document)).toEqual({ ok: true });
    expect(listMembers(document).map((m) => m.role)).toEqual(['owner', 'deputy', 'member']);
  });

  it('opens the panel on the drift snapshot through fallbacks', async () => {
    loadFixture('drift');
    document.querySelector('aside')!.remove();
    zalo = installFakeZalo(document);
    expect(await openMemberPanel(document)).toEqual({ ok: true });
  });

  it('fails cleanly with nothing to click', async () => {
    document.body.innerHTML = '<main><div id="chatViewContainer"><header id="header"></header></div></main>';
    expect(await openMemberPanel(document, { timeoutMs: 30 })).toEqual({ ok: false, reason: 'no-toggle' });
  });
});

describe('poll deadline', () => {
  /** A poll dialog whose deadline field shows once its setting is switched on, as on the replica. */
  function dialog(toggle: string, field = '<input type="datetime-local">'): void {
    document.body.innerHTML = `<div class="zl-modal"><input placeholder="Lựa chọn 1"><input placeholder="Lựa chọn 2">
      ${toggle}<div class="wrap" style="display: none">${field}</div></div>`;
    const row = document.querySelector<HTMLElement>('[role="switch"], .row');
    row?.addEventListener('click', () => {
      row.setAttribute('aria-checked', 'true');
      document.querySelector<HTMLElement>('.wrap')!.style.display = '';
    });
  }
  // 12/12/2026 23:59 in Vietnam.
  const at = Date.UTC(2026, 11, 12, 16, 59);

  it.each([
    ['by data-id', '<div role="switch" aria-checked="false" data-id="chk_CreatePoll_Deadline"><span>Đặt thời hạn bình chọn</span></div>'],
    ['by its English label', '<div role="switch" aria-checked="false" data-id="chk_X"><span>Set deadline</span></div>'],
    ['by its Vietnamese label, no role', '<div class="row clickable"><span>Đặt thời hạn</span></div>'],
  ])('switches the deadline on and enters it in Vietnam time (%s)', async (_name, toggle) => {
    dialog(toggle);
    expect(await fillPollDeadline(document, at, { timeoutMs: 100 })).toEqual({ ok: true });
    expect(document.querySelector<HTMLInputElement>('input[type="datetime-local"]')!.value).toBe('2026-12-12T23:59');
  });

  it('fills a date-only field with the day, and leaves an already-on setting alone', async () => {
    dialog('<div role="switch" aria-checked="true" data-id="chk_CreatePoll_Deadline">Đặt thời hạn</div>', '<input type="date">');
    document.querySelector<HTMLElement>('.wrap')!.style.display = '';
    expect(await fillPollDeadline(document, at)).toEqual({ ok: true });
    expect(document.querySelector<HTMLInputElement>('input[type="date"]')!.value).toBe('2026-12-12');
    expect(document.querySelector('[role="switch"]')!.getAttribute('aria-checked')).toBe('true');
  });

  it.each([
    ['no such setting', '<div class="other">Ẩn người bình chọn</div>', 'no-toggle'],
    ['a setting that shows no field', '<div role="switch" aria-checked="false" data-id="chk_CreatePoll_Deadline" class="dead">Đặt thời hạn</div>', 'no-input'],
  ])('fails cleanly: %s', async (_name, toggle, reason) => {
    dialog(toggle);
    document.querySelector('.dead')?.replaceWith(document.querySelector('.dead')!.cloneNode(true)); // listener dropped
    expect(await fillPollDeadline(document, at, { timeoutMs: 60 })).toEqual({ ok: false, reason });
  });

  it('without a dialog', async () => {
    expect(await fillPollDeadline(document, at)).toEqual({ ok: false, reason: 'no-dialog' });
  });
});
