// Signed bundles end to end: the village's browser signs with its own Ed25519 key; the xã registers
// it once, then accepts only that key, rejects forgeries and warns about rewritten or missing history.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { dropFiles, openDashboard } from './support/dashboard';
import { buildStoredLog, seedPage, type StoredLog } from '../unit/dashboard/seed';
import { bundleToJson, makeBundle, monthPeriod, parseBundle, type Bundle } from '../../lib/reports';
import { forgeRehashed } from '../unit/trust/signed-fixtures';
import { checkBundleSignature, signBundle } from '../../lib/trust/bundle-signature';
import { generateSigningKey } from '../../lib/trust/keys';

const DONG = { threadId: 'g-thon-dong', groupName: 'Tổ CNS - Thôn Đông - Xã An Bình', place: { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' } };
const exporter = { adminName: 'Trần Văn Bình', extensionVersion: '0.2.0' };
let dong: StoredLog;

test.beforeAll(async () => {
  dong = await buildStoredLog({ n: 200, seed: 31, start: '2026-10-01T01:00:00.000Z', spanDays: 60, ...DONG });
});

const make = (period = monthPeriod(2026, 11), entries = dong.entries, previous?: Bundle['previous']) =>
  makeBundle({ entries, period, place: DONG.place, group: { threadId: DONG.threadId, name: DONG.groupName }, exporter, previous });

const forge = (b: Bundle) => forgeRehashed(b);

test('Chromium signs with a non-extractable Ed25519 key; the fingerprint is shown as text and QR', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openDashboard(page, extensionId, 'log');
  const support = await page.evaluate(async () => {
    const k = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    return { extractable: k.privateKey.extractable, ua: navigator.userAgent };
  });
  expect(support.extractable).toBe(false);
  await seedPage(page, dong);
  await page.clock.setFixedTime(new Date('2026-12-05T10:00:00+07:00'));
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#reports`);
  await page.reload();

  const fp = page.getByTestId('key-fingerprint');
  await expect(fp).toHaveText(/^\d{4}( \d{4}){4}$/);
  const fingerprint = (await fp.textContent())!;
  await expect(page.getByTestId('key-qr')).toHaveAttribute('data-qr-text', `Tổ CNS — mã khóa: ${fingerprint}`);
  expect(await page.getByTestId('key-qr').locator('path').getAttribute('d')).toMatch(/^M\d/);

  await page.getByTestId('report-year').fill('2026');
  await page.getByTestId('report-month').selectOption('10');
  const [oct] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-bundle').click()]);
  await page.getByTestId('report-month').selectOption('11');
  const [nov] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-bundle').click()]);
  const parsed = [oct, nov].map(async (d) => parseBundle(readFileSync(await d.path(), 'utf8')));
  const [o, n] = await Promise.all(parsed);
  if (!o!.ok || !n!.ok) throw new Error('bundle did not parse');
  const sig = await checkBundleSignature(n.bundle);
  expect(sig).toMatchObject({ status: 'valid', fingerprint });
  // The first export names no predecessor; the second names where the first ended.
  expect(o.bundle.previous).toBeNull();
  expect(n.bundle.previous).toEqual({ lastSeq: o.bundle.chain.lastSeq, headHash: o.bundle.chain.headHash, periodLabel: 'Tháng 10/2026' });
  expect(n.bundle.chain.anchorPrevHash).toBe(o.bundle.chain.headHash);
});

test('xã: register on first bundle, reject a forged re-hashed bundle and a foreign key, warn on dropped entries', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-12-10T10:00:00+07:00'));
  await openDashboard(page, extensionId, 'xa');
  const village = await generateSigningKey();
  const forger = await generateSigningKey();
  const oct = await signBundle(make(monthPeriod(2026, 10), dong.entries, null), village);

  await dropFiles(page, [{ name: 'dong-t10.json', text: bundleToJson(oct) }]);
  const item = page.locator('[data-key=unregistered]');
  await expect(item).toContainText('Chưa đăng ký khóa');
  const fp = (await checkBundleSignature(oct)) as { fingerprint: string };
  await expect(item).toContainText(fp.fingerprint);
  await page.getByTestId('xa-register').click();
  await expect(page.getByTestId('xa-summary')).toHaveText('1 tệp hợp lệ, 0 tệp bị từ chối.');
  await expect(page.getByTestId('xa-file-status')).toHaveText('Đã kiểm tra đủ: đúng khóa đã đăng ký của thôn, chuỗi băm khớp');
  await expect(page.getByTestId('xa-register-table')).toContainText(fp.fingerprint);

  // Next session: November, a forged October (re-hashed, valid chain, signed by someone else),
  // the same forgery keeping the village's signature, and a November rebuilt after deleting entries.
  await page.getByRole('button', { name: 'Làm lại từ đầu' }).click();
  const nov = await signBundle(make(monthPeriod(2026, 11), dong.entries, { lastSeq: oct.chain.lastSeq, headHash: oct.chain.headHash!, periodLabel: oct.period.label }), village);
  const forged = await forge(oct);
  const cut = oct.chain.lastSeq - 3;
  const dropped = await signBundle(make(monthPeriod(2026, 10), dong.entries.filter((e) => e.seq <= cut)), village);
  await dropFiles(page, [
    { name: 'dong-t11.json', text: bundleToJson(nov) },
    { name: 'dong-t10-gia.json', text: bundleToJson(await signBundle(forged, forger)) },
    { name: 'dong-t10-gia-giu-chu-ky.json', text: bundleToJson(forged) },
    { name: 'dong-t10-bot.json', text: bundleToJson(dropped) },
  ]);
  // A row's continuity warnings may name other files, so rows are found by their own file name.
  const row = (name: string) => page.locator(`li.file[data-file="${name}"]`);
  await expect(row('dong-t11.json')).toHaveAttribute('data-status', 'accepted');
  await expect(row('dong-t10-gia.json')).toHaveAttribute('data-status', 'rejected');
  await expect(row('dong-t10-gia.json')).toContainText('khóa khác');
  await expect(row('dong-t10-gia-giu-chu-ky.json')).toContainText('Chữ ký số không khớp nội dung');
  await expect(row('dong-t10-bot.json')).toHaveAttribute('data-status', 'accepted');
  await expect(row('dong-t10-bot.json').getByTestId('xa-continuity')).toContainText(`các mục #${cut + 1}–#${oct.chain.lastSeq} đã báo cáo không còn trong nhật ký`);
  await expect(page.getByTestId('xa-file-status').first()).not.toHaveText(/^Chuỗi băm khớp$/);
});

