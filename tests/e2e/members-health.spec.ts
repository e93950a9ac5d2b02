// The admin panel's group health on the replica: the member list read whole from Zalo's virtualised
// list (progress, cancel, and the partial fallback when scrolling brings nothing new), the names
// matched against a household roster in the dashboard without pasting, and the page facts (name
// pattern, Nội quy pinned, owner/deputies) ticking the dashboard checklist with the date read.
import type { Page } from '@playwright/test';
import { test, expect, openReplica } from './support/extension';

const GROUP = 'g6930715542183902841'; // "Thôn Đông - Thông tin chung", 287 members
type Hook = { memberNames(threadId?: string): string[]; renameThread(name: string, threadId?: string): void };
type W = Window & { __zaloReplica: Hook; __statusTexts: string[] };

async function openPanel(zalo: Page, params: Record<string, string>) {
  await openReplica(zalo, params);
  await zalo.getByTestId('zgg-status-chip').click();
  await expect(zalo.getByTestId('zgg-group-health')).toBeVisible();
}

/** Every text the read's status line shows, in order (the progress can be faster than polling). */
async function recordStatus(zalo: Page) {
  await zalo.getByTestId('zgg-members-status').evaluate((el) => {
    const w = window as unknown as W;
    w.__statusTexts = [];
    new MutationObserver(() => w.__statusTexts.push(el.textContent ?? '')).observe(el, { subtree: true, childList: true, characterData: true });
  });
  return () => zalo.evaluate(() => (window as unknown as W).__statusTexts);
}

async function openHealth(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#health`);
  await page.getByTestId('health-group').selectOption(GROUP);
}

