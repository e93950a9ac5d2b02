// Dashboard (extension page) end to end: seeded log, filters, integrity, exports, xã view, templates, settings.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { dropFiles, openDashboard } from './support/dashboard';
import { buildStoredLog, mergeLogs, seedPage, type StoredLog } from '../unit/dashboard/seed';
import { bundleToJson, makeBundle, monthPeriod, parseBundle, verifyBundle } from '../../lib/reports';
import { signBundle } from '../../lib/trust/bundle-signature';
import { generateSigningKey } from '../../lib/trust/keys';

const DONG = { threadId: 'g-thon-dong', groupName: 'Nhóm Zalo thôn Đông', place: { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' } };
const DOAI = { threadId: 'g-thon-doai', groupName: 'Nhóm Zalo thôn Đoài', place: { thon: 'Đoài', xa: 'An Bình', tinh: 'Bắc Ninh' } };

let log: StoredLog;
let dong: StoredLog;
let doai: StoredLog;

test.beforeAll(async () => {
  dong = await buildStoredLog({ n: 240, seed: 11, start: '2026-11-01T01:00:00.000Z', spanDays: 25, ...DONG });
  doai = await buildStoredLog({ n: 160, seed: 22, start: '2026-11-01T02:00:00.000Z', spanDays: 25, ...DOAI });
  log = mergeLogs(dong, doai);
});

/** Opens the dashboard once (Dexie creates the stores), writes the log, then reloads. */
async function seeded(page: Page, extensionId: string, hash = 'log'): Promise<void> {
  await openDashboard(page, extensionId, 'log');
  await expect(page.getByTestId('log-count')).toContainText(/Tìm thấy|Đang đếm/);
  await seedPage(page, log);
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#${hash}`);
  await page.reload();
}

test('log table shows seeded entries and filters by category', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await seeded(page, extensionId);
  await expect(page.getByTestId('log-count')).toHaveText(`Tìm thấy ${log.entries.length} mục`);
  // Newest first: the first row is the newest entry of either group.
  const newest = [...log.entries].sort((a, b) => b.time.localeCompare(a.time))[0];
  await expect(page.locator('[role=row][data-seq]').first()).toHaveAttribute('data-seq', String(newest.seq));
  await expect(page.getByTestId('log-table')).toContainText('Nhóm Zalo thôn');

  await page.getByTestId('filter-category').selectOption('scam');
  const scams = log.entries.filter((e) => e.category === 'scam').length;
  await expect(page.getByTestId('log-count')).toHaveText(`Tìm thấy ${scams} mục`);
  const cats = await page.locator('[role=row][data-seq]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-category')));
  expect(cats.length).toBeGreaterThan(0);
  expect(new Set(cats)).toEqual(new Set(['scam']));
  await expect(page).toHaveURL(/#log\?cat=scam/);
  // Lừa đảo in Vietnamese, text from the snapshot table.
  await expect(page.getByTestId('log-table')).toContainText('Lừa đảo');

  // Accent-insensitive search over snapshot text.
  await page.getByTestId('filter-category').selectOption('');
  await page.getByTestId('filter-text').fill('lo de hom nay');
  const lode = log.snapshots.filter((s) => s.folded?.includes('lo de hom nay')).length;
  await expect(page.getByTestId('log-count')).toHaveText(`Tìm thấy ${lode} mục`);

  // Charts are drawn for the filtered set.
  await expect(page.getByTestId('chart-category')).toBeVisible();
});

test('integrity check passes, then reports the tampered entry', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await seeded(page, extensionId);
  await page.getByTestId('integrity-btn').click();
  await expect(page.getByTestId('integrity-result')).toContainText('Nhật ký nguyên vẹn');

  // Someone edits entry #17 of thôn Đông straight in IndexedDB.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('zalo-group-guard');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    await new Promise<void>((res, rej) => {
      const tx = db.transaction('log', 'readwrite');
      const store = tx.objectStore('log');
      const get = store.get(['g-thon-dong', 17]);
      get.onsuccess = () => {
        const e = get.result as { admin: string };
        e.admin = 'Người khác';
        store.put(e);
      };
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  });
  await page.getByTestId('integrity-btn').click();
  await expect(page.getByTestId('integrity-result')).toContainText('Phát hiện sửa đổi tại mục số 17 của nhóm Nhóm Zalo thôn Đông');
});

