import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { GuardDb } from '@/lib/db/db';
import { appendLog } from '@/lib/log/append';
import { saveGlobalSettings } from '@/lib/settings/store';
import { App } from '@/components/dashboard/App';
import { TrustDb } from '@/lib/trust/store';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// happy-dom has no layout: give elements a size so the virtual list renders its rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out; body: ${document.body.textContent?.slice(-700)}`);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

async function mount(db: GuardDb, hash: string) {
  const el = document.createElement('div');
  document.body.append(el);
  const hashes: string[] = [];
  root = createRoot(el);
  await act(async () => {
    root!.render(
      <App
        db={db}
        trustDb={new TrustDb(`trust-${db.name}`)}
        doc={document}
        now={() => new Date('2026-11-27T04:00:00Z')}
        version="0.1.0"
        fetchText={async () => '# Bundled domain blocklists'}
        initialHash={hash}
        onHash={(h) => hashes.push(h)}
      />,
    );
  });
  return { el, hashes };
}

describe('dashboard render', () => {
  it('opens the log tab with entries, text states and a working tab bar', async () => {
    const db = new GuardDb(`dash-render-${Math.random()}`);
    const group = { threadId: 'g-thon-dong', name: 'Nhóm Zalo thôn Đông' };
    const place = { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' };
    await appendLog(db, { kind: 'flag', group, place, member: { name: 'Lê Hoàng Cường' }, category: 'gambling-fortune', clause: 'III.2(4)', text: 'Lô đề hôm nay: bạch thủ 68', admin: 'Hoa', time: '2026-11-20T01:00:00Z' }, { redaction: { phones: true, idNumbers: true } });
    await appendLog(db, { kind: 'action', action: 'remind', ref: 1, group, place, admin: 'Hoa', time: '2026-11-20T02:00:00Z' }, { redaction: { phones: true, idNumbers: true } });
    const { el, hashes } = await mount(db, '#log');

    await waitFor(() => el.textContent!.includes('Tìm thấy 2 mục'));
    await waitFor(() => el.querySelectorAll('[role=row][data-seq]').length === 2);
    const rows = [...el.querySelectorAll('[role=row][data-seq]')];
    expect(rows.map((r) => r.getAttribute('data-seq'))).toEqual(['2', '1']);
    expect(rows[1].textContent).toContain('Lô đề hôm nay');
    expect(rows[1].textContent).toContain('20/11/2026 08:00');
    expect(rows[0].textContent).toContain('về mục #1');

    const tabs = [...el.querySelectorAll('[role=tab]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['Nhật ký', 'Báo cáo', 'Tổng hợp xã', 'Sức khỏe nhóm', 'Mẫu thông báo', 'Cài đặt']);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    await act(async () => {
      tabs[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(hashes.at(-1)).toBe('#xa');
    await waitFor(() => el.textContent!.includes('Kéo thả tệp .json vào đây') || el.textContent!.includes('Báo cáo định kỳ'));
  });

  it('follows the stored language and shows reports with the deadline', async () => {
    const db = new GuardDb(`dash-render-${Math.random()}`);
    await saveGlobalSettings(db, { language: 'en', adminName: 'Hoa' });
    const { el } = await mount(db, '#reports');
    await waitFor(() => el.textContent!.includes('Periodic reports'));
    // Files for the xã stay Vietnamese (labels from lib/reports); the UI is English.
    expect(el.textContent).toContain('Hạn gửi báo cáo: trước ngày 28/11/2026');
    expect(el.textContent).toContain('No groups in the log yet.');
    expect(document.documentElement.lang).toBe('en');
  });
});
