import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { PopupApp, type PopupDeps } from '@/components/popup/PopupApp';
import { createT } from '@/lib/i18n';
import type { TabStatus } from '@/lib/messages/protocol';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

async function render(over: Partial<PopupDeps>) {
  const deps: PopupDeps = {
    t: createT('vi'),
    status: async () => null,
    openPanel: vi.fn(async () => undefined),
    openPicker: vi.fn(async () => undefined),
    openDashboard: vi.fn(async () => undefined),
    openZalo: vi.fn(async () => undefined),
    quickTemplates: [{ id: 'noi-quy-nhom', title: 'Nội quy nhóm' }],
    shortcut: async () => 'Alt+Shift+Y',
    browserFamily: 'chromium',
    openShortcutSettings: vi.fn(async () => true),
    ...over,
  };
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<PopupApp {...deps} />));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return { host, deps };
}

const status: TabStatus = {
  ready: true,
  thread: { id: 'g1', name: 'Thôn Đông - Thông tin chung', isGroup: true },
  checked: 120,
  openFlags: 3,
  areas: [
    { id: 'read-messages', state: 'ok', missing: [] },
    { id: 'pin', state: 'degraded', missing: ['pinMenuItem'] },
  ],
  errors: [],
};

describe('popup', () => {
  it('on a non-Zalo tab offers to open Zalo Web', async () => {
    const { host, deps } = await render({});
    expect(host.textContent).toContain('Mở Zalo Web');
    await act(async () => host.querySelector<HTMLButtonElement>('button')!.click());
    expect(deps.openZalo).toHaveBeenCalled();
  });

  it('shows the open group, its flag count and the degraded part', async () => {
    const { host } = await render({ status: async () => status });
    expect(host.querySelector('[data-testid="popup-flags"]')?.textContent).toBe('3');
    expect(host.textContent).toContain('Thôn Đông - Thông tin chung');
    expect(host.querySelector('[data-testid="popup-health"]')?.textContent).toContain('ghim tin');
  });

  it('quick templates open the picker with that template', async () => {
    const { host, deps } = await render({ status: async () => status });
    const quick = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Nội quy nhóm')!;
    await act(async () => quick.click());
    expect(deps.openPicker).toHaveBeenCalledWith('noi-quy-nhom');
  });

  it('says the page is not ready when the Zalo tab does not answer', async () => {
    const { host } = await render({ status: async () => Promise.reject(new Error('no receiver')) });
    expect(host.textContent).toContain('Trang Zalo chưa sẵn sàng');
  });

  it('shows the assigned shortcut', async () => {
    const { host } = await render({});
    expect(host.querySelector('[data-testid="popup-shortcut-keys"]')?.textContent).toBe('Alt+Shift+Y');
    expect(host.querySelector('[data-testid="popup-shortcut-help"]')).toBeNull();
  });

  it('when the browser left the shortcut unassigned, says so and opens the shortcut page', async () => {
    const { host, deps } = await render({ shortcut: async () => '' });
    expect(host.querySelector('[data-testid="popup-shortcut"]')?.textContent).toContain('Chưa được gán');
    expect(host.querySelector('[data-testid="popup-shortcut-help"]')?.textContent).toContain('chrome://extensions/shortcuts');
    await act(async () => host.querySelector<HTMLButtonElement>('[data-testid="popup-shortcut-open"]')!.click());
    expect(deps.openShortcutSettings).toHaveBeenCalled();
  });

  it('on Firefox without a shortcut API, explains the about:addons steps instead of a dead link', async () => {
    const { host } = await render({ shortcut: async () => '', browserFamily: 'firefox', openShortcutSettings: async () => false });
    expect(host.querySelector('[data-testid="popup-shortcut-help"]')?.textContent).toContain('about:addons');
    await act(async () => host.querySelector<HTMLButtonElement>('[data-testid="popup-shortcut-open"]')!.click());
    expect(host.querySelector('[data-testid="popup-shortcut-open"]')).toBeNull();
  });

  it('follows the language setting', async () => {
    const { host } = await render({ t: createT('en'), lang: 'en' });
    expect(host.querySelector('main')?.getAttribute('lang')).toBe('en');
    expect(host.textContent).toContain('Shortcut for notice templates');
  });
});

describe('popup: Zalo page diagnostics', () => {
  const diagnosis = {
    appReady: true,
    chatOpen: true,
    pack: { name: 'Gói sửa lỗi tháng 12' },
    areas: [
      {
        area: 'pinned-bar' as const,
        status: 'degraded' as const,
        rows: [{ key: 'pinnedBar', description: '', status: 'fallback' as const, candidate: 1, selector: '.list-chat-box-banner' }],
      },
      {
        area: 'read-messages' as const,
        status: 'ok' as const,
        rows: [{ key: 'messageList', description: '', status: 'matched' as const, candidate: 0, selector: '#x', fromPack: true }],
      },
    ],
  };

  it('shows each feature, the matched candidate, the pack, and exports the structure', async () => {
    const exportStructure = vi.fn(async () => undefined);
    const { host } = await render({ status: async () => status, diagnose: async () => diagnosis, exportStructure });
    await act(async () => host.querySelector<HTMLButtonElement>('[data-testid="popup-diag-toggle"]')!.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(host.querySelector('[data-testid="diag-area-pinned-bar"]')?.textContent).toBe('thanh tin ghim: Đang dùng phương án dự phòng');
    expect(host.querySelector('[data-testid="diag-pack"]')?.textContent).toContain('Gói sửa lỗi tháng 12');
    expect(host.querySelector('[data-testid="diag-row-pinnedBar"]')?.textContent).toContain('.list-chat-box-banner (phương án 2)');
    expect(host.querySelector('[data-testid="diag-row-messageList"]')?.textContent).toContain('từ gói bộ chọn');
    await act(async () => host.querySelector<HTMLButtonElement>('[data-testid="diag-export"]')!.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(exportStructure).toHaveBeenCalled();
    expect(host.querySelector('[data-testid="diag-message"]')?.textContent).toBe('Đã lưu tệp cấu trúc trang.');
  });

  it('says so when the page does not answer', async () => {
    const { host } = await render({
      status: async () => status,
      diagnose: async () => {
        throw new Error('no answer');
      },
      exportStructure: async () => undefined,
    });
    await act(async () => host.querySelector<HTMLButtonElement>('[data-testid="popup-diag-toggle"]')!.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(host.textContent).toContain('Trang Zalo chưa trả lời');
  });
});
