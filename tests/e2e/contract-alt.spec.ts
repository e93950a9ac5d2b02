// The public contract on a second, differently shaped page (tests/fixtures/zalo-alt) that the
// adapter was not written against: flat list, other classes, a small pool of recycled rows.
import path from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, ROOT } from './support/extension';

const ALT_DIR = path.join(ROOT, 'tests/fixtures/zalo-alt');
const SCAM = 'Tài khoản của bạn bị khóa, xác minh ngay tại vietcombank-xacminh.com và gửi mã OTP cho nhân viên để mở lại.';
const LOTTERY = 'soi cầu lô đề hôm nay chuẩn 99%, bao lô 3 số, ib em để lấy số';

type Alt = {
  push(m: { fromUid?: string; senderName?: string; text: string; own?: boolean }): string;
  scrollTo(i: number): number;
  total(): number;
  rows: number;
};
type AltWindow = Window & { __zaloAlt: Alt };

async function routeAlt(context: BrowserContext): Promise<void> {
  // Registered after the replica's route, so it wins for chat.zalo.me.
  await context.route('https://chat.zalo.me/**', async (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(ALT_DIR, rel);
    if (!file.startsWith(ALT_DIR) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    const type = file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8';
    await route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
  });
}

async function rows(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[id^="bb_msg_id_"]')]
      .filter((el) => !el.hidden)
      .map((el) => ({
        id: el.id,
        sent: el.querySelector('[data-id="div_SentMsg_Text"]') !== null,
        checked: el.getAttribute('data-zgg-checked'),
        flags: el.getAttribute('data-zgg-flags'),
        badge: el.querySelector(':scope > zgg-badge') !== null,
        text: el.querySelector('[data-id$="Msg_Text"]')?.textContent ?? '',
      })),
  );
}

/** Received rows carry their own id in data-zgg-checked; flags and badge match what they show now. */
async function expectContract(page: Page) {
  await expect
    .poll(
      async () =>
        (await rows(page))
          .filter((r) => {
            if (r.sent) return r.flags !== null || r.badge;
            if (r.checked !== r.id) return true;
            if (r.text === SCAM) return !/scam/.test(r.flags ?? '') || !r.badge;
            if (r.text === LOTTERY) return !/gambling-fortune/.test(r.flags ?? '');
            return r.flags !== null || r.badge;
          })
          .map((r) => `${r.id} "${r.text.slice(0, 20)}" checked=${r.checked} flags=${r.flags} badge=${r.badge}`),
      { timeout: 1000, message: 'rows whose marks do not follow the message they show' },
    )
    .toEqual([]);
}

test('contract holds on a differently shaped page with recycled rows', async ({ context, zalo }) => {
  await routeAlt(context);
  await zalo.goto('https://chat.zalo.me/');
  await zalo.bringToFront();
  await zalo.waitForFunction(() => document.querySelector('[id^="bb_msg_id_"]') !== null);
  await expect.poll(async () => (await rows(zalo)).filter((r) => !r.sent && r.checked === r.id).length, { timeout: 8000 }).toBeGreaterThan(5);
  await expectContract(zalo);

  const push = (m: Parameters<Alt['push']>[0]) => zalo.evaluate((x) => (window as unknown as AltWindow).__zaloAlt.push(x), m);
  await push({ fromUid: '300000000000000001', senderName: 'Kẻ Lừa', text: SCAM });
  await expectContract(zalo);
  await push({ fromUid: '300000000000000002', senderName: 'Số Đẹp', text: LOTTERY });
  await push({ text: 'Tin của quản trị viên: nhắc bà con cẩn thận.', own: true });
  await expectContract(zalo);
  // Every row is reused for older messages, then for the newest again.
  const total = await zalo.evaluate(() => (window as unknown as AltWindow).__zaloAlt.total());
  for (const at of [0, 7, Math.floor(total / 2), total]) {
    await zalo.evaluate((i) => (window as unknown as AltWindow).__zaloAlt.scrollTo(i), at);
    await expectContract(zalo);
  }
});