test('reports: XLSX and CSV download, A4 printout opens', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await seeded(page, extensionId, 'reports');
  await page.getByTestId(`rep-group-${DOAI.threadId}`).uncheck();
  await page.getByTestId(`rep-group-${DONG.threadId}`).check();
  await page.getByTestId('report-year').fill('2026');
  await page.getByTestId('report-month').selectOption('11');
  await expect(page.getByTestId('report-deadline')).toContainText('28/11/2026');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe('bao-cao-thon-dong-2026-11.xlsx');
  const xbytes = readFileSync(await xlsx.path());
  expect(xbytes.subarray(0, 2).toString()).toBe('PK');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-csv').click()]);
  expect(csv.suggestedFilename()).toBe('bao-cao-thon-dong-2026-11.csv');
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('Thời gian,Nhóm,Thôn,Xã,Thành viên');
  expect(text).toContain('Lừa đảo, chiếm đoạt tài sản');
  // Snapshot text is merged back in for people-readable exports.
  expect(text).toMatch(/chuyển gấp|mã OTP|Lô đề/);

  // The JSON package for the xã verifies end to end (stored entries, hashes intact).
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-bundle').click()]);
  expect(json.suggestedFilename()).toBe('zgg_thon-dong-xa-an-binh_thang-11-2026.json');
  const parsed = parseBundle(readFileSync(await json.path(), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  expect(parsed.bundle.entries.length).toBe(dong.entries.length);
  expect((await verifyBundle(parsed.bundle)).level).toBe('full');

  await page.getByTestId('btn-print').click();
  const frame = page.frameLocator('[data-testid=print-frame]');
  await expect(frame.locator('body')).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(frame.locator('body')).toContainText('THÔN ĐÔNG');
});

test('xã view: two good bundles accepted, a bad one rejected with its reason', async ({ context, extensionId }) => {
  const page = await context.newPage();
  // The period check compares with today: pin the page's clock inside November 2026, the bundles' month.
  await page.clock.setFixedTime(new Date('2026-11-20T10:00:00+07:00'));
  await openDashboard(page, extensionId, 'xa');
  const period = monthPeriod(2026, 11);
  const exporter = { adminName: 'Trần Văn Bình', extensionVersion: '0.1.0' };
  // Each village signs with its own key; the xã registers both after "phoning" them.
  const [kDong, kDoai] = [await generateSigningKey(), await generateSigningKey()];
  const good1 = bundleToJson(await signBundle(makeBundle({ entries: dong.entries, period, place: DONG.place, group: { threadId: DONG.threadId, name: DONG.groupName }, exporter }), kDong));
  const good2 = bundleToJson(await signBundle(makeBundle({ entries: doai.entries, period, place: DOAI.place, group: { threadId: DOAI.threadId, name: DOAI.groupName }, exporter }), kDoai));
  // The bad one: a copy of thôn Đoài's bundle with one entry's admin edited by hand.
  const tampered = JSON.parse(good2) as { entries: { admin: string }[] };
  tampered.entries[5].admin = 'Sửa tay';
  const files = [
    { name: 'thon-dong.json', text: good1 },
    { name: 'thon-doai.json', text: good2 },
    { name: 'thon-doai-sua.json', text: JSON.stringify(tampered) },
  ];
  await dropFiles(page, files);

  // First files of two villages: keys not registered yet, nothing counted until the xã registers them.
  await expect(page.getByTestId('xa-summary')).toHaveText('0 tệp hợp lệ, 3 tệp bị từ chối.');
  await expect(page.locator('[data-key=unregistered]')).toHaveCount(2);
  await page.getByTestId('xa-register').first().click();
  await expect(page.locator('[data-key=unregistered]')).toHaveCount(1);
  await page.getByTestId('xa-register').click();
  await expect(page.getByTestId('xa-register-table')).toContainText('Đoài');

  await expect(page.getByTestId('xa-summary')).toHaveText('2 tệp hợp lệ, 1 tệp bị từ chối.');
  await expect(page.locator('[data-status=accepted]')).toHaveCount(2);
  const rejected = page.locator('[data-status=rejected]');
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toContainText('thon-doai-sua.json');
  await expect(rejected).toContainText('Nhật ký bị sửa hoặc thiếu tại mục #6');
  await expect(page.getByTestId('xa-table')).toContainText('Đông');
  await expect(page.getByTestId('xa-table')).toContainText('Đoài');

  // The xã expects last month's reports: these November files are refused with a reason, then
  // accepted again for "this month".
  await page.getByTestId('xa-period').selectOption('last-month');
  await expect(page.locator('[data-status=accepted]')).toHaveCount(0);
  await expect(page.locator('[data-status=rejected]')).toHaveCount(3);
  await page.getByTestId('xa-period').selectOption('this-month');
  await expect(page.locator('[data-status=accepted]')).toHaveCount(2);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xa-xlsx').click()]);
  expect(dl.suggestedFilename()).toMatch(/^tong-hop-xa-an-binh-thang-11-2026\.xlsx$/);
});

test('templates: an invalid import shows the error and keeps existing templates', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openDashboard(page, extensionId, 'templates');
  const items = page.getByTestId('tpl-list').locator('li');
  await expect(items.first()).toBeVisible();
  const before = await items.count();

  // Save one template of our own first.
  await page.getByTestId('tpl-new').click();
  await page.getByTestId('tpl-id').fill('hop-chi-bo');
  await page.getByTestId('tpl-title').fill('Họp chi bộ thôn');
  await page.getByTestId('tpl-body').fill('Kính mời đảng viên {thon} họp chi bộ lúc {gio} ngày {ngay}.');
  await expect(page.getByTestId('tpl-preview')).toContainText('Kính mời đảng viên');
  await page.getByTestId('tpl-save').click();
  await expect(page.getByTestId('tpl-status')).toContainText('Đã lưu mẫu');
  await expect(items).toHaveCount(before + 1);

  // Field errors while editing: an empty title is named.
  await page.getByTestId('tpl-title').fill('');
  await expect(page.getByTestId('tpl-editor')).toContainText('không được để trống');

  const bad = JSON.stringify({ format: 'zalo-group-guard/templates', schemaVersion: 1, name: 'Bộ lỗi', exportedAt: '2026-11-01T00:00:00+07:00', templates: [{ id: 'Sai Ma', title: '', kind: 'khac', pinAfterSend: false, version: 1, body: 'x' }] });
  await page.getByTestId('tpl-import').setInputFiles({ name: 'bo-mau-loi.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('tpl-status')).toContainText('Không nhập được');
  await expect(page.getByTestId('tpl-status')).toContainText('templates[0]');
  await expect(items).toHaveCount(before + 1);
  await page.reload();
  await expect(page.getByTestId('tpl-list').locator('li')).toHaveCount(before + 1);
  await expect(page.getByTestId('tpl-list')).toContainText('Họp chi bộ thôn');
});

test('settings: validation names the field, save survives a reload', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await seeded(page, extensionId, 'settings');
  await page.getByTestId('set-admin').fill('Nguyễn Thị Hoa');
  await page.getByTestId('set-retention').fill('abc');
  await page.getByTestId('set-save').click();
  await expect(page.getByTestId('set-msg')).toContainText('Số ngày lưu nội dung tin nhắn');
  await page.getByTestId('set-retention').fill('90');
  await page.getByTestId('set-save').click();
  await expect(page.getByTestId('set-msg')).toHaveText('Đã lưu cài đặt.');

  // Group rules: a bad domain on line 2 is named with its line; nothing is saved.
  await page.getByTestId('grp-select').selectOption(DONG.threadId);
  await page.getByTestId('grp-block').fill('lua-dao.xyz\nhttp://sai mien');
  await page.getByTestId('grp-save').click();
  await expect(page.getByTestId('grp-msg')).toContainText('Tên miền chặn», dòng 2');
  await page.getByTestId('grp-block').fill('lua-dao.xyz\nqua-tang-vneid.top');
  await page.getByTestId('grp-thon').fill('Thôn Đông');
  await page.getByTestId('grp-save').click();
  await expect(page.getByTestId('grp-msg')).toHaveText('Đã lưu cài đặt.');

  await page.reload();
  await expect(page.getByTestId('set-admin')).toHaveValue('Nguyễn Thị Hoa');
  await expect(page.getByTestId('set-retention')).toHaveValue('90');
  await page.getByTestId('grp-select').selectOption(DONG.threadId);
  await expect(page.getByTestId('grp-block')).toHaveValue('lua-dao.xyz\nqua-tang-vneid.top');
  await expect(page.getByTestId('grp-thon')).toHaveValue('Thôn Đông');
});
