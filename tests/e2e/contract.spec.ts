// The public contract on recycled elements (data-zgg-checked = the bubble's id; flags, badge and
// card follow the message an element shows now), senders out of view, and the admin-facing
// fallbacks for pinning and mentions, on the replica with its recycling message list.
import type { Page } from '@playwright/test';
import { test, expect, openReplica } from './support/extension';
import { bubble, push } from './support/zalo';

const SCAM =
  'Thông báo từ ngân hàng Vietcombank: tài khoản của quý khách bị tạm khóa, xác minh ngay tại vietcombank-xacminh.com và cung cấp mã OTP để mở lại.';
const clean = (i: number) => `Tối nay ${i} giờ thôn họp bàn việc làm đường, mời bà con tham dự đông đủ.`;
const HUNG = { fromUid: '2290174438851123560', senderName: 'Lê Văn Hùng' };

type HookWindow = Window & {
  __zaloReplica: { setHidden(h: boolean): void; pushIncoming(m: object): string };
  __before?: Set<Element>;
};

/** Every received bubble in the DOM: its id, its data-zgg-checked, its flags, whether it shows a badge. */
async function marks(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[id^="bb_msg_id_"]')]
      .filter((el) => !el.querySelector('[data-id*="SentMsg"]'))
      .map((el) => ({
        id: el.id,
        checked: el.getAttribute('data-zgg-checked'),
        flags: el.getAttribute('data-zgg-flags'),
        badge: el.querySelector(':scope > zgg-badge') !== null,
        text: el.querySelector('[data-id$="Msg_Text"]')?.textContent ?? '',
      })),
  );
}

/** Opens the replica and waits until the extension has read every received bubble on screen. */
async function openChecked(page: Page, params: Record<string, string> = {}) {
  await openReplica(page, params);
  await expect
    .poll(async () => {
      const m = await marks(page);
      return m.length > 0 && m.every((x) => x.checked === x.id);
    }, { timeout: 10_000 })
    .toBe(true);
}

async function expectContract(page: Page) {
  await expect
    .poll(
      async () =>
        (await marks(page))
          .filter((m) => m.checked !== m.id || (m.text.includes('vietcombank-xacminh') ? !/scam/.test(m.flags ?? '') : m.text.startsWith('Tối nay') && (m.flags !== null || m.badge)))
          .map((m) => `${m.id}: checked=${m.checked} flags=${m.flags} badge=${m.badge}`),
      { timeout: 1000, message: 'bubbles whose marks do not match the message they show' },
    )
    .toEqual([]);
}

test.describe('contract on recycled elements', () => {
  test('data-zgg-checked holds the id of the bubble read', async ({ zalo }) => {
    await openReplica(zalo);
    await expect.poll(async () => (await marks(zalo)).filter((m) => m.checked !== m.id).length, { timeout: 5000 }).toBe(0);
    expect((await marks(zalo)).length).toBeGreaterThan(10);
  });

  test('an element reused for a clean message drops the scam verdict; a scam in a reused element is flagged', async ({ zalo }) => {
    await openChecked(zalo, { window: '20' });

    const scam = await push(zalo, { fromUid: 'u-scam', senderName: 'Ngân Hàng VCB', text: SCAM });
    await expect(bubble(zalo, scam)).toHaveAttribute('data-zgg-flags', /scam/, { timeout: 1000 });
    await zalo.evaluate((id) => {
      (window as unknown as HookWindow & { __scamEl?: Element | null }).__scamEl = document.getElementById(id);
    }, `bb_msg_id_${scam}`);
    for (let i = 0; i < 20; i++) await push(zalo, { fromUid: 'u-ok', senderName: 'Lê Thị Hoa', text: clean(i) });
    // The scam's element now shows another message: checked again, no flags, no badge.
    const reused = await zalo.evaluate(() => {
      const el = (window as unknown as { __scamEl?: HTMLElement | null }).__scamEl;
      return el && el.isConnected ? el.id : null;
    });
    expect(reused).not.toBeNull();
    expect(reused).not.toBe(`bb_msg_id_${scam}`);
    await expectContract(zalo);

    // The other way: a scam arrives in an element that showed a clean message.
    await zalo.evaluate(() => {
      (window as unknown as HookWindow).__before = new Set(document.querySelectorAll('[id^="bb_msg_id_"]'));
    });
    const second = await push(zalo, { fromUid: 'u-scam2', senderName: 'Tổng đài VCB', text: SCAM });
    expect(await zalo.evaluate((id) => (window as unknown as HookWindow).__before!.has(document.getElementById(id)!), `bb_msg_id_${second}`)).toBe(true);
    await expect(bubble(zalo, second)).toHaveAttribute('data-zgg-flags', /scam/, { timeout: 1000 });
    await expect(bubble(zalo, second).locator('zgg-badge button')).toContainText(/Lừa đảo|Đường link lạ/);
    await expectContract(zalo);
    // The card opened from the reused element is the new message's.
    await bubble(zalo, second).locator('zgg-badge button').click();
    await expect(zalo.getByTestId('zgg-card-sender')).toHaveText('Tổng đài VCB');
  });

  test('scrolling through history re-checks every reused element', async ({ zalo }) => {
    await openChecked(zalo, { window: '20' });
    await push(zalo, { fromUid: 'u-scam', senderName: 'Ngân Hàng VCB', text: SCAM });
    await expectContract(zalo);
    for (let i = 0; i < 3; i++) {
      await zalo.evaluate(() => (window as unknown as { __zaloReplica: { scrollToTop(): Promise<unknown> } }).__zaloReplica.scrollToTop());
      await expectContract(zalo);
    }
    await zalo.evaluate(() => (window as unknown as { __zaloReplica: { scrollToBottom(): Promise<unknown> } }).__zaloReplica.scrollToBottom());
    await expectContract(zalo);
  });
});

