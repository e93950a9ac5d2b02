import { test, expect, openReplica } from './support/extension';
import { askBackground, bubble, checkedCounts, push, readLog, replicaState, scroll } from './support/zalo';

const SCAM =
  'Thông báo từ ngân hàng Vietcombank: tài khoản của quý khách bị tạm khóa, xác minh ngay tại vietcombank-xacminh.com và cung cấp mã OTP để mở lại.';
const LOTTERY = 'soi cầu lô đề hôm nay chuẩn 99%, bao lô 3 số, ib em để lấy số';
const CLEAN = 'Chiều nay 14h Tổ CNS hỗ trợ bà con kích hoạt VNeID tại nhà văn hóa thôn nhé.';

/** Every received bubble in the DOM carries data-zgg-checked (the public contract). */
async function expectAllChecked(page: Parameters<typeof checkedCounts>[0]) {
  await expect
    .poll(
      async () => {
        const c = await checkedCounts(page);
        return c.received === 0 ? ['(no received bubbles yet)'] : c.unchecked;
      },
      { timeout: 5000, message: 'unchecked received bubbles' },
    )
    .toEqual([]);
}

test.describe('overlay on the Zalo Web replica', () => {
  test('mounts the overlay, reports healthy and marks every received bubble', async ({ zalo }) => {
    const errors: string[] = [];
    zalo.on('pageerror', (e) => errors.push(e.message));
    await openReplica(zalo);
    const chip = zalo.getByTestId('zgg-status-chip');
    await expect(chip).toBeVisible();
    await expect(chip).toHaveAttribute('data-health', 'healthy');
    await expectAllChecked(zalo);
    // History in the default scenario contains violations: they carry flags, clean ones do not.
    expect(await zalo.locator('[data-zgg-flags]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('flags pushed messages within 1 s; clean messages and a clean reply quoting a scam stay unflagged', async ({ zalo }) => {
    await openReplica(zalo);
    await expect(zalo.getByTestId('zgg-status-chip')).toBeVisible();
    await expectAllChecked(zalo);

    const scam = await push(zalo, { fromUid: 'u-scam', senderName: 'Ngân Hàng VCB', text: SCAM });
    const lottery = await push(zalo, { fromUid: 'u-lo', senderName: 'Số Đẹp', text: LOTTERY });
    const clean = await push(zalo, { fromUid: 'u-ok', senderName: 'Lê Thị Hoa', text: CLEAN });
    const reply = await push(zalo, {
      fromUid: 'u-ok2',
      senderName: 'Phạm Văn Đức',
      text: 'Bà con cẩn thận, tin này là lừa đảo, đừng bấm vào nhé!',
      quote: { name: 'Ngân Hàng VCB', text: SCAM },
    });

    await expect(bubble(zalo, scam)).toHaveAttribute('data-zgg-flags', /scam/, { timeout: 1000 });
    await expect(bubble(zalo, scam)).toHaveAttribute('data-zgg-flags', /strange-link/);
    await expect(bubble(zalo, lottery)).toHaveAttribute('data-zgg-flags', /gambling-fortune/, { timeout: 1000 });
    for (const id of [clean, reply]) {
      await expect(bubble(zalo, id)).toHaveAttribute('data-zgg-checked', `bb_msg_id_${id}`, { timeout: 1000 });
      await expect(bubble(zalo, id)).not.toHaveAttribute('data-zgg-flags');
    }
    // The badge sits in its own shadow root and names the category.
    await expect(bubble(zalo, scam).locator('zgg-badge button')).toContainText(/Lừa đảo|Đường link lạ/);
  });

  test('marks history prepended on scroll and bubbles re-created by virtualisation', async ({ zalo }) => {
    await openReplica(zalo);
    await expectAllChecked(zalo);
    const scam = await push(zalo, { fromUid: 'u-scam', senderName: 'Ngân Hàng VCB', text: SCAM });
    await expect(bubble(zalo, scam)).toHaveAttribute('data-zgg-flags', /scam/);

    await scroll(zalo, 'top', true);
    await expectAllChecked(zalo);
    await expect(bubble(zalo, scam)).toHaveCount(0); // virtualised away

    await scroll(zalo, 'bottom', true);
    await expect(bubble(zalo, scam)).toHaveAttribute('data-zgg-flags', /scam/, { timeout: 1000 });
    await expectAllChecked(zalo);
  });

  test('follows a switch of conversation (the chat view is replaced)', async ({ zalo }) => {
    await openReplica(zalo);
    await expectAllChecked(zalo);
    await zalo.locator('.msg-item[anim-data-id="g5512093847712365004"] .conv-item').click();
    await expect.poll(async () => (await replicaState(zalo)).threadId).toBe('g5512093847712365004');
    await expectAllChecked(zalo);
    const ad = await push(zalo, { fromUid: 'u-ad', senderName: 'Shop Gạo', text: 'Gạo nếp cái hoa vàng 25k/kg, ship tận nhà, bà con cần ib em nhé 0912 345 678' });
    await expect(bubble(zalo, ad)).toHaveAttribute('data-zgg-flags', /advertising/);
  });

  test('drift: renamed selectors degrade visibly, reading still works through fallbacks, no page errors', async ({ zalo }) => {
    const errors: string[] = [];
    zalo.on('pageerror', (e) => errors.push(e.message));
    await openReplica(zalo, { variant: 'drift' });
    const chip = zalo.getByTestId('zgg-status-chip');
    await expect(chip).toBeVisible();
    await expectAllChecked(zalo);
    const scam = await push(zalo, { fromUid: 'u-scam', senderName: 'Ngân Hàng VCB', text: SCAM });
    await expect(bubble(zalo, scam)).toHaveAttribute('data-zgg-flags', /scam/);
    // The chip names what fell back instead of failing silently.
    await expect(chip).toHaveAttribute('data-health', 'degraded');
    await expect(chip).toHaveAttribute('data-missing', /read-messages/);
    expect(errors).toEqual([]);
  });

  test('card actions write the log, strikes climb, the log survives reload and a worker restart', async ({ zalo, context, extensionId }) => {
    await openReplica(zalo);
    await expectAllChecked(zalo);
    const first = await push(zalo, { fromUid: 'u-lo', senderName: 'Số Đẹp', text: LOTTERY });
    await expect(bubble(zalo, first)).toHaveAttribute('data-zgg-flags', /gambling-fortune/);

    await bubble(zalo, first).locator('zgg-badge button').click();
    const card = zalo.getByTestId('zgg-card');
    await expect(card).toBeVisible();
    await expect(card.getByTestId('zgg-card-sender')).toHaveText('Số Đẹp');
    await expect(card).toContainText('III.2(4)');
    await expect(card.getByTestId('zgg-next-step')).toHaveAttribute('data-step', 'remind');
    await card.getByTestId('zgg-act-remind').click();
    // The card moves on; the notice says what to do next.
    await expect(zalo.getByTestId('zgg-toast')).toContainText('tự bấm Gửi');
    await expect(card.getByTestId('zgg-card-sender')).not.toHaveText('Số Đẹp');
    await expect.poll(async () => (await replicaState(zalo)).composerText).toContain('Số Đẹp');
    await expect.poll(async () => (await replicaState(zalo)).composerText).toContain('III.2(4)');
    // Never sent for the admin. (The replica opens its @ list only for trusted typing, so the reminder
    // falls back to the typed name there; on Zalo a picked mention chip notifies the member.)
    expect((await replicaState(zalo)).sent).toEqual([]);

    await expect
      .poll(async () => (await readLog(context, extensionId)).filter((e) => e.messageId === first).map((e) => `${e.kind}:${e.action ?? e.category}`).sort())
      .toEqual(expect.arrayContaining(['action:remind', 'flag:gambling-fortune']));
    const mine = (await readLog(context, extensionId)).filter((e) => e.messageId === first);
    expect(mine.filter((e) => e.kind === 'action')).toHaveLength(1); // one decision per message, whatever its flags
    const action = (await readLog(context, extensionId)).find((e) => e.messageId === first && e.kind === 'action');
    expect(action?.category).toBe('gambling-fortune'); // filed under the most serious clause
    expect(action?.ref).toBeGreaterThan(0); // and linked to its flag entry

    // Second violation by the same member: one strike counted, ladder proposes a warning.
    const second = await push(zalo, { fromUid: 'u-lo', senderName: 'Số Đẹp', text: 'Chốt số đề miền Bắc hôm nay, nuôi lô khung 3 ngày, inbox em' });
    await expect(bubble(zalo, second)).toHaveAttribute('data-zgg-flags', /gambling-fortune/);
    await bubble(zalo, second).locator('zgg-badge button').click();
    await expect(card.getByTestId('zgg-strike-count')).toHaveAttribute('data-count', '1');
    await expect(card.getByTestId('zgg-next-step')).toHaveAttribute('data-step', 'warn');
    await card.getByTestId('zgg-act-deleted').click();
    await card.getByTestId('zgg-confirm-deleted').click();
    await expect(zalo.getByTestId('zgg-toast')).toContainText(/Đã xóa tin/);

    const before = await readLog(context, extensionId);
    expect(before.filter((e) => e.kind === 'action').map((e) => e.action).sort()).toEqual(['deleted', 'remind']);

    // Reload: nothing lost, nothing duplicated (idempotent flag keys).
    await zalo.reload();
    await expectAllChecked(zalo);
    await zalo.waitForTimeout(500);
    const afterReload = await readLog(context, extensionId);
    expect(afterReload.length).toBe(before.length);

    // Stop the service worker; the next flag wakes it and is still written.
    const cdp = await context.newCDPSession(zalo);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const third = await push(zalo, { fromUid: 'u-x', senderName: 'Tin Nóng', text: SCAM });
    await expect(bubble(zalo, third)).toHaveAttribute('data-zgg-flags', /scam/);
    const verdict = await expect
      .poll(async () => {
        const res = await askBackground<{ ok: boolean; data: unknown }>(context, extensionId, { type: 'log.query', limit: 1000 });
        return res.ok ? (res.data as { messageId?: string }[]).filter((e) => e.messageId === third).length : -1;
      })
      .toBeGreaterThan(0);
    void verdict;
  });

  test('a tampered log fails verification', async ({ zalo, context, extensionId }) => {
    await openReplica(zalo);
    await expectAllChecked(zalo);
    await push(zalo, { fromUid: 'u-lo', senderName: 'Số Đẹp', text: LOTTERY });
    await push(zalo, { fromUid: 'u-scam', senderName: 'Ngân Hàng VCB', text: SCAM });
    const ok = await expect
      .poll(async () => {
        const r = await askBackground<{ ok: boolean; data: { ok: boolean; entries?: number }[] | { ok: boolean } }>(context, extensionId, {
          type: 'log.verify',
        });
        return r.ok && JSON.stringify(r.data).includes('"ok":true');
      })
      .toBe(true);
    void ok;

    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('zalo-group-guard');
          req.onsuccess = () => {
            const db = req.result;
            const store = db.transaction('log', 'readwrite').objectStore('log');
            const cursor = store.openCursor();
            cursor.onsuccess = () => {
              const c = cursor.result;
              if (!c) return resolve();
              const v = c.value as { kind: string; category?: string };
              if (v.kind === 'flag') {
                c.update({ ...v, category: 'advertising' }); // someone rewrites history
                return resolve();
              }
              c.continue();
            };
            cursor.onerror = () => reject(cursor.error);
          };
        }),
    );
    const res = await askBackground<{ ok: boolean; data: unknown }>(context, extensionId, { type: 'log.verify' });
    expect(res.ok).toBe(true);
    expect(JSON.stringify(res.data)).toContain('"ok":false');
    await page.close();
  });
});
