import { test, expect, openReplica } from './support/extension';
import { askBackground, bubble, push, readLog } from './support/zalo';

const CRAFT = 'Mời cả nhà ghé trang của HTX mây tre đan thôn mình, mới lên ảnh sản phẩm: https://maytredanthonha.vn/san-pham';
const LEGAL = 'Luật Đất đai bản đầy đủ trên cơ sở dữ liệu quốc gia: https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=167117';
const PHISH = 'Vietcombank: tài khoản của quý khách bị tạm khóa, xác thực tại vietcombank-xacthuc.com và nhập mã OTP.';

test.describe('unverified links on the Zalo Web replica', () => {
  test('an ordinary unknown link gets a grey chip, no flag; one click trusts the site for the group and is logged', async ({ zalo, context, extensionId }) => {
    const errors: string[] = [];
    zalo.on('pageerror', (e) => errors.push(e.message));
    await openReplica(zalo);
    await expect(zalo.getByTestId('zgg-status-chip')).toBeVisible();

    const craft = await push(zalo, { fromUid: 'u-htx', senderName: 'Chị Mai HTX', text: CRAFT });
    const legal = await push(zalo, { fromUid: 'u-cb', senderName: 'Cán bộ tư pháp', text: LEGAL });
    const phish = await push(zalo, { fromUid: 'u-x', senderName: 'Ngân Hàng', text: PHISH });
    const again = await push(zalo, { fromUid: 'u-htx2', senderName: 'Anh Tùng', text: 'Ảnh đẹp quá, xem thêm ở maytredanthonha.vn nhé' });

    // Unverified: checked, never flagged, a quiet chip naming the site.
    for (const id of [craft, again]) {
      await expect(bubble(zalo, id)).toHaveAttribute('data-zgg-checked', '', { timeout: 1000 });
      await expect(bubble(zalo, id)).not.toHaveAttribute('data-zgg-flags');
      await expect(bubble(zalo, id).locator('zgg-link-chip')).toContainText('Link chưa xác minh: maytredanthonha.vn');
    }
    // Known site: nothing at all. Violation: a flag, and no "unverified" chip for the flagged link.
    await expect(bubble(zalo, legal)).toHaveAttribute('data-zgg-checked', '', { timeout: 1000 });
    await expect(bubble(zalo, legal)).not.toHaveAttribute('data-zgg-flags');
    await expect(bubble(zalo, legal).locator('zgg-link-chip')).toHaveCount(0);
    await expect(bubble(zalo, phish)).toHaveAttribute('data-zgg-flags', /strange-link/, { timeout: 1000 });
    await expect(bubble(zalo, phish).locator('zgg-link-chip')).toHaveCount(0);

    await bubble(zalo, craft).locator('zgg-link-chip').getByRole('button', { name: 'Tin cậy tên miền maytredanthonha.vn cho nhóm' }).click();

    // Every bubble of that site loses its chip; new messages with it get none.
    for (const id of [craft, again]) await expect(bubble(zalo, id).locator('zgg-link-chip')).toHaveCount(0, { timeout: 2000 });
    const later = await push(zalo, { fromUid: 'u-htx', senderName: 'Chị Mai HTX', text: 'Đơn đặt làn mây gửi ở maytredanthonha.vn/dat-hang' });
    await expect(bubble(zalo, later)).toHaveAttribute('data-zgg-checked', '', { timeout: 1000 });
    await expect(bubble(zalo, later).locator('zgg-link-chip')).toHaveCount(0);
    await expect(bubble(zalo, later)).not.toHaveAttribute('data-zgg-flags');

    // Logged as a note in the group's chain, and stored in the group's allow list.
    await expect
      .poll(async () => (await readLog(context, extensionId)).filter((e) => e.kind === 'action' && e.action === 'note').map((e) => e.note))
      .toEqual([expect.stringContaining('maytredanthonha.vn')]);
    const threadId = (await readLog(context, extensionId)).find((e) => e.action === 'note')?.chainId ?? '';
    const session = await askBackground<{ ok: boolean; data: { group: { overrides: { allowDomains: string[] } } } }>(context, extensionId, {
      type: 'session.open',
      threadId,
      name: '',
    });
    expect(session.data.group.overrides.allowDomains).toContain('maytredanthonha.vn');
    expect(errors).toEqual([]);
  });
});