test.describe('senders out of view', () => {
  test('a later bubble of a run whose first bubble left the DOM keeps the sender name', async ({ zalo }) => {
    await openChecked(zalo, { window: '20' });
    await push(zalo, { ...HUNG, text: 'Chào bà con, tôi báo tin họp thôn.' });
    await zalo.waitForTimeout(200);
    for (let i = 0; i < 20; i++) await push(zalo, { ...HUNG, text: clean(i) });
    const scam = await push(zalo, { ...HUNG, text: SCAM });
    await expect(bubble(zalo, scam)).toHaveAttribute('data-zgg-flags', /scam/, { timeout: 1000 });
    await expect(bubble(zalo, scam).locator('.message-sender-name-wrapper, .message-sender-name-bubble')).toHaveCount(0);
    await bubble(zalo, scam).locator('zgg-badge button').click();
    await expect(zalo.getByTestId('zgg-card-sender')).toHaveText('Lê Văn Hùng');
  });

  test('a name inside the card (media bubble) is read', async ({ zalo }) => {
    await openChecked(zalo);
    const photo = await push(zalo, { fromUid: '6600000000000000001', senderName: 'Cửa Hàng Ảnh', kind: 'photo', caption: SCAM });
    await expect(bubble(zalo, photo)).toHaveAttribute('data-zgg-flags', /scam/, { timeout: 1000 });
    await expect(bubble(zalo, photo).locator('.message-sender-name-bubble .truncate')).toHaveText('Cửa Hàng Ảnh');
    await bubble(zalo, photo).locator('zgg-badge button').click();
    await expect(zalo.getByTestId('zgg-card-sender')).toHaveText('Cửa Hàng Ảnh');
  });

  test('a sender never seen is shown as "không rõ người gửi", not as someone else', async ({ zalo }) => {
    await openChecked(zalo, { window: '20' });
    await zalo.evaluate(() => (window as unknown as HookWindow).__zaloReplica.setHidden(true));
    const who = { fromUid: '6600000000000000002', senderName: 'Trịnh Văn Lạ' };
    await push(zalo, { ...who, text: 'Xin chào cả nhóm' });
    for (let i = 0; i < 20; i++) await push(zalo, { ...who, text: clean(i) });
    const scam = await push(zalo, { ...who, text: SCAM });
    await zalo.evaluate(() => (window as unknown as HookWindow).__zaloReplica.setHidden(false));
    await expect(bubble(zalo, scam)).toHaveAttribute('data-zgg-flags', /scam/, { timeout: 1000 });
    await bubble(zalo, scam).locator('zgg-badge button').click();
    await expect(zalo.getByTestId('zgg-card-sender')).toHaveText(/không rõ người gửi|unknown sender/i);
  });
});
