import { test, expect, openReplica } from './support/extension';
import { askBackground, readLog, replicaState } from './support/zalo';

async function openPicker(zalo: import('@playwright/test').Page) {
  await expect(zalo.getByTestId('zgg-status-chip')).toBeVisible();
  await zalo.getByTestId('zgg-status-chip').click();
  await zalo.getByTestId('zgg-open-picker').click();
  await expect(zalo.getByTestId('zgg-picker')).toBeVisible();
}

test.describe('notice templates on the replica', () => {
  test('single-line notice: variables filled, inserted, sent by the admin, logged', async ({ zalo, context, extensionId }) => {
    await openReplica(zalo);
    await openPicker(zalo);
    const picker = zalo.getByTestId('zgg-picker');
    await picker.getByTestId('zgg-picker-search').fill('thong bao chung'); // accent-insensitive search
    await picker.locator('[data-template="thong-bao-chung"]').click();
    await picker.locator('input[data-var="thon"]').fill('thôn Đông');
    await picker.locator('input[data-var="noi_dung"]').fill('Sáng mai cắt điện từ 7h đến 11h để sửa đường dây.');
    await expect(picker.getByTestId('zgg-preview')).toContainText('thôn Đông');
    await picker.getByTestId('zgg-picker-insert').click();
    await expect(picker.getByTestId('zgg-picker-message')).toContainText(/Gửi|Send/);

    const composer = (await replicaState(zalo)).composerText;
    expect(composer).toContain('Sáng mai cắt điện từ 7h đến 11h');
    // Never auto-sent: the admin clicks Zalo's own send button.
    expect((await replicaState(zalo)).sent).toEqual([]);
    await zalo.locator('[icon="Sent-msg_24_Line"]').click();
    await expect.poll(async () => (await replicaState(zalo)).sent.length).toBe(1);
    expect((await replicaState(zalo)).sent[0]).toContain('Sáng mai cắt điện');
    await expect
      .poll(async () => (await readLog(context, extensionId)).filter((e) => e.kind === 'notice').map((e) => e.templateId))
      .toEqual(['thong-bao-chung']);
  });

  test('multi-line Nội quy keeps its lines, is sent, then pinned through the message menu', async ({ zalo, context, extensionId }) => {
    await openReplica(zalo);
    await openPicker(zalo);
    const picker = zalo.getByTestId('zgg-picker');
    await picker.getByTestId('zgg-picker-search').fill('nội quy');
    await picker.locator('[data-template="noi-quy-nhom"]').click();
    await picker.locator('input[data-var="thon"]').fill('thôn Đông');
    await picker.locator('input[data-var="xa"]').fill('xã Yên Hòa');
    await expect(picker.getByTestId('zgg-preview')).toContainText('XÃ YÊN HÒA');
    const preview = (await picker.getByTestId('zgg-preview').textContent()) ?? '';
    const lines = preview.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(5);
    await picker.getByTestId('zgg-picker-insert').click();
    await expect(picker.getByTestId('zgg-picker-message')).toBeVisible();

    const state = await replicaState(zalo);
    if (state.composerText) {
      // Inserted into the composer with its line structure.
      expect(state.composerText.split('\n').filter(Boolean)).toEqual(lines);
      await zalo.locator('[icon="Sent-msg_24_Line"]').click();
    } else {
      // Clipboard fallback: the admin pastes with Ctrl+V.
      await expect(picker.getByTestId('zgg-picker-message')).toContainText('Ctrl+V');
      return;
    }
    await expect.poll(async () => (await replicaState(zalo)).sent.length).toBe(1);
    expect((await replicaState(zalo)).sent[0].split('\n').filter(Boolean)).toEqual(lines);

    await picker.getByTestId('zgg-picker-pin').click();
    await expect(picker.getByTestId('zgg-picker-message')).toContainText(/ghim|pinned/i);
    await expect.poll(async () => (await replicaState(zalo)).pinned.some((p) => p.includes(lines[0]))).toBe(true);
    await expect(zalo.locator('.chat-group-topic__item')).toContainText(lines[0].slice(0, 20));
    // Pinned from the picker: the panel (still open behind the picker) no longer warns, and group
    // health reads the new pin.
    await expect(zalo.getByTestId('zgg-panel')).toBeVisible();
    await expect(zalo.getByTestId('zgg-rules-not-pinned')).toHaveCount(0);
    await expect(zalo.getByTestId('zgg-group-health').locator('[data-check="rules-pinned"]')).toHaveAttribute('data-status', 'ok', {
      timeout: 10_000,
    });
    await expect
      .poll(async () => (await readLog(context, extensionId)).map((e) => e.kind).filter((k) => k === 'notice' || k === 'pin').sort())
      .toEqual(['notice', 'pin']);
    // The xã typed into the Nội quy is kept for the group (reports, bundles and the A4 header use it).
    const chainId = (await readLog(context, extensionId)).find((e) => e.kind === 'notice')?.chainId ?? '';
    const session = await askBackground<{ ok: boolean; data: { group: { xa: string } } }>(context, extensionId, {
      type: 'session.open',
      threadId: chainId,
      name: 'Thôn Đông - Thông tin chung',
    });
    expect(session.data.group.xa).toBe('xã Yên Hòa');
  });

  test('poll template fills Zalo\'s poll dialog with every option and leaves "Tạo" to the admin', async ({ zalo, context, extensionId }) => {
    await openReplica(zalo);
    await openPicker(zalo);
    const picker = zalo.getByTestId('zgg-picker');
    await picker.locator('[data-template="binh-chon-ngay-su-kien"]').click();
    // Dates relative to today (Vietnam time): a poll deadline in the past is refused, as it should be.
    const inDays = (n: number) => new Date(Date.now() + 7 * 3600e3 + n * 86400e3).toISOString().slice(0, 10);
    const shown = (iso: string) => iso.split('-').reverse().join('/');
    const [day1, day2, day3] = [inDays(10), inDays(11), inDays(17)];
    const fill: Record<string, string> = {
      su_kien: 'Ngày hội Đại đoàn kết',
      dia_diem: 'Nhà văn hóa thôn',
      ngay_1: day1,
      ngay_2: day2,
      ngay_3: day3,
      han_chot: inDays(5),
    };
    for (const [name, value] of Object.entries(fill)) {
      const input = picker.locator(`input[data-var="${name}"]`);
      if (await input.count()) await input.fill(value);
    }
    await picker.getByTestId('zgg-picker-insert').click();
    // The picker steps aside so Zalo's dialog can be checked; the notice says what was filled.
    await expect(picker).toHaveCount(0);
    const notice = zalo.getByTestId('zgg-toast');
    await expect(notice).toContainText(/3 lựa chọn|3 options/);
    await expect(notice).toContainText('Đã đặt hạn chót');
    await expect(notice).toContainText(shown(fill.han_chot));
    const dialog = zalo.locator('.zl-modal');
    await expect(dialog.locator('[data-id="chk_CreatePoll_Deadline"]')).toHaveAttribute('aria-checked', 'true');
    await expect(dialog.locator('input[type="datetime-local"]')).toHaveValue(new RegExp(`^${fill.han_chot}T\\d\\d:\\d\\d$`));
    const options = dialog.locator('input[placeholder*="Lựa chọn"]');
    await expect(options).toHaveCount(3);
    expect(await options.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      expect.stringContaining(shown(day1)),
      expect.stringContaining(shown(day2)),
      expect.stringContaining(shown(day3)),
    ]);
    await expect(dialog.locator('[contenteditable="true"]').first()).toContainText('Ngày hội Đại đoàn kết');
    expect((await replicaState(zalo)).poll).toBeNull(); // not created: "Tạo" is the admin's click
    // The admin presses "Tạo": Zalo's state took the values (React-controlled inputs saw real input events).
    await dialog.locator('[data-id="btn_CreatePoll_Create"]').click();
    await expect.poll(async () => (await replicaState(zalo)).poll?.options.length).toBe(3);
    expect(String((await replicaState(zalo)).poll?.settings?.deadline)).toMatch(new RegExp(`^${fill.han_chot}T`));
    expect((await replicaState(zalo)).poll?.question).toContain('Ngày hội Đại đoàn kết');
    await expect.poll(async () => (await readLog(context, extensionId)).filter((e) => e.kind === 'poll').length).toBe(1);
  });

  test('the panel warns when Nội quy is not pinned', async ({ zalo }) => {
    await openReplica(zalo);
    await zalo.getByTestId('zgg-status-chip').click();
    const warn = zalo.getByTestId('zgg-rules-not-pinned');
    // The default scenario pins other notices, not the regulation.
    await expect(warn).toBeVisible();
    // The group-health section (a feature's own panel section) says the same, with the group's name.
    const health = zalo.getByTestId('zgg-group-health');
    await expect(health.locator('[data-check="rules-pinned"]')).toHaveAttribute('data-status', 'warn');
    // "Thôn Đông - Thông tin chung" follows no province's naming pattern.
    await expect(health.locator('[data-check="group-name"]')).toHaveAttribute('data-status', 'warn');
    await expect(health.locator('[data-check="group-name"]')).toContainText('Tên nhóm: cần xem lại · Thôn Đông - Thông tin chung — chưa theo mẫu tên của tỉnh');
    // "Chèn Nội quy" opens the Nội quy itself, not the general list.
    await warn.getByTestId('zgg-insert-rules').click();
    const picker = zalo.getByTestId('zgg-picker');
    await expect(picker.locator('[data-template="noi-quy-nhom"]')).toHaveAttribute('aria-selected', 'true');
    await expect(picker.locator('input[data-var="xa"]')).toBeVisible();
    await picker.locator('input[data-var="xa"]').fill('xã Yên Hòa');
    await expect(picker.getByTestId('zgg-preview')).toContainText('NỘI QUY');
  });
});
