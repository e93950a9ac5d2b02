// Group health end to end: members read from the Zalo replica's member list, a household roster
// matched against them, name check with prefill, poster, team report, and the report in the bundle.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openReplica } from './support/extension';
import { buildStoredLog, seedPage, type StoredLog } from '../unit/dashboard/seed';
import { parseBundle } from '../../lib/reports';
import { checkBundleSignature } from '../../lib/trust/bundle-signature';

const MAIN = { threadId: 'g6930715542183902841', groupName: 'Thôn Đông - Thông tin chung', place: { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Giang' } };
let log: StoredLog;

test.beforeAll(async () => {
  log = await buildStoredLog({ n: 120, seed: 41, start: '2026-10-01T01:00:00.000Z', spanDays: 70, ...MAIN });
});

/** What the admin copies from Zalo's member list: the names as the replica renders them. */
async function replicaMembers(page: Page): Promise<string[]> {
  await openReplica(page);
  await expect(page.locator('#chatViewContainer .header-title')).toHaveText(MAIN.groupName);
  await page.locator('header#header [icon="outline-right-bar"]').click();
  await page.locator('[data-id="div_RightMenuGrp_MemList"]').click();
  const rows = page.locator('.chat-box-member__info.v2[title]');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''));
}

// Households of thôn Đông as the village keeps them: some heads written without accents, one with
// the middle name left out, two not in the group.
const ROSTER = `Chủ hộ,Địa chỉ
Nguyễn Văn Bình,Xóm 1
Tran Thi Lan,Xóm 1
Lê Hùng,Xóm 2
Phạm Thị Mai,Xóm 2
Hà Thị Nhung,Xóm 3
Đinh Văn Sáu,Xóm 3
`;

test('roster matched against the replica members; name check, prefill, poster, team report; the report rides in the signed bundle', async ({ context, extensionId, zalo }) => {
  const members = await replicaMembers(zalo);
  expect(members.length).toBeGreaterThanOrEqual(12);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#log`);
  await expect(page.getByRole('tablist')).toBeVisible();
  await seedPage(page, log);
  await page.clock.setFixedTime(new Date('2026-11-25T10:00:00+07:00'));
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#health`);
  await page.reload();

  // Bắc Giang is Bắc Ninh since 2025: quarterly, before the 20th of the quarter's last month.
  await expect(page.getByTestId('health-province')).toContainText('Bắc Ninh: Hằng quý, trước ngày 20 tháng cuối quý');
  await expect(page.getByTestId('health-deadline')).toHaveText('Kỳ Quý IV/2026: Hạn gửi báo cáo: trước ngày 20/12/2026');
  await expect(page.getByTestId('health-name')).toHaveAttribute('data-status', 'unparsed');
  await expect(page.getByTestId('health-suggestion')).toHaveText('Tổ CNS - Đông - An Bình');

  await page.getByTestId('health-members').fill(members.join('\n'));
  await page.getByTestId('health-save-members').click();
  await page.getByTestId('health-roster-input').setInputFiles({ name: 'ho-thon-dong.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER) });
  await expect(page.getByTestId('health-message')).toHaveText('Đã nhập 6 hộ (0 dòng thiếu tên bị bỏ qua).');
  await expect(page.getByTestId('health-coverage')).toContainText('4/6 hộ đã có người trong nhóm (66.7%).');
  const missing = page.getByTestId('health-missing');
  await expect(missing).toContainText('Hà Thị Nhung — Xóm 3');
  await expect(missing).toContainText('Đinh Văn Sáu');
  await page.getByTestId('health-redact').check();
  await expect(missing).toContainText('H.T.N. — Xóm 3');
  await expect(missing).not.toContainText('Hà Thị Nhung');

  // Guided tick list: dated.
  const approval = page.locator('[data-item=member-approval]');
  await approval.getByRole('checkbox').check();
  await expect(approval).toContainText('đã đánh dấu ngày 25/11/2026');
  await expect(approval.locator('details')).toContainText('Chế độ phê duyệt thành viên mới');

  // Poster: a bad link is refused with the reason, a real one gives the QR page.
  await page.getByTestId('health-invite').fill('https://example.com/g/abc');
  await page.getByTestId('health-poster').click();
  await expect(page.getByTestId('health-message')).toContainText('https://zalo.me/g/');
  await page.getByTestId('health-invite').fill('https://zalo.me/g/thondong123');
  await page.getByTestId('health-poster').click();
  const poster = page.frameLocator('[data-testid=health-preview]');
  await expect(poster.locator('h2').first()).toHaveText(MAIN.groupName);
  await expect(poster.locator('svg path')).toHaveCount(1);
  await expect(poster.locator('body')).toContainText('Nội quy nhóm');

  await page.getByTestId('health-report-a4').click();
  await expect(page.frameLocator('[data-testid=health-preview]').locator('body')).toContainText('Tỷ lệ hộ đã vào nhóm66.7%');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('health-report-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe('bao-cao-to-cns-dong-quy-iv-2026.xlsx');
  expect(readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');

  // A name that follows no pattern offers no prefill; the suggestion above came from the group's place.
  await expect(page.getByTestId('health-prefill')).toHaveCount(0);

  // The bundle for the xã carries the team report, signed.
  await page.getByTestId('tab-reports').click();
  await page.getByTestId('report-year').fill('2026');
  await page.getByTestId('report-month').selectOption('11');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-bundle').click()]);
  const parsed = parseBundle(readFileSync(await json.path(), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  expect(parsed.bundle.report).toMatchObject({ members: members.length, households: 6, householdsInGroup: 4 });
  expect((await checkBundleSignature(parsed.bundle)).status).toBe('valid');
});
