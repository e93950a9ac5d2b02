// The extension at run time in Firefox (firefox-esr): the same replica flows the Chromium suite covers,
// through the polyfilled `browser` API, Firefox's event-page background and its content-script sandbox.
import type { Page } from 'puppeteer-core';
import { test, expect, bubbleMarks, extensionPage, marksOf, openReplica, push, readLog, reloadAt, replicaState, textOf } from './support/firefox';

const SCAM =
  'Thông báo từ ngân hàng Vietcombank: tài khoản của quý khách bị tạm khóa, xác minh ngay tại vietcombank-xacminh.com và cung cấp mã OTP để mở lại.';
const LOTTERY = 'soi cầu lô đề hôm nay chuẩn 99%, bao lô 3 số, ib em để lấy số';
const CLEAN = 'Chiều nay 14h Tổ CNS hỗ trợ bà con kích hoạt VNeID tại nhà văn hóa thôn nhé.';

const byTestId = (id: string) => `>>> [data-testid="${id}"]`;

/** Every received bubble in the DOM carries data-zgg-checked (the public contract). */
async function expectAllChecked(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const marks = await bubbleMarks(page);
        return marks.length === 0 ? ['(no received bubbles yet)'] : marks.filter((m) => m.checked === null).map((m) => m.id);
      },
      { timeout: 5000, message: 'unchecked received bubbles' },
    )
    .toEqual([]);
}

test('flags: every received bubble is checked, violations carry their categories, pushed ones within 1 s', async ({ zalo, errors }) => {
  await openReplica(zalo);
  await zalo.locator(byTestId('zgg-status-chip')).wait();
  await expect.poll(async () => await zalo.$eval(byTestId('zgg-status-chip'), (el) => el.getAttribute('data-health'))).toBe('healthy');
  await expectAllChecked(zalo);
  // The default scenario's history holds violations of every category.
  const history = await bubbleMarks(zalo);
  expect(history.filter((m) => m.flags).length).toBeGreaterThan(0);

  const scam = await push(zalo, { fromUid: 'u-scam', senderName: 'Ngân Hàng VCB', text: SCAM });
  const lottery = await push(zalo, { fromUid: 'u-lo', senderName: 'Số Đẹp', text: LOTTERY });
  const clean = await push(zalo, { fromUid: 'u-ok', senderName: 'Lê Thị Hoa', text: CLEAN });
  await expect
    .poll(async () => (await marksOf(zalo, scam))?.flags?.split(' ').sort(), { timeout: 1000 })
    .toEqual(expect.arrayContaining(['scam', 'strange-link']));
  await expect.poll(async () => (await marksOf(zalo, lottery))?.flags, { timeout: 1000 }).toMatch(/gambling-fortune/);
  await expect.poll(async () => (await marksOf(zalo, clean))?.checked ?? null, { timeout: 1000 }).not.toBeNull();
  expect((await marksOf(zalo, clean))?.flags).toBeNull();
  // The badge sits in its own shadow root and names the category in Vietnamese.
  expect(await textOf(zalo, `[id="bb_msg_id_${scam}"] zgg-badge >>> button`)).toMatch(/Lừa đảo|Đường link lạ/);
  expect(errors).toEqual([]);
});

test('reminder: the card puts a reminder in the composer, never sends it, and the action is logged and shown in the dashboard', async ({
  firefox,
  zalo,
}) => {
  await openReplica(zalo);
  await expectAllChecked(zalo);
  const id = await push(zalo, { fromUid: 'u-lo', senderName: 'Số Đẹp', text: LOTTERY });
  await expect.poll(async () => (await marksOf(zalo, id))?.flags).toMatch(/gambling-fortune/);

  await zalo.locator(`[id="bb_msg_id_${id}"] zgg-badge >>> button`).click();
  await zalo.locator(byTestId('zgg-card')).wait();
  expect(await textOf(zalo, byTestId('zgg-card-sender'))).toBe('Số Đẹp');
  await zalo.locator(byTestId('zgg-act-remind')).click();
  await zalo.locator(byTestId('zgg-toast')).wait();
  await expect.poll(async () => (await replicaState(zalo)).composerText).toContain('Số Đẹp');
  expect((await replicaState(zalo)).composerText).toContain('III.2(4)');
  expect((await replicaState(zalo)).sent).toEqual([]);

  const dashboard = await extensionPage(firefox);
  await expect
    .poll(async () =>
      (await readLog(dashboard))
        .filter((e) => e.messageId === id)
        .map((e) => `${e.kind}:${e.action ?? e.category}`)
        .sort(),
    )
    .toEqual(['action:remind', 'flag:gambling-fortune']);

  // The dashboard's log view lists the new entries.
  await dashboard.bringToFront();
  await reloadAt(dashboard, 'log', byTestId('log-count'));
  const rows = await readLog(dashboard);
  await expect.poll(() => textOf(dashboard, byTestId('log-count'))).toBe(`Tìm thấy ${rows.length} mục`);
  await expect
    .poll(() => dashboard.$$eval('[role=row][data-category]', (els) => els.map((el) => el.getAttribute('data-category'))))
    .toContain('gambling-fortune');
});

test('template: a notice is filled, inserted in the composer, sent by the admin and logged', async ({ firefox, zalo }) => {
  await openReplica(zalo);
  // Open the panel once the overlay has read the page: on a loaded runner a click before that can be lost.
  await expectAllChecked(zalo);
  await zalo.locator(byTestId('zgg-status-chip')).click();
  await zalo.locator(byTestId('zgg-open-picker')).click();
  await zalo.locator(byTestId('zgg-picker')).wait();
  await zalo.locator(byTestId('zgg-picker-search')).fill('thong bao chung'); // accent-insensitive search
  await zalo.locator('>>> [data-template="thong-bao-chung"]').click();
  await zalo.locator('>>> input[data-var="thon"]').fill('thôn Đông');
  await zalo.locator('>>> input[data-var="noi_dung"]').fill('Sáng mai cắt điện từ 7h đến 11h để sửa đường dây.');
  await expect.poll(() => textOf(zalo, byTestId('zgg-preview'))).toContain('thôn Đông');
  await zalo.locator(byTestId('zgg-picker-insert')).click();
  await expect.poll(() => textOf(zalo, byTestId('zgg-picker-message'))).toMatch(/Gửi/);

  expect((await replicaState(zalo)).composerText).toContain('Sáng mai cắt điện từ 7h đến 11h');
  expect((await replicaState(zalo)).sent).toEqual([]); // never auto-sent
  await zalo.locator('[icon="Sent-msg_24_Line"]').click();
  await expect.poll(async () => (await replicaState(zalo)).sent.length).toBe(1);
  expect((await replicaState(zalo)).sent[0]).toContain('Sáng mai cắt điện');

  const dashboard = await extensionPage(firefox);
  await expect.poll(async () => (await readLog(dashboard)).filter((e) => e.kind === 'notice').map((e) => e.templateId)).toEqual(['thong-bao-chung']);
});
