// The flag card as an admin works through a group's flags: compact on a small screen, several
// outcomes for one message, the card moving on after each decision, a dismissal clearing the mark,
// and the group always addressed in Vietnamese whatever the admin's own language.
import { test, expect, openReplica } from './support/extension';
import { askBackground, bubble, push, readLog, replicaState } from './support/zalo';

// Scam + strange link in one message: two category lines on the card.
const PRIZE = 'Chúc mừng bạn trúng thưởng iPhone 15! Nhận quà ngay tại http://vietcombank-nhanqua.xyz/otp nhập mã OTP để xác nhận, hết hạn hôm nay';
const LOTTERY = 'soi cầu lô đề hôm nay chuẩn 99%, bao lô 3 số, ib em để lấy số';

test('compact at 600 px, several outcomes per message, the card moves on, a dismissal clears the mark', async ({ zalo, context, extensionId }) => {
  await zalo.setViewportSize({ width: 1280, height: 600 });
  await openReplica(zalo);
  await expect(zalo.getByTestId('zgg-status-chip')).toBeVisible();
  const prize = await push(zalo, { fromUid: 'u-qua', senderName: 'Quà Tặng', text: PRIZE });
  await expect(bubble(zalo, prize)).toHaveAttribute('data-zgg-flags', /scam/);
  await expect(bubble(zalo, prize)).toHaveAttribute('data-zgg-flags', /\S+ \S+/); // two categories
  const lottery = await push(zalo, { fromUid: 'u-lo', senderName: 'Số Đẹp', text: LOTTERY });
  await expect(bubble(zalo, lottery)).toHaveAttribute('data-zgg-flags', /gambling-fortune/);

  await bubble(zalo, prize).locator('zgg-badge button').click();
  const card = zalo.getByTestId('zgg-card');
  await expect(card.getByTestId('zgg-card-sender')).toHaveText('Quà Tặng');
  // One line per category, and every action in view without scrolling the card.
  await expect(card.getByTestId('zgg-card-flags').locator('li')).toHaveCount(2);
  for (const id of ['zgg-act-remind', 'zgg-act-deleted', 'zgg-act-removed', 'zgg-act-dismissed', 'zgg-act-note']) {
    await expect(card.getByTestId(id)).toBeInViewport({ ratio: 1 });
  }
  // Reasons and strike history fold out.
  await expect(card.getByTestId('zgg-strikes')).toBeHidden();
  await card.getByTestId('zgg-card-details').locator('summary').click();
  await expect(card.getByTestId('zgg-strikes')).toBeVisible();

  // First decision: the ladder's words go into the composer, the card moves on to another open message
  // (the replica's history has flagged ones too).
  await card.getByTestId('zgg-act-remind').click();
  await expect(card.getByTestId('zgg-card-sender')).not.toHaveText('Quà Tặng');
  const notice = card.getByTestId('zgg-toast');
  // A scam skips the ladder: the first step is already the removal proposal.
  await expect(notice).toContainText('Đề nghị mời ra');
  await expect(notice).toContainText('Quà Tặng');
  await expect(notice).toContainText('tin tiếp theo');
  await expect.poll(async () => (await replicaState(zalo)).composerText).toContain('Quà Tặng');

  // Back to the prize: the first step is recorded, and it can still be deleted (a second outcome).
  await card.getByRole('button', { name: 'Đóng', exact: true }).click();
  await bubble(zalo, prize).locator('zgg-badge button').click();
  await expect(card.getByTestId('zgg-card-sender')).toHaveText('Quà Tặng');
  await expect(card.getByTestId('zgg-toast')).toHaveCount(0); // opened by hand: no stale notice
  await expect(card.getByTestId('zgg-card-outcomes')).toContainText('Đề nghị mời ra');
  await expect(card.getByTestId('zgg-act-remind')).toHaveCount(0); // the ladder's words go in once
  await expect(card.getByTestId('zgg-act-dismissed')).toHaveCount(0);
  await card.getByTestId('zgg-act-deleted').click();
  await card.getByTestId('zgg-confirm-deleted').click();
  await expect(card.getByTestId('zgg-card-sender')).not.toHaveText('Quà Tặng');
  await expect(card.getByTestId('zgg-toast')).toContainText('Đã xóa tin');

  await expect
    .poll(async () =>
      (await readLog(context, extensionId))
        .filter((e) => e.kind === 'action' && e.messageId === prize)
        .map((e) => e.action)
        .sort(),
    )
    .toEqual(['deleted', 'propose-removal']);

  // The lottery tip turns out harmless here: outline, badge and flags go at once. (On a small
  // screen the card covers part of the chat: close it, then open the other message's badge.)
  await card.getByRole('button', { name: 'Đóng', exact: true }).click();
  await bubble(zalo, lottery).locator('zgg-badge button').click();
  await expect(card.getByTestId('zgg-card-sender')).toHaveText('Số Đẹp');
  await card.getByTestId('zgg-act-dismissed').click();
  await card.getByTestId('zgg-confirm-dismissed').click();
  await expect(zalo.getByTestId('zgg-toast')).toContainText('Không vi phạm');
  await expect(bubble(zalo, lottery).locator('zgg-badge')).toHaveCount(0);
  await expect(bubble(zalo, lottery)).not.toHaveAttribute('data-zgg-flags', /.+/);
  await expect(bubble(zalo, lottery)).toHaveAttribute('data-zgg-checked', `bb_msg_id_${lottery}`);
  expect(await bubble(zalo, lottery).evaluate((el) => (el as HTMLElement).style.outline)).toBe('');
  // The prize, handled but not dismissed, keeps its mark.
  await expect(bubble(zalo, prize).locator('zgg-badge')).toHaveCount(1);
  expect((await replicaState(zalo)).sent).toEqual([]);

  // One strike for the prize's sender, however many outcomes; none for the dismissed one.
  const log = await readLog(context, extensionId);
  const strikesOf = async (messageId: string) => {
    const flag = log.find((e) => e.kind === 'flag' && e.messageId === messageId);
    const res = await askBackground<{ ok: boolean; data: { count: number } }>(context, extensionId, {
      type: 'strikes.get',
      chainId: flag?.chainId,
      member: flag?.member,
    });
    return res.data.count;
  };
  expect(await strikesOf(prize)).toBe(1);
  expect(await strikesOf(lottery)).toBe(0);
});

