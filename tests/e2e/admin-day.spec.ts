// An admin's day end to end on the replica: what the log keeps about messages (time, redaction).
import { test, expect, openReplica } from './support/extension';
import { bubble, push, readLog, replicaState } from './support/zalo';

test('history read today is logged with the time each message was sent', async ({ zalo, context, extensionId }) => {
  await openReplica(zalo);
  await expect(zalo.locator('[data-zgg-flags]').first()).toBeVisible();
  let flags: Awaited<ReturnType<typeof readLog>> = [];
  await expect
    .poll(async () => {
      flags = (await readLog(context, extensionId)).filter((e) => e.kind === 'flag');
      return flags.length;
    })
    .toBeGreaterThan(0);
  const today = Date.now();
  for (const f of flags) {
    // The replica's history is from November; the log is written now (December).
    const sent = Number(f.messageId);
    expect(f.messageTime).toBe(new Date(sent).toISOString());
    expect(today - Date.parse(String(f.messageTime))).toBeGreaterThan(86_400_000);
    expect(Date.parse(String(f.time))).toBeGreaterThanOrEqual(sent);
  }
});

test('an account number in a flagged message never reaches the log', async ({ zalo, context, extensionId }) => {
  await openReplica(zalo);
  const text = 'Hỗ trợ vay 50 triệu không thế chấp, đóng phí hồ sơ 500k vào STK 1903 5678 9012 Techcombank, liên hệ 0912 345 678';
  const id = await push(zalo, { fromUid: 'u-vay', senderName: 'Tài Chính Nhanh', text });
  await expect(bubble(zalo, id)).toHaveAttribute('data-zgg-flags', /scam/);
  let mine: Awaited<ReturnType<typeof readLog>> = [];
  await expect
    .poll(async () => {
      mine = (await readLog(context, extensionId)).filter((e) => e.messageId === id);
      return mine.length;
    })
    .toBeGreaterThan(0);
  // Ids, times and hashes are digits and hex of their own ("…a6930912…"): only what could carry the message's words.
  const MACHINE = new Set(['chainId', 'messageId', 'key', 'time', 'messageTime', 'seq', 'textHash', 'prevHash', 'hash']);
  const stored = JSON.stringify(mine.map((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !MACHINE.has(k)))));
  expect(stored).toContain('Tài Chính Nhanh');
  expect(stored).not.toMatch(/1903|5678 9012|56789012/);
  expect(stored).not.toMatch(/0912|345 678/);
  expect(mine.some((e) => (e.evidence as string[] | undefined)?.some((x) => /\*{3}/.test(x)))).toBe(true);
});

test('first-run setup: asked until done, refuses blanks, fills the group from its name; settings refuse nonsense', async ({ zalo, context, extensionId }) => {
  // The group has been opened once, so the dashboard knows it.
  await openReplica(zalo);
  await expect(zalo.getByTestId('zgg-status-chip')).toBeVisible();
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
  const setup = page.getByTestId('first-run');
  await expect(setup).toBeVisible();
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-msg')).toContainText('Tên người quản trị');
  await expect(page.getByTestId('setup-msg')).not.toContainText(/Too small|expected/);
  await page.getByTestId('setup-adminName').fill('Trần Thị Lan');
  await page.getByTestId('setup-xa').fill('An Bình');
  await page.getByTestId('setup-tinh').fill('Bắc Ninh');
  await page.getByTestId('setup-save').click();
  await expect(setup).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('set-admin')).toHaveValue('Trần Thị Lan');
  await expect(page.getByTestId('first-run')).toHaveCount(0);
  // "Thôn Đông - Thông tin chung": its thôn comes from the name, the xã from the setup.
  await expect(page.getByTestId('grp-thon')).toHaveValue('Đông');

  await page.getByTestId('set-admin').fill('');
  await page.getByTestId('set-save').click();
  await expect(page.getByTestId('set-msg')).toContainText('Tên người quản trị');
  await page.getByTestId('set-admin').fill('Trần Thị Lan');
  await page.getByTestId('set-retention').fill('99999999');
  await page.getByTestId('set-save').click();
  await expect(page.getByTestId('set-msg')).toContainText('Số ngày lưu nội dung tin nhắn');
  await expect(page.getByTestId('set-msg')).toContainText('Quá lớn');
  await page.getByTestId('set-retention').fill('365');
  await page.getByTestId('grp-phone').fill('abc-xyz');
  await page.getByTestId('grp-save').click();
  await expect(page.getByTestId('grp-msg')).toContainText('Số điện thoại liên hệ');
  await page.getByTestId('grp-name').fill(' ');
  await page.getByTestId('grp-phone').fill('0912 345 678');
  await page.getByTestId('grp-save').click();
  await expect(page.getByTestId('grp-msg')).toContainText('Tên nhóm');
});

