// An admin's day end to end on the replica: what the log keeps about messages (time, redaction).
import { test, expect, openReplica } from './support/extension';
import { bubble, push, readLog } from './support/zalo';

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
  const stored = JSON.stringify(mine);
  expect(stored).not.toMatch(/1903|5678 9012|56789012/);
  expect(stored).not.toMatch(/0912|345 678/);
  expect(mine.some((e) => (e.evidence as string[] | undefined)?.some((x) => /\*{3}/.test(x)))).toBe(true);
});