test('key change: a new key with a backup, the old key signs the change, the xã follows; the backup restores', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openDashboard(page, extensionId, 'log');
  await seedPage(page, dong);
  await page.clock.setFixedTime(new Date('2026-12-05T10:00:00+07:00'));
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#reports`);
  await page.reload();
  const fp = page.getByTestId('key-fingerprint');
  await expect(fp).toHaveText(/^\d{4}( \d{4}){4}$/);
  const oldFp = (await fp.textContent())!;
  await page.getByTestId('report-year').fill('2026');
  await page.getByTestId('report-month').selectOption('10');
  const [oct] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-bundle').click()]);
  const octText = readFileSync(await oct.path(), 'utf8');

  // The xã registers the old key from October's file.
  await page.getByTestId('tab-xa').click();
  await dropFiles(page, [{ name: 'dong-t10.json', text: octText }]);
  await page.getByTestId('xa-register').click();
  await expect(page.getByTestId('xa-summary')).toHaveText('1 tệp hợp lệ, 0 tệp bị từ chối.');

  // The village makes a new key with a backup: two files, the backup and the signed key change.
  await page.getByTestId('tab-reports').click();
  await page.locator('.keypanel__backup summary').click();
  await page.getByTestId('key-pass').fill('mật khẩu thôn Đông');
  await page.getByTestId('key-pass2').fill('mật khẩu thôn Đông');
  const downloads: Promise<import('@playwright/test').Download>[] = [page.waitForEvent('download'), page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().startsWith('doi-khoa-') })];
  await page.getByTestId('key-rotate').click();
  const [backup, statement] = await Promise.all(downloads);
  await expect(page.getByTestId('key-note')).toContainText('tệp "đổi khóa"');
  await expect(fp).not.toHaveText(oldFp);
  const newFp = (await fp.textContent())!;
  const backupText = readFileSync(await backup!.path(), 'utf8');
  expect(JSON.parse(backupText)).toMatchObject({ format: 'zalo-group-guard/key-backup', fingerprint: newFp, kdf: { iterations: 600000 } });

  await page.getByTestId('report-month').selectOption('11');
  const [nov] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-bundle').click()]);
  const novText = readFileSync(await nov.path(), 'utf8');

  // Before the statement the xã refuses November (another key); after it, accepts it.
  await page.getByTestId('tab-xa').click();
  await dropFiles(page, [{ name: 'dong-t11.json', text: novText }]);
  await expect(page.locator('li.file', { hasText: 'dong-t11.json' })).toContainText('khóa khác');
  await dropFiles(page, [{ name: 'doi-khoa.json', text: readFileSync(await statement!.path(), 'utf8') }]);
  await expect(page.getByTestId('xa-key-notes')).toContainText(`đã đổi sang khóa mã ${newFp}`);
  await expect(page.locator('li.file', { hasText: 'dong-t11.json' })).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('xa-register-table')).toContainText(`${oldFp} (đã thay ngày 05/12/2026)`);

  // A wrong password is refused; the right one restores the same key.
  await page.getByTestId('tab-reports').click();
  await page.locator('.keypanel__backup summary').click();
  await page.getByTestId('key-pass').fill('mật khẩu sai');
  await page.getByTestId('key-restore').setInputFiles({ name: 'sao-luu.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
  await expect(page.getByTestId('key-note')).toHaveText('Sai mật khẩu sao lưu, hoặc tệp đã bị sửa.');
  await page.getByTestId('key-pass').fill('mật khẩu thôn Đông');
  await page.getByTestId('key-restore').setInputFiles({ name: 'sao-luu.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
  await expect(page.getByTestId('key-note')).toHaveText(`Đã khôi phục khóa (mã ${newFp}).`);
});

test.describe('province scale: the check runs in workers', () => {
  /** Workers the page starts, each with a promise that settles when it ends. */
  function watchWorkers(page: Page) {
    const seen: { url: string; closed: Promise<void> }[] = [];
    page.on('worker', (w) => seen.push({ url: w.url(), closed: new Promise((r) => w.once('close', () => r())) }));
    return seen;
  }

  /** Drops `n` copies of one file under different names, built in the page (no n× transfer). */
  async function dropCopies(page: Page, text: string, n: number): Promise<void> {
    const dt = await page.evaluateHandle(
      ([t, count]) => {
        const d = new DataTransfer();
        for (let i = 0; i < count; i++) d.items.add(new File([t], `thon-${String(i).padStart(4, '0')}.json`, { type: 'application/json' }));
        return d;
      },
      [text, n] as const,
    );
    await page.getByTestId('xa-drop').dispatchEvent('drop', { dataTransfer: dt });
  }

  test('progress bar and results stream in; Cancel stops every worker and keeps nothing of the stopped check', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await openDashboard(page, extensionId, 'xa');
    const workers = watchWorkers(page);
    const text = bundleToJson(await signBundle(make(), await generateSigningKey()));
    await dropCopies(page, text, 400);

    const bar = page.getByRole('progressbar', { name: 'Tiến độ kiểm tra tệp của các thôn' });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuemax', '400');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await expect(page.getByTestId('xa-progress')).toContainText(/Đã kiểm tra \d+\/400 tệp/);
    // Results are listed as they are checked, before the whole batch is done.
    await expect(page.getByTestId('xa-streamed').locator('li').first()).toContainText('thon-');
    const before = Number(await bar.getAttribute('aria-valuenow'));
    expect(before).toBeLessThan(400);

    // By keyboard: under load Playwright's pointer click waits for two identical frames, which a page
    // re-rendering every 150 ms may not give it before the check ends.
    await page.getByTestId('xa-cancel').press('Enter');
    await expect(bar).toBeHidden();
    await expect(page.getByRole('alert')).toHaveText('Đã dừng kiểm tra; chưa tổng hợp tệp nào.');
    await expect(page.getByTestId('xa-files')).toHaveCount(0);
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((w) => /xa-verify\.worker/.test(w.url))).toBe(true);
    await Promise.all(workers.map((w) => w.closed));
  });

  test('through the workers: a forged re-hashed bundle is rejected, an unregistered key reads "chưa đăng ký khóa"', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-12-10T10:00:00+07:00'));
    await openDashboard(page, extensionId, 'xa');
    const workers = watchWorkers(page);
    const village = await generateSigningKey();
    const oct = await signBundle(make(monthPeriod(2026, 10), dong.entries, null), village);
    await dropFiles(page, [{ name: 'dong-t10.json', text: bundleToJson(oct) }]);
    await page.getByTestId('xa-register').click();
    await expect(page.getByTestId('xa-summary')).toHaveText('1 tệp hợp lệ, 0 tệp bị từ chối.');

    await page.getByRole('button', { name: 'Làm lại từ đầu' }).click();
    const stranger = await generateSigningKey();
    const doai = await signBundle(
      makeBundle({ entries: dong.entries, period: monthPeriod(2026, 11), place: { ...DONG.place, thon: 'Đoài' }, group: { threadId: DONG.threadId, name: 'Tổ CNS - Thôn Đoài' }, exporter }),
      stranger,
    );
    const forged = await forge(oct);
    await dropFiles(page, [
      { name: 'dong-t10-gia.json', text: bundleToJson(await signBundle(forged, stranger)) },
      { name: 'dong-t10-gia-giu-chu-ky.json', text: bundleToJson(forged) },
      { name: 'doai-t11.json', text: bundleToJson(doai) },
    ]);
    const row = (name: string) => page.locator(`[data-testid=xa-files] li.file[data-file="${name}"]`);
    await expect(row('dong-t10-gia.json')).toHaveAttribute('data-status', 'rejected');
    await expect(row('dong-t10-gia.json')).toContainText('có thể là tệp giả');
    await expect(row('dong-t10-gia-giu-chu-ky.json')).toContainText('Chữ ký số không khớp nội dung');
    await expect(row('doai-t11.json').locator('[data-key=unregistered]')).toContainText('Chưa đăng ký khóa');
    await expect(row('doai-t11.json').getByTestId('xa-register')).toBeVisible();
    await expect(page.getByTestId('xa-summary')).toHaveText('0 tệp hợp lệ, 3 tệp bị từ chối.');
    expect(workers.some((w) => /xa-verify\.worker/.test(w.url))).toBe(true);
  });
});
