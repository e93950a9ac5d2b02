import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { groupHealthFeature, runGroupHealthChecks, GROUP_HEALTH_CHECKS, REFRESH_MS, type GroupHealthCheck } from '@/lib/overlay/features/group-health';
import { createStore, initialOverlayState, sliceStore, type OverlayState } from '@/lib/overlay/store';
import type { FeatureContext } from '@/lib/overlay/feature';
import { createT } from '@/lib/i18n';
import { loadFixture } from '../zalo/helpers';

const thread = { id: 'g1', name: 'Thôn Đông - Thông tin chung', isGroup: true };
const t = createT('vi');

function pinText(text: string) {
  const pin = document.querySelector('.pin-text');
  if (!pin) throw new Error('fixture has no pinned bar');
  pin.textContent = text;
}

describe('group-health checks', () => {
  beforeEach(() => loadFixture('normal'));

  it('reports the group name and whether the pinned bar holds the regulation', () => {
    expect(runGroupHealthChecks({ doc: document, thread })).toEqual([
      { id: 'group-name', status: 'ok', detail: 'Thôn Đông - Thông tin chung' },
      { id: 'rules-pinned', status: 'warn' },
    ]);
    pinText('NỘI QUY NHÓM Zalo thôn Đông (bản cập nhật)');
    expect(runGroupHealthChecks({ doc: document, thread }).find((r) => r.id === 'rules-pinned')?.status).toBe('ok');
  });

  it('a group with no pins at all, or no name, is not reported as fine', () => {
    document.body.innerHTML = '<div id="app-page"></div>';
    expect(runGroupHealthChecks({ doc: document, thread: { ...thread, name: ' ' } })).toEqual([
      { id: 'group-name', status: 'unknown' },
      { id: 'rules-pinned', status: 'warn' },
    ]);
  });

  it('a check that throws shows as unknown and the others still run', () => {
    const broken: GroupHealthCheck = {
      id: 'rules-pinned',
      check: () => {
        throw new Error('selector gone');
      },
    };
    expect(runGroupHealthChecks({ doc: document, thread }, [GROUP_HEALTH_CHECKS[0], broken])).toEqual([
      { id: 'group-name', status: 'ok', detail: thread.name },
      { id: 'rules-pinned', status: 'unknown' },
    ]);
  });
});

describe('group-health feature: own state slice and panel section', () => {
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
    const ctrl = new AbortController();
    const ctx = { doc: document, store, onTabMessage: () => undefined, setBadgeCount: () => undefined } as unknown as FeatureContext;
    void groupHealthFeature.run?.(ctx, ctrl.signal);
    return { store, ctrl };
  }

  it('keeps results in its slice, follows the group and the pinned bar, stops on abort', () => {
    const { store, ctrl } = start();
    const slice = () => sliceStore(store, 'group-health', { threadId: null, results: [] as { id: string; status: string }[] }).get();
    expect(slice().threadId).toBe('g1');
    expect(slice().results.map((r) => r.status)).toEqual(['ok', 'warn']);

    pinText('Nội quy nhóm');
    vi.advanceTimersByTime(REFRESH_MS);
    expect(slice().results.map((r) => r.status)).toEqual(['ok', 'ok']);

    store.set({ thread: { id: 'u5', name: 'Chị Lan', isGroup: false } });
    expect(slice()).toEqual({ threadId: null, results: [] });

    ctrl.abort();
    store.set({ thread });
    vi.advanceTimersByTime(REFRESH_MS * 2);
    expect(slice().threadId).toBeNull();
  });

  it('draws its section from the slice (text only) and nothing for a non-group chat', () => {
    const { store } = start();
    const Section = groupHealthFeature.PanelSection!;
    const ui = { togglePanel: vi.fn(), openCard: vi.fn(), jumpTo: vi.fn(), openDashboard: vi.fn(), togglePicker: vi.fn() };
    root = createRoot(host);
    act(() => root!.render(<Section store={store} t={t} ui={ui} />));
    const items = [...host.querySelectorAll('[data-testid="zgg-group-health"] li')];
    expect(items.map((li) => li.getAttribute('data-status'))).toEqual(['ok', 'warn']);
    expect(items[0].textContent).toBe('Tên nhóm: đạt · Thôn Đông - Thông tin chung');
    expect(items[1].textContent).toBe('Đã ghim Nội quy: cần xem lại');
    act(() => store.set({ thread: { id: 'u5', name: '<b>x</b>', isGroup: false } }));
    expect(host.querySelector('[data-testid="zgg-group-health"]')).toBeNull();
  });
});