test('reads the whole virtualised member list from the panel; the dashboard matches a roster against it without pasting', async ({ zalo, context, extensionId }) => {
  await openPanel(zalo, { members: 'virtual' });
  const names = await zalo.evaluate(() => (window as unknown as W).__zaloReplica.memberNames());
  expect(names).toHaveLength(287);
  const statusTexts = await recordStatus(zalo);
  // Before the list is read, the owner and deputies are not known.
  await expect(zalo.getByTestId('zgg-group-health').locator('[data-check="admins"]')).toHaveAttribute('data-status', 'unknown');

  await zalo.getByTestId('zgg-members-read').click();
  const status = zalo.getByTestId('zgg-members-status');
  await expect(status).toHaveText('Đã đọc đủ 287 thành viên. Đã lưu 287 tên cho trang Sức khỏe nhóm (so với danh sách hộ).', { timeout: 30_000 });
  const progress = (await statusTexts()).map((s) => /^Đã đọc (\d+)\/287 thành viên…$/.exec(s)).filter((m) => m !== null).map((m) => Number(m[1]));
  expect(progress.length).toBeGreaterThan(3);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  const admins = zalo.getByTestId('zgg-group-health').locator('[data-check="admins"]');
  await expect(admins).toHaveAttribute('data-status', 'ok');
  await expect(admins).toContainText('Nguyễn Văn Bình');

  // Households: the list's first member, its last one (only reached by scrolling to the end), one
  // written without diacritics, and one not in the group.
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd');
  const roster = ['Chủ hộ,Địa chỉ', `${names[0]},Xóm 1`, `${names[names.length - 1]},Xóm 2`, `${fold(names[150])},Xóm 3`, 'Hà Thị Nhung,Xóm 4'].join('\n');

  const page = await context.newPage();
  await openHealth(page, extensionId);
  await expect(page.getByTestId('health-members-source')).toHaveAttribute('data-complete', 'true');
  await expect(page.getByTestId('health-members-source')).toContainText('Danh sách do tiện ích đọc từ Zalo ngày');
  await expect(page.getByTestId('health-members')).toHaveValue(new RegExp(`^${names[0]}\\n`));
  await page.getByTestId('health-roster-input').setInputFiles({ name: 'ho.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) });
  await expect(page.getByTestId('health-coverage')).toContainText('3/4 hộ đã có người trong nhóm (75%).');
  await expect(page.getByTestId('health-missing')).toHaveText('Hà Thị Nhung — Xóm 4');
  // What the panel read ticks the page items, dated; the manual ones stay for the admin.
  await expect(page.getByTestId('health-page-admins')).toContainText(/đọc từ trang Zalo ngày \d\d\/\d\d\/\d{4}: đạt/);
  await expect(page.getByTestId('health-page-rules-pinned')).toContainText('chưa đạt');
  await expect(page.locator('[data-item=member-approval] input')).not.toBeChecked();
});

test('Cancel stops the read: the list is kept as partial, with the header count, and the dashboard says coverage is a lower bound', async ({ zalo, context, extensionId }) => {
  await openPanel(zalo, { members: 'virtual', membersDelay: '150' });
  await zalo.getByTestId('zgg-members-read').click();
  const status = zalo.getByTestId('zgg-members-status');
  await expect(status).toHaveText(/^Đã đọc \d+\/287 thành viên…$/);
  await zalo.getByTestId('zgg-members-cancel').click();
  await expect(zalo.getByTestId('zgg-members')).toHaveAttribute('data-phase', 'partial');
  const text = await status.textContent();
  const read = Number(/mới đọc được (\d+) trên 287 thành viên\./.exec(text ?? '')?.[1]);
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThan(287);
  await expect(status).toContainText(`Đã lưu ${read} tên`);
  await expect(zalo.getByTestId('zgg-members-read')).toBeVisible();

  const page = await context.newPage();
  await openHealth(page, extensionId);
  await expect(page.getByTestId('health-members-source')).toHaveAttribute('data-complete', 'false');
  await expect(page.getByTestId('health-members-source')).toContainText(`Danh sách chưa đầy đủ (${read}/287 thành viên)`);
});

test('a list that stops re-rendering on scroll falls back to the header count and says the list is partial', async ({ zalo }) => {
  await openPanel(zalo, { members: 'frozen' });
  await zalo.getByTestId('zgg-members-read').click();
  await expect(zalo.getByTestId('zgg-members')).toHaveAttribute('data-phase', 'partial', { timeout: 15_000 });
  await expect(zalo.getByTestId('zgg-members-status')).toHaveText(
    /^Danh sách chưa đầy đủ: mới đọc được \d trên 287 thành viên\. Đã lưu \d tên cho trang Sức khỏe nhóm/,
  );
});

test('group name against the province pattern follows a rename, with the two-level suggestion while a huyện remains; the dashboard gets the dated fact', async ({ zalo, context, extensionId }) => {
  await openPanel(zalo, {});
  const name = zalo.getByTestId('zgg-group-health').locator('[data-check="group-name"]');
  await expect(name).toHaveAttribute('data-status', 'warn');
  await expect(name).toContainText('Thôn Đông - Thông tin chung — chưa theo mẫu tên của tỉnh');

  await zalo.evaluate(() => (window as unknown as W).__zaloReplica.renameThread('Tổ CNS - Thôn Đông - Xã An Bình - Huyện Lạng Giang'));
  await expect(name).toContainText('còn tên huyện Lạng Giang', { timeout: 10_000 });
  await expect(name).toContainText('tên gợi ý: Tổ CNS - Đông - An Bình');
  await expect(name).toHaveAttribute('data-status', 'warn');

  await zalo.evaluate(() => (window as unknown as W).__zaloReplica.renameThread('Tổ CNS - Đông - An Bình'));
  await expect(name).toHaveAttribute('data-status', 'ok', { timeout: 10_000 });
  await expect(name).toHaveText('Tên nhóm: đạt · Tổ CNS - Đông - An Bình');

  const page = await context.newPage();
  await openHealth(page, extensionId);
  await expect(page.getByTestId('health-page-name-pattern')).toContainText(/đọc từ trang Zalo ngày \d\d\/\d\d\/\d{4}: đạt/);
});
