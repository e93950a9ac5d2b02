import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  groupHealthFeature,
  memberReadText,
  pageFacts,
  runGroupHealthChecks,
  GROUP_HEALTH_CHECKS,
  REFRESH_MS,
  type GroupHealthCheck,
  type GroupHealthInput,
  type MemberRead,
} from '@/lib/overlay/features/group-health';
import { createStore, initialOverlayState, sliceStore, type OverlayState } from '@/lib/overlay/store';
import type { FeatureContext } from '@/lib/overlay/feature';
import { createOverlayCore } from '@/lib/overlay/core';
import { createT } from '@/lib/i18n';
import type { RequestInput } from '@/lib/messages/protocol';
import type { Send } from '@/lib/messages/client';
import { defaultGroupSettings, DEFAULT_GLOBAL_SETTINGS } from '@/lib/settings/schema';
import { loadFixture } from '../zalo/helpers';

const thread = { id: 'g1', name: 'Thôn Đông - Thông tin chung', isGroup: true };
const t = createT('vi');
const BAC_GIANG = { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Giang' };

function pinText(text: string) {
  const pin = document.querySelector('.pin-text');
  if (!pin) throw new Error('fixture has no pinned bar');
  pin.textContent = text;
}

const input = (over: Partial<GroupHealthInput> = {}): GroupHealthInput => ({ doc: document, thread, t, place: BAC_GIANG, members: null, ...over });
const byId = (results: ReturnType<typeof runGroupHealthChecks>, id: string) => results.find((r) => r.id === id);

/** Member rows as Zalo's list renders them (title = name, badge on the avatar). */
function memberRows(rows: { name: string; badge?: 'owner' | 'deputy' }[]) {
  const list = document.createElement('div');
  list.id = 'member-group';
  for (const r of rows) {
    const row = document.createElement('div');
    row.setAttribute('data-id', 'div_MemList_MemItem');
    row.title = r.name;
    if (r.badge) {
      const b = document.createElement('span');
      b.className = r.badge === 'owner' ? 'zavatar-admin_isOwner' : 'zavatar-admin';
      row.append(b);
    }
    list.append(row);
  }
  document.body.append(list);
}

describe('group-health checks', () => {
  beforeEach(() => loadFixture('normal'));

  it.each([
    // Bắc Giang is Bắc Ninh since 2025: "Tổ CNS - [Thôn] - [Xã]".
    ['Tổ CNS - Đông - An Bình', BAC_GIANG, 'ok', 'Tổ CNS - Đông - An Bình'],
    ['Tổ CNS - Thôn Đông - Xã An Bình - Huyện Lạng Giang', BAC_GIANG, 'warn', 'còn tên huyện Lạng Giang (từ 01/7/2025 chỉ còn tỉnh và xã); tên gợi ý: Tổ CNS - Đông - An Bình'],
    ['CNS-Đông-Yên Hòa-Yên Định', { thon: '', xa: '', tinh: 'Thanh Hóa' }, 'warn', 'tên gợi ý: CNS-Đông-Yên Hòa'],
    ['CNCĐ_Ấp 3_Long Phú', { thon: '', xa: '', tinh: 'Sóc Trăng' }, 'ok', 'CNCĐ_Ấp 3_Long Phú'],
    ['CNCĐ_Ấp Phú Thứ_Long Phú', BAC_GIANG, 'warn', 'theo mẫu của tỉnh khác; tên gợi ý: Tổ CNS - Phú Thứ - Long Phú'],
    ['Thôn Đông - Thông tin chung', BAC_GIANG, 'warn', 'chưa theo mẫu tên của tỉnh; tên gợi ý: Tổ CNS - Đông - An Bình'],
    ['Thôn Đông - Thông tin chung', { thon: '', xa: '', tinh: '' }, 'warn', 'Thôn Đông - Thông tin chung — chưa theo mẫu tên của tỉnh'],
  ])('name %j in %j → %s', (name, place, status, detail) => {
    const r = byId(runGroupHealthChecks(input({ thread: { ...thread, name }, place })), 'group-name');
    expect(r?.status).toBe(status);
    expect(r?.detail).toContain(detail);
  });

  it('no verdict on the name before the group settings arrive, nor for an empty name', () => {
    expect(byId(runGroupHealthChecks(input({ place: null })), 'group-name')).toEqual({ id: 'group-name', status: 'unknown', detail: thread.name });
    expect(byId(runGroupHealthChecks(input({ thread: { ...thread, name: ' ' } })), 'group-name')).toEqual({ id: 'group-name', status: 'unknown' });
  });

  it('reads whether the pinned bar holds the regulation; no pins at all is a warning', () => {
    expect(byId(runGroupHealthChecks(input()), 'rules-pinned')?.status).toBe('warn');
    pinText('NỘI QUY NHÓM Zalo thôn Đông (bản cập nhật)');
    expect(byId(runGroupHealthChecks(input()), 'rules-pinned')?.status).toBe('ok');
    document.body.innerHTML = '<div id="app-page"></div>';
    expect(byId(runGroupHealthChecks(input()), 'rules-pinned')?.status).toBe('warn');
  });

  it('admins: ok from rows in view or a read; too few only after a whole read; otherwise a hint', () => {
    document.getElementById('member-group')?.remove();
    expect(byId(runGroupHealthChecks(input()), 'admins')).toEqual({ id: 'admins', status: 'unknown', detail: 'bấm "Đọc danh sách thành viên" để kiểm tra' });
    memberRows([{ name: 'Nguyễn Văn Bình', badge: 'owner' }, { name: 'Phạm Thị Mai' }]);
    expect(byId(runGroupHealthChecks(input()), 'admins')?.status).toBe('unknown');
    const read: MemberRead = { threadId: 'g1', phase: 'done', read: 12, admins: ['Nguyễn Văn Bình'], saved: 'yes' };
    expect(byId(runGroupHealthChecks(input({ members: read })), 'admins')).toEqual({ id: 'admins', status: 'warn', detail: '1 người: Nguyễn Văn Bình' });
    memberRows([{ name: 'Lê Văn Hùng', badge: 'deputy' }]);
    expect(byId(runGroupHealthChecks(input()), 'admins')).toEqual({ id: 'admins', status: 'ok', detail: '2 người: Nguyễn Văn Bình, Lê Văn Hùng' });
  });

  it('page facts carry only verdicts, under the checklist item each check settles', () => {
    document.getElementById('member-group')?.remove();
    pinText('Nội quy nhóm');
    const results = runGroupHealthChecks(input({ place: null }));
    expect(pageFacts(results)).toEqual({ 'rules-pinned': true });
    expect(pageFacts(runGroupHealthChecks(input()))).toEqual({ 'name-pattern': false, 'rules-pinned': true });
  });

  it('a check that throws shows as unknown and the others still run', () => {
    const broken: GroupHealthCheck = {
      id: 'rules-pinned',
      check: () => {
        throw new Error('selector gone');
      },
    };
    expect(runGroupHealthChecks(input(), [GROUP_HEALTH_CHECKS[0], broken]).map((r) => r.status)).toEqual(['warn', 'unknown']);
  });

  it.each<[MemberRead, string]>([
    [{ threadId: 'g1', phase: 'reading', read: 40, total: 287, admins: [], saved: 'no' }, 'Đã đọc 40/287 thành viên…'],
    [{ threadId: 'g1', phase: 'done', read: 287, total: 287, admins: [], saved: 'yes' }, 'Đã đọc đủ 287 thành viên. Đã lưu 287 tên cho trang Sức khỏe nhóm (so với danh sách hộ).'],
    [{ threadId: 'g1', phase: 'partial', read: 9, total: 287, admins: [], saved: 'yes' }, 'Danh sách chưa đầy đủ: mới đọc được 9 trên 287 thành viên. Đã lưu 9 tên cho trang Sức khỏe nhóm (so với danh sách hộ).'],
    [{ threadId: 'g1', phase: 'partial', read: 9, admins: [], saved: 'error', saveError: 'hết chỗ' }, 'Danh sách chưa đầy đủ: mới đọc được 9 thành viên. Chưa lưu được danh sách tên: hết chỗ'],
    [{ threadId: 'g1', phase: 'failed', read: 0, total: 64, admins: [], saved: 'no' }, 'Không mở được danh sách thành viên. Mở "Thông tin nhóm" → "Thành viên nhóm" rồi bấm lại. Theo tiêu đề, nhóm có 64 thành viên.'],
  ])('member read text %#', (m, text) => {
    expect(memberReadText(m, t)).toBe(text);
  });
});

describe('group-health feature: own state slice, page facts to the background, panel section', () => {
  let root: Root | null = null;
  let host: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    loadFixture('normal');
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => {
    act(() => root?.unmount());
    root = null;
    vi.useRealTimers();
  });

  function start() {
    const store = createStore<OverlayState>({ ...initialOverlayState, thread });
    const sent: RequestInput[] = [];
    const send = (async (req: RequestInput) => {
      sent.push(req);
      if (req.type === 'session.open') return { global: DEFAULT_GLOBAL_SETTINGS, group: { ...defaultGroupSettings('g1', thread.name), ...BAC_GIANG }, samples: [] };
      if (req.type === 'health.members') return { count: req.names.length };
      return true;
    }) as Send;
    const core = createOverlayCore({ doc: document, store, t, send, enqueueLog: () => undefined, copyToClipboard: async () => false });
    const actions = groupHealthFeature.actions!(core);
    const ctrl = new AbortController();
    const ctx = { doc: document, store, core, onTabMessage: () => undefined, setBadgeCount: () => undefined } as FeatureContext;
    void groupHealthFeature.run?.(ctx, ctrl.signal);
    const slice = () => sliceStore(store, 'group-health', { threadId: null as string | null, results: [] as { id: string; status: string }[] }).get();
    return { store, ctrl, core, sent, actions, slice };
  }

  it('keeps results in its slice, follows the group and the pinned bar, reports changed facts once, stops on abort', async () => {
    const { store, ctrl, core, sent, slice } = start();
    const facts = () => sent.filter((r) => r.type === 'health.pageFacts');
    expect(slice().threadId).toBe('g1');
    // The fixture's member list shows the owner and a deputy.
    expect(slice().results.map((r) => r.status)).toEqual(['unknown', 'warn', 'ok']);
    expect(facts()).toEqual([{ type: 'health.pageFacts', threadId: 'g1', facts: { 'rules-pinned': false, admins: true } }]);

    await core.loadSession(thread);
    pinText('Nội quy nhóm');
    vi.advanceTimersByTime(REFRESH_MS);
    expect(slice().results.map((r) => r.status)).toEqual(['warn', 'ok', 'ok']);
    vi.advanceTimersByTime(REFRESH_MS * 3);
    expect(facts().map((r) => r.type === 'health.pageFacts' && r.facts)).toEqual([
      { 'rules-pinned': false, admins: true },
      { 'name-pattern': false, 'rules-pinned': true, admins: true },
    ]);

    store.set({ thread: { id: 'u5', name: 'Chị Lan', isGroup: false } });
    expect(slice()).toMatchObject({ threadId: null, results: [] });

    ctrl.abort();
    store.set({ thread });
    vi.advanceTimersByTime(REFRESH_MS * 2);
    expect(slice().threadId).toBeNull();
  });

  function render(store: ReturnType<typeof start>['store']) {
    const Section = groupHealthFeature.PanelSection!;
    const ui = { togglePanel: vi.fn(), openCard: vi.fn(), jumpTo: vi.fn(), openDashboard: vi.fn(), togglePicker: vi.fn() };
    root = createRoot(host);
    act(() => root!.render(<Section store={store} t={t} ui={ui} />));
  }
  const phase = () => host.querySelector('[data-testid="zgg-members"]')?.getAttribute('data-phase');
  const status = () => host.querySelector('[data-testid="zgg-members-status"]')?.textContent;
  async function clickRead() {
    vi.useRealTimers();
    await act(async () => {
      host.querySelector<HTMLButtonElement>('[data-testid="zgg-members-read"]')!.click();
      await new Promise((r) => setTimeout(r, 20));
    });
  }

  it('draws its section from the slice (text only); a list with fewer rows than its heading is read as partial and saved as such', async () => {
    const { store, sent } = start();
    render(store);
    const items = [...host.querySelectorAll('[data-testid="zgg-group-health"] li')];
    expect(items.map((li) => li.getAttribute('data-status'))).toEqual(['unknown', 'warn', 'ok']);
    expect(items[0].textContent).toBe('Tên nhóm: chưa rõ · Thôn Đông - Thông tin chung');
    expect(items[1].textContent).toBe('Đã ghim Nội quy: cần xem lại');
    expect(items[2].textContent).toBe('Trưởng/phó nhóm: đạt · 2 người: Trưởng thôn, Trần Thị Bình');

    await clickRead();
    await vi.waitFor(() => expect(status()).toContain('Đã lưu'));
    expect(phase()).toBe('partial');
    expect(status()).toBe('Danh sách chưa đầy đủ: mới đọc được 3 trên 128 thành viên. Đã lưu 3 tên cho trang Sức khỏe nhóm (so với danh sách hộ).');
    expect(sent.filter((r) => r.type === 'health.members')).toEqual([
      { type: 'health.members', threadId: 'g1', names: ['Trưởng thôn', 'Trần Thị Bình', 'Lê Văn Cường'], complete: false, headerCount: 128 },
    ]);

    act(() => store.set({ thread: { id: 'u5', name: '<b>x</b>', isGroup: false } }));
    expect(host.querySelector('[data-testid="zgg-group-health"]')).toBeNull();
  });

  it('no member list to open: the read fails, says so with the header count, and sends nothing', async () => {
    document.getElementById('member-group')?.remove();
    const { store, sent } = start();
    render(store);
    await clickRead();
    await vi.waitFor(() => expect(phase()).toBe('failed'), { timeout: 8000 });
    expect(status()).toBe('Không mở được danh sách thành viên. Mở "Thông tin nhóm" → "Thành viên nhóm" rồi bấm lại. Theo tiêu đề, nhóm có 128 thành viên.');
    expect(sent.some((r) => r.type === 'health.members')).toBe(false);
  });
});