test('ladder steps keep the unsent draft, each with its own words, logged as what was done', async ({ zalo, context, extensionId }) => {
  await openReplica(zalo);
  await expect(zalo.getByTestId('zgg-status-chip')).toBeVisible();
  const LOTTERY = 'soi cầu lô đề hôm nay chuẩn 99%, bao lô 3 số, ib em để lấy số';
  const first = await push(zalo, { fromUid: 'u-lo', senderName: 'Số Đẹp', text: LOTTERY });
  await expect(bubble(zalo, first)).toHaveAttribute('data-zgg-flags', /gambling-fortune/);

  await zalo.locator('#richInput').click();
  await zalo.keyboard.type('Chiều nay họp thôn lúc 14h');
  await expect.poll(async () => (await replicaState(zalo)).composerText).toContain('họp thôn');

  await bubble(zalo, first).locator('zgg-badge button').click();
  const card = zalo.getByTestId('zgg-card');
  await expect(card.getByTestId('zgg-next-step')).toHaveAttribute('data-step', 'remind');
  await expect(card.getByTestId('zgg-act-remind')).toHaveText('Nhắc nhở');
  await card.getByTestId('zgg-act-remind').click();
  await expect.poll(async () => (await replicaState(zalo)).composerText).toContain('nhắc nhở');
  const afterRemind = (await replicaState(zalo)).composerText;
  expect(afterRemind).toContain('Chiều nay họp thôn lúc 14h');
  expect(afterRemind.indexOf('Chiều nay họp thôn')).toBeLessThan(afterRemind.indexOf('nhắc nhở'));

  await expect.poll(async () => (await readLog(context, extensionId)).filter((e) => e.kind === 'action').length).toBe(1);
  await expect(card.getByTestId('zgg-card-sender')).not.toHaveText('Số Đẹp'); // the card has moved on after the decision
  const second = await push(zalo, { fromUid: 'u-lo', senderName: 'Số Đẹp', text: 'Chốt số đề miền Bắc hôm nay, nuôi lô khung 3 ngày, inbox em' });
  await expect(bubble(zalo, second)).toHaveAttribute('data-zgg-flags', /gambling-fortune/);
  await bubble(zalo, second).locator('zgg-badge button').click();
  await expect(card.getByTestId('zgg-next-step')).toHaveAttribute('data-step', 'warn');
  await expect(card.getByTestId('zgg-act-remind')).toHaveText('Cảnh cáo');
  // The card never proposes a different step beside the ladder's.
  await expect(card).not.toContainText('Đề xuất:');
  await card.getByTestId('zgg-act-remind').click();
  await expect.poll(async () => (await replicaState(zalo)).composerText).toContain('CẢNH CÁO');
  expect((await replicaState(zalo)).composerText).toContain('Chiều nay họp thôn lúc 14h');
  expect((await replicaState(zalo)).sent).toEqual([]);
  await expect
    .poll(async () =>
      (await readLog(context, extensionId))
        .filter((e) => e.kind === 'action')
        .map((e) => `${e.messageId === first ? 'first' : 'second'}:${e.action}`)
        .sort(),
    )
    .toEqual(['first:remind', 'second:warn']);
});