test('with the UI in English, the words put into the group are Vietnamese', async ({ zalo, context, extensionId }) => {
  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
  await settings.getByTestId('set-admin').fill('Nguyễn Thị Hoa');
  await settings.getByTestId('set-language').selectOption('en');
  await settings.getByTestId('set-save').click();
  await expect(settings.getByTestId('set-msg')).toBeVisible();
  await settings.close();

  await openReplica(zalo);
  await expect(zalo.getByTestId('zgg-status-chip')).toBeVisible();
  const id = await push(zalo, { fromUid: 'u-lo', senderName: 'Số Đẹp', text: LOTTERY });
  await expect(bubble(zalo, id)).toHaveAttribute('data-zgg-flags', /gambling-fortune/);
  await bubble(zalo, id).locator('zgg-badge button').click();
  const card = zalo.getByTestId('zgg-card');
  // The admin reads English…
  await expect(card.getByTestId('zgg-act-remind')).toHaveText('Remind');
  await card.getByTestId('zgg-act-remind').click();
  // …the group reads Vietnamese.
  await expect.poll(async () => (await replicaState(zalo)).composerText).toContain('nhắc nhở');
  const text = (await replicaState(zalo)).composerText;
  expect(text).not.toMatch(/reminder|group rules|Thank you/i);
  await expect(zalo.getByTestId('zgg-toast')).toContainText('Logged');
});
